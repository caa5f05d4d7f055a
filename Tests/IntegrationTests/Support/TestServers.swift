import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// The loopback servers `Scripts/test-servers` starts, found through `SMTPPROBE_TEST_*`.
///
/// Variables come from the environment (`Scripts/test` exports `.test-servers/env`), else from
/// `.test-servers/env` in the checkout when that server answers. Without a server a test is
/// skipped on a developer machine, but in CI (`CI=true`) it runs and fails: a missing server
/// must not pass silently there (DESIGN.md, Tests and scripts).
enum TestServers {
  /// A server the test needs is not configured or not running.
  struct Missing: Error, CustomStringConvertible {
    var variable: String
    var description: String {
      "\(variable) is not set: start the servers with Scripts/test-servers start"
    }
  }

  static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// The checkout's root, from this file's path.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `SMTPPROBE_TEST_*` variables: the environment's, else the env file's.
  static let variables: [String: String] = {
    let environment = ProcessInfo.processInfo.environment
    if environment["SMTPPROBE_TEST_POSTFIX_PORT"] != nil { return environment }
    let file = repositoryRoot.appendingPathComponent(".test-servers/env")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return environment }
    var merged = environment
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2, merged[String(parts[0])] == nil {
        merged[String(parts[0])] = String(parts[1])
      }
    }
    return merged
  }()

  /// Whether Postfix tests should run: the server answers, or we are in CI.
  static var postfixEnabled: Bool { isCI || postfixAnswers }

  private static let postfixAnswers: Bool = {
    guard let port = variables["SMTPPROBE_TEST_POSTFIX_PORT"].flatMap(Int.init) else {
      return false
    }
    return answers(port: port)
  }()

  /// The Postfix port (`SMTPPROBE_TEST_POSTFIX_PORT`), or throws (failing the test).
  static func postfixPort() throws -> Int {
    try port("SMTPPROBE_TEST_POSTFIX_PORT")
  }

  /// The port of the Postfix listener that rejects every client at connect.
  static func postfixRejectPort() throws -> Int {
    try port("SMTPPROBE_TEST_POSTFIX_REJECT_PORT")
  }

  /// The directory holding one Maildir per probe.test user.
  static func postfixMaildir() throws -> URL {
    guard let path = variables["SMTPPROBE_TEST_POSTFIX_MAILDIR"] else {
      throw Missing(variable: "SMTPPROBE_TEST_POSTFIX_MAILDIR")
    }
    return URL(fileURLWithPath: path)
  }

  private static func port(_ variable: String) throws -> Int {
    guard let port = variables[variable].flatMap(Int.init) else {
      throw Missing(variable: variable)
    }
    return port
  }

  private static func answers(port: Int) -> Bool {
    guard
      let (transport, _) = try? SocketTransport.connect(
        host: "127.0.0.1", port: port, connectTimeout: 2)
    else { return false }
    transport.close()
    return true
  }
}
