// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "smtpprobe",
  products: [
    .executable(name: "smtpprobe", targets: ["smtpprobe"]),
    .library(name: "SMTPProbeCore", targets: ["SMTPProbeCore"]),
    .library(name: "SMTPProbePOSIX", targets: ["SMTPProbePOSIX"]),
  ],
  dependencies: [],
  targets: [
    .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
    .systemLibrary(name: "CResolv", path: "Sources/CResolv"),
    // Pure values and functions. The compiler keeps it so: each platform module is aliased to a
    // module that does not exist, so `import Glibc` (or Foundation, OpenSSL, ...) fails to build.
    .target(
      name: "SMTPProbeCore",
      swiftSettings: [
        .unsafeFlags(
          [
            "Glibc", "Musl", "Foundation", "FoundationEssentials", "COpenSSL", "CResolv",
            "Dispatch",
          ]
          .flatMap { ["-module-alias", "\($0)=SMTPProbeCoreMayNotImport\($0)"] })
      ]
    ),
    // The world: POSIX sockets, OpenSSL, libresolv, the wall and monotonic clocks, runners.
    .target(
      name: "SMTPProbePOSIX",
      dependencies: ["SMTPProbeCore", "COpenSSL", "CResolv"]
    ),
    .executableTarget(
      name: "smtpprobe",
      dependencies: ["SMTPProbeCore", "SMTPProbePOSIX"]
    ),
    .executableTarget(
      name: "smtpprobe-bench",
      dependencies: ["SMTPProbeCore"]
    ),
    .executableTarget(
      name: "scripted-smtpd",
      dependencies: ["SMTPProbeCore", "SMTPProbePOSIX"]
    ),
    // Strict parsers of check's output formats, shared by the unit and integration tests.
    .target(name: "CheckOutputGrammars", path: "Tests/CheckOutputGrammars"),
    .testTarget(
      name: "SMTPProbeTests",
      dependencies: ["SMTPProbeCore", "SMTPProbePOSIX", "smtpprobe", "CheckOutputGrammars"]
    ),
    .testTarget(
      name: "IntegrationTests",
      dependencies: ["SMTPProbeCore", "SMTPProbePOSIX", "smtpprobe", "CheckOutputGrammars"]
    ),
  ]
)
