/// What a round trip looks for and how long it may take.
public struct RoundTripRequest: Hashable, Sendable {
  public var mailbox: IMAPMailbox
  /// The IMAP password (`--imap-password-file` or `SMTPPROBE_IMAP_PASSWORD`).
  public var password: Secret
  /// The test message's token, searched for in Subject (`TestMessage.token`).
  public var token: String
  /// `--arrival-timeout`: give up this many seconds after the submission was accepted.
  public var arrivalTimeout: Double
  /// Seconds per IMAP command (check's `--timeout`).
  public var commandTimeout: Double
  /// Seconds for the TCP connect.
  public var connectTimeout: Double
  /// Seconds between searches.
  public var pollInterval: Double = 1

  public init(
    mailbox: IMAPMailbox, password: Secret, token: String, arrivalTimeout: Double,
    commandTimeout: Double, connectTimeout: Double
  ) {
    self.mailbox = mailbox
    self.password = password
    self.token = token
    self.arrivalTimeout = arrivalTimeout
    self.commandTimeout = commandTimeout
    self.connectTimeout = connectTimeout
  }
}
