import Foundation
import SMTPProbePOSIX

/// The Dovecot instance of `Scripts/servers/dovecot.sh`, from the `SMTPPROBE_TEST_*`
/// variables (`TestServers.variables`).
struct IMAPTestServers: Sendable {
  var imapsPort: Int
  var imapPort: Int
  var user: String
  var passwordFile: String

  /// The running instance, or nil when it is not configured or not answering.
  static let current: IMAPTestServers? = load()

  /// In CI a missing server fails the tests; elsewhere they are skipped.
  static var enabled: Bool { current != nil || TestServers.isCI }

  static func require() throws -> IMAPTestServers {
    guard let current else { throw TestServers.Missing(variable: "SMTPPROBE_TEST_IMAPS_PORT") }
    return current
  }

  private static func load() -> IMAPTestServers? {
    let env = TestServers.variables
    guard let imaps = env["SMTPPROBE_TEST_IMAPS_PORT"].flatMap({ Int($0) }),
      let imap = env["SMTPPROBE_TEST_IMAP_PORT"].flatMap({ Int($0) }),
      let user = env["SMTPPROBE_TEST_IMAP_USER"],
      let passwordFile = env["SMTPPROBE_TEST_IMAP_PASSWORD_FILE"],
      let (transport, _) = try? SocketTransport.connect(
        host: "127.0.0.1", port: imaps, connectTimeout: 2)
    else { return nil }
    transport.close()
    return IMAPTestServers(
      imapsPort: imaps, imapPort: imap, user: user, passwordFile: passwordFile)
  }
}
