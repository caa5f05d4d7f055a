/// What the dialogue learned and did, as facts: no verdict, no prose.
///
/// `DialogueState` adds to it as replies come; `SessionDriver` copies it into the
/// `SessionRecord` once the session is over.
public struct DialogueFacts: Hashable, Sendable {
  /// The capabilities in force: from the last EHLO (nil after STARTTLS until the next EHLO).
  public var capabilities: Capabilities?
  /// The capabilities from before STARTTLS, when TLS was negotiated.
  public var capabilitiesBeforeTLS: Capabilities?
  /// What the TLS handshake established (after STARTTLS, or on connect).
  public var tls: TLSReport?
  /// How AUTH went, when it was attempted.
  public var auth: AuthResult?
  /// Whether MAIL, RCPT and DATA went out pipelined (RFC 2920).
  public var pipelined = false
  /// The answer to each RCPT of a mailbox, in order (those of every transaction included).
  public var recipients: [RecipientResult] = []
  /// Whether the message was accepted (2yz after the end of data).
  public var messageAccepted = false
  /// The queue id from the final reply to the message, when the server gave one.
  public var queueID: String?
  /// The message is over the server's SIZE limit, so it was never sent (RFC 1870 6).
  public var oversize: SizeExcess?
  /// Every reply that refused something, in order.
  public var refusals: [Refusal] = []
  /// Fallbacks and choices that did not decide the outcome, in order.
  public var notes: [DialogueNote] = []
  /// Why the session could not complete, when it could not.
  public var problem: SessionProblem?
  /// The server announced it was closing the channel with 421 (RFC 5321 3.8).
  public var serverShutdown = false
  /// What went out as the message content, when it was sent (in full or in part).
  public var content: ContentReport?
  /// How each planned transaction went (`DialoguePlan.transactions`), one per transaction in
  /// order, nil replies where the session never got; empty for a one-transaction plan.
  public var transactions: [TransactionResult] = []

  public init() {}
}
