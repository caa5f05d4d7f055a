import Foundation
import Testing

/// A running `scripted-smtpd` (Sources/scripted-smtpd) replaying `script`, for tests.
///
/// Launches the built binary on 127.0.0.1 port 0, reads `PORT n` from its stdout, and stops it
/// in `stop()` or `deinit`. Its stdin is a pipe we hold: if the test process dies, the pipe
/// closes and the server exits on its own.
final class ScriptedServer {
  /// The server could not be started.
  struct StartFailure: Error, CustomStringConvertible {
    var description: String
  }

  let port: Int
  /// Where the server logs each line: `C: ` from the client, `S: ` from the server.
  let logURL: URL
  private let process: Process
  private let stdinPipe: Pipe
  private let directory: URL

  /// `listen` is the address to bind (`[::1]:0` for IPv6); `options` are further command-line
  /// options (`--buffer-bytes N`); `laterScripts` are replayed by the second and later
  /// connections in turn, the last one for every connection after.
  init(
    script: String, connections: Int? = 1, listen: String = "127.0.0.1:0", options: [String] = [],
    laterScripts: [String] = []
  ) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("scripted-smtpd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let scriptURL = directory.appendingPathComponent("script.txt")
    logURL = directory.appendingPathComponent("log.txt")
    try script.write(to: scriptURL, atomically: true, encoding: .utf8)
    var laterArguments: [String] = []
    for (index, later) in laterScripts.enumerated() {
      let url = directory.appendingPathComponent("script-\(index + 2).txt")
      try later.write(to: url, atomically: true, encoding: .utf8)
      laterArguments += ["--then-script", url.path]
    }

    process = Process()
    process.executableURL = try Self.binary()
    var arguments =
      [
        "--listen", listen, "--script", scriptURL.path, "--log", logURL.path,
      ] + options + laterArguments
    if let connections { arguments += ["--connections", String(connections)] }
    process.arguments = arguments
    stdinPipe = Pipe()
    let stdoutPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    try process.run()

    var output = Data()
    while !output.contains(0x0A) {
      let chunk = stdoutPipe.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      output.append(chunk)
    }
    let line = String(decoding: output, as: UTF8.self)
    guard line.hasPrefix("PORT "),
      let port = Int(line.dropFirst(5).prefix { $0.isNumber })
    else {
      process.terminate()
      throw StartFailure(description: "scripted-smtpd did not print its port: \(line)")
    }
    self.port = port
  }

  deinit { stop() }

  /// The log lines so far.
  func log() -> [String] {
    guard let text = try? String(contentsOf: logURL, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").map(String.init)
  }

  /// The lines the client sent, in order (the log's `C: ` lines, without the marker).
  func clientLines() -> [String] {
    log().filter { $0.hasPrefix("C: ") }.map { String($0.dropFirst(3)) }
  }

  /// Closes the server's stdin (its signal to exit), then terminates it if needed.
  func stop() {
    try? stdinPipe.fileHandleForWriting.close()
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    try? FileManager.default.removeItem(at: directory)
  }

  /// The built `scripted-smtpd`, next to the test bundle or in `.build/debug`.
  static func binary() throws -> URL {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent(),
      Bundle.main.bundleURL,
      TestServers.repositoryRoot.appendingPathComponent(".build/debug"),
    ].map { $0.appendingPathComponent("scripted-smtpd") }
    guard
      let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
    else {
      throw StartFailure(description: "scripted-smtpd is not built: run swift build first")
    }
    return found
  }
}
