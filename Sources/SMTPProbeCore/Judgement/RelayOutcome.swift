/// What the server answered to one relay test: the record the judgement reads.
public struct RelayOutcome: Hashable, Sendable {
  /// The test that was sent.
  public var test: RelayTest
  /// The reply to MAIL FROM, or nil when the session ended before it.
  public var mailReply: Reply?
  /// The reply to RCPT TO, or nil when MAIL was refused or the session ended before it.
  public var rcptReply: Reply?

  public init(test: RelayTest, mailReply: Reply?, rcptReply: Reply?) {
    self.test = test
    self.mailReply = mailReply
    self.rcptReply = rcptReply
  }

  /// Whether the server took the outside recipient: a 2yz to RCPT (RFC 5321 4.2.5: 250 or
  /// 251 accept, 252 means it will try to deliver).
  public var accepted: Bool { rcptReply?.replyClass == .positiveCompletion }

  /// Whether the server asked for authentication: 530 (RFC 4954 6) to MAIL or RCPT.
  public var authenticationRequired: Bool {
    mailReply?.code == 530 || rcptReply?.code == 530
  }

  /// Whether the server refused the test at MAIL or RCPT.
  public var refused: Bool {
    if let mailReply, !mailReply.isPositive { return true }
    if let rcptReply, !rcptReply.isPositive { return true }
    return false
  }
}
