/// How the server answered one transaction of a multi-transaction session: each reply, or nil
/// where the session never got that far.
///
/// One per planned transaction, in order (`SessionRecord.transactions`). A reply is nil when
/// its command was not sent or not answered: MAIL was refused without PIPELINING (the RCPTs
/// are then not sent), or the session ended first (a 421, a dropped connection, a timeout).
public struct TransactionResult: Hashable, Sendable {
  /// What was sent: the planned transaction, with the server's address filled in.
  public var transaction: TransactionPlan
  /// The reply to MAIL FROM.
  public var mailReply: Reply?
  /// The reply to each RCPT TO, in the order of `transaction.recipients`.
  public var rcptReplies: [Reply?]
  /// The reply to the RSET that ended the transaction.
  public var resetReply: Reply?
  /// Why the transaction was not sent at all: a UTF-8 mailbox for a server without SMTPUTF8
  /// (RFC 6531 3.2); nil when it was sent or the session ended first.
  public var notSent: SessionProblem?

  public init(
    transaction: TransactionPlan, mailReply: Reply? = nil, rcptReplies: [Reply?]? = nil,
    resetReply: Reply? = nil
  ) {
    self.transaction = transaction
    self.mailReply = mailReply
    self.rcptReplies = rcptReplies ?? Array(repeating: nil, count: transaction.recipients.count)
    self.resetReply = resetReply
  }

  /// Whether MAIL got 2yz.
  public var mailAccepted: Bool { mailReply?.replyClass == .positiveCompletion }

  /// Whether the RCPT at `index` got 2yz (RFC 5321 4.2.5: 250 or 251; 252 also leaves it to
  /// the server to deliver).
  public func recipientAccepted(at index: Int) -> Bool {
    guard rcptReplies.indices.contains(index) else { return false }
    return rcptReplies[index]?.replyClass == .positiveCompletion
  }

  /// Each recipient with its reply (nil: never answered), in order.
  public var recipients: [(path: EnvelopePath, reply: Reply?)] {
    Array(zip(transaction.recipients, rcptReplies))
  }

  /// Whether every command of the transaction, RSET included, was answered.
  public var completed: Bool {
    mailReply != nil && resetReply != nil
      && (!mailAccepted || rcptReplies.allSatisfy { $0 != nil })
  }
}
