import Foundation
import SMTPProbeCore
import SMTPProbePOSIX

/// The Dante SOCKS5 servers `Scripts/servers/dante.sh` starts: one without authentication,
/// one with RFC 1929 user name and password (a system user the script creates as root).
enum SOCKSTestServers {
  /// Whether the proxy tests run: dante answers, or we are in CI (where a missing server
  /// fails them).
  static var enabled: Bool { TestServers.isCI || plainAnswers }

  /// Whether the authenticating instance was started (it needs root); in CI it must be.
  static var authEnabled: Bool { TestServers.isCI || authAnswers }

  private static let plainAnswers = answers("SMTPPROBE_TEST_SOCKS_PORT")
  private static let authAnswers = answers("SMTPPROBE_TEST_SOCKS_AUTH_PORT")

  /// `socks5://127.0.0.1:PORT` of the instance without authentication.
  static func plain() throws -> String {
    "socks5://127.0.0.1:\(try port("SMTPPROBE_TEST_SOCKS_PORT"))"
  }

  /// The authenticating instance: its `--proxy` value with the user, and the password.
  static func authenticating() throws -> (proxy: String, user: String, password: String) {
    let port = try port("SMTPPROBE_TEST_SOCKS_AUTH_PORT")
    guard let user = TestServers.variables["SMTPPROBE_TEST_SOCKS_USER"],
      let password = TestServers.variables["SMTPPROBE_TEST_SOCKS_PASSWORD"]
    else { throw TestServers.Missing(variable: "SMTPPROBE_TEST_SOCKS_USER") }
    return ("socks5://\(user)@127.0.0.1:\(port)", user, password)
  }

  private static func port(_ variable: String) throws -> Int {
    guard let port = TestServers.variables[variable].flatMap(Int.init) else {
      throw TestServers.Missing(variable: variable)
    }
    return port
  }

  private static func answers(_ variable: String) -> Bool {
    guard let port = TestServers.variables[variable].flatMap(Int.init),
      let (transport, _) = try? SocketTransport.connect(
        host: "127.0.0.1", port: port, connectTimeout: 2)
    else { return false }
    transport.close()
    return true
  }
}
