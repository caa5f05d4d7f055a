import Foundation
import SMTPProbePOSIX

/// The submission Postfix instance of `Scripts/servers/postfix-submission.sh`, from the
/// `SMTPPROBE_TEST_*` variables (`TestServers.variables`).
struct SubmissionTestServers: Sendable {
  var submissionPort: Int
  var implicitPort: Int
  var authBeforeTLSPort: Int
  var encryptPort: Int
  var maildir: URL
  var user: String
  var passwordFile: String

  /// The running instance, or nil when it is not configured or not answering.
  static let current: SubmissionTestServers? = load()

  /// In CI a missing server fails the tests; elsewhere they are skipped.
  static var enabled: Bool { current != nil || TestServers.isCI }

  static func require() throws -> SubmissionTestServers {
    guard let current else {
      throw TestServers.Missing(variable: "SMTPPROBE_TEST_SUBMISSION_PORT")
    }
    return current
  }

  private static func load() -> SubmissionTestServers? {
    let env = TestServers.variables
    func port(_ name: String) -> Int? { env[name].flatMap { Int($0) } }
    guard let submission = port("SMTPPROBE_TEST_SUBMISSION_PORT"),
      let implicit = port("SMTPPROBE_TEST_SUBMISSION_IMPLICIT_PORT"),
      let authBeforeTLS = port("SMTPPROBE_TEST_SUBMISSION_AUTHPLAIN_PORT"),
      let encrypt = port("SMTPPROBE_TEST_ENCRYPT_PORT"),
      let maildir = env["SMTPPROBE_TEST_SUBMISSION_MAILDIR"],
      let user = env["SMTPPROBE_TEST_SUBMISSION_USER"],
      let passwordFile = env["SMTPPROBE_TEST_SUBMISSION_PASSWORD_FILE"],
      let (transport, _) = try? SocketTransport.connect(
        host: "127.0.0.1", port: submission, connectTimeout: 2)
    else { return nil }
    transport.close()
    return SubmissionTestServers(
      submissionPort: submission, implicitPort: implicit, authBeforeTLSPort: authBeforeTLS,
      encryptPort: encrypt, maildir: URL(fileURLWithPath: maildir), user: user,
      passwordFile: passwordFile)
  }
}
