/// What a complete session amounted to: the facts a verdict's summary is made of.
public struct SessionFinding: Hashable, Sendable {
  /// The refusal that decided the verdict: the first permanent one, else the first transient.
  public var refusal: Refusal?
  /// How many recipients were accepted, out of how many answered, and how many got no answer
  /// because the session ended first (a 421, a close).
  public var recipients: RecipientTally?
  /// The message is over the server's SIZE limit, so it was never sent (RFC 1870 6).
  public var oversize: SizeExcess?
  /// The message was accepted (with the queue id, when the server gave one).
  public var messageAccepted: Bool
  public var queueID: String?
  /// A message was planned, but `--quit-after` stopped before it was sent.
  public var stoppedBeforeMessage: DialoguePlan.Stage?
  /// AUTH succeeded as this user and mechanism.
  public var authenticated: AuthResult?
  /// The session stopped where `--quit-after` asked.
  public var stoppedAfter: DialoguePlan.Stage?
  /// `--quit-after auth` without credentials: the session stopped there, but no AUTH was sent.
  public var authSkipped: Bool

  public init(
    refusal: Refusal? = nil, recipients: RecipientTally? = nil, oversize: SizeExcess? = nil,
    messageAccepted: Bool = false, queueID: String? = nil,
    stoppedBeforeMessage: DialoguePlan.Stage? = nil, authenticated: AuthResult? = nil,
    stoppedAfter: DialoguePlan.Stage? = nil, authSkipped: Bool = false
  ) {
    self.refusal = refusal
    self.recipients = recipients
    self.oversize = oversize
    self.messageAccepted = messageAccepted
    self.queueID = queueID
    self.stoppedBeforeMessage = stoppedBeforeMessage
    self.authenticated = authenticated
    self.stoppedAfter = stoppedAfter
    self.authSkipped = authSkipped
  }
}

/// Recipients accepted, answered and left without an answer.
public struct RecipientTally: Hashable, Sendable {
  public var accepted: Int
  public var answered: Int
  public var unanswered: Int

  public init(accepted: Int, answered: Int, unanswered: Int) {
    self.accepted = accepted
    self.answered = answered
    self.unanswered = unanswered
  }
}
