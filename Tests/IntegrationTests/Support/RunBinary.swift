import Foundation

/// What a run of the binary produced.
struct RunResult: Sendable {
  var status: Int32
  var stdout: String
  var stderr: String

  /// stderr split into lines, without the final empty one.
  var stderrLines: [String] {
    stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .dropLast(stderr.hasSuffix("\n") ? 1 : 0)
  }
}

/// Why the binary could not be run at all.
struct RunBinaryError: Error, CustomStringConvertible {
  var description: String
}

/// Runs the freshly built `smtpprobe` binary the way a user does (swift-argument-parser's
/// `AssertExecuteCommand` idea): real argv, stdin, environment; stdout and stderr captured.
///
/// The binary is found, in order: `SMTPPROBE_BIN`; next to the running test bundle (the same
/// build directory `swift build --build-tests` just wrote, so debug tests run the debug
/// binary); `.build/debug/smtpprobe` under the package root found from `#filePath`.
enum RunBinary {
  static func binaryURL(filePath: String = #filePath) throws -> URL {
    let fileManager = FileManager.default
    if let path = ProcessInfo.processInfo.environment["SMTPPROBE_BIN"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      var directory = executable.deletingLastPathComponent()
      // On some platforms the runner sits inside the .xctest bundle.
      while directory.path != "/" {
        candidates.append(directory.appendingPathComponent("smtpprobe"))
        if !directory.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) { break }
        directory = directory.deletingLastPathComponent()
      }
    }
    let root = URL(fileURLWithPath: filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // IntegrationTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // package root
    candidates.append(root.appendingPathComponent(".build/debug/smtpprobe"))
    for candidate in candidates where fileManager.isExecutableFile(atPath: candidate.path) {
      return candidate
    }
    throw RunBinaryError(
      description: "smtpprobe binary not found (tried \(candidates.map(\.path))); "
        + "run 'swift build --build-tests' or set SMTPPROBE_BIN")
  }

  /// Runs `smtpprobe arguments…` with `stdin` (empty when nil) and an environment of only
  /// `PATH`, `HOME` and `environment`, so the caller's NO_COLOR or TERM cannot leak in.
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
  ) throws -> RunResult {
    let fileManager = FileManager.default
    let scratch = fileManager.temporaryDirectory
      .appendingPathComponent("smtpprobe-run-\(UUID().uuidString)")
    try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? fileManager.removeItem(at: scratch) }
    let inputURL = scratch.appendingPathComponent("stdin")
    let outputURL = scratch.appendingPathComponent("stdout")
    let errorURL = scratch.appendingPathComponent("stderr")
    try Data((stdin ?? "").utf8).write(to: inputURL)
    _ = fileManager.createFile(atPath: outputURL.path, contents: nil)
    _ = fileManager.createFile(atPath: errorURL.path, contents: nil)

    let input = try FileHandle(forReadingFrom: inputURL)
    let output = try FileHandle(forWritingTo: outputURL)
    let error = try FileHandle(forWritingTo: errorURL)
    defer {
      try? input.close()
      try? output.close()
      try? error.close()
    }

    let process = Process()
    process.executableURL = try binaryURL()
    process.arguments = arguments
    var base: [String: String] = [:]
    let parent = ProcessInfo.processInfo.environment
    for key in ["PATH", "HOME"] { base[key] = parent[key] }
    process.environment = base.merging(environment) { _, new in new }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    process.waitUntilExit()

    return RunResult(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}
