// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "smtpprobe",
  products: [
    .executable(name: "smtpprobe", targets: ["smtpprobe"]),
    .library(name: "SMTPProbe", targets: ["SMTPProbe"]),
  ],
  dependencies: [],
  targets: [
    .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
    .systemLibrary(name: "CResolv", path: "Sources/CResolv"),
    .target(
      name: "SMTPProbe",
      dependencies: ["COpenSSL", "CResolv"]
    ),
    .executableTarget(
      name: "smtpprobe",
      dependencies: ["SMTPProbe"]
    ),
    .executableTarget(
      name: "smtpprobe-bench",
      dependencies: ["SMTPProbe"]
    ),
    .executableTarget(
      name: "scripted-smtpd",
      dependencies: ["SMTPProbe"]
    ),
    .testTarget(
      name: "SMTPProbeTests",
      dependencies: ["SMTPProbe", "smtpprobe"]
    ),
    .testTarget(
      name: "IntegrationTests",
      dependencies: ["SMTPProbe", "smtpprobe"]
    ),
  ]
)
