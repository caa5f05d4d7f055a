/// Everything one SMTP session produced, as facts: built once by `SessionDriver`, never
/// changed afterwards.
///
/// No verdict and no prose: the judgements (`ProbeJudgement`) decide what the facts mean and
/// the renderers put them into words.
public struct SessionRecord: Hashable, Sendable {
  /// What the user asked the dialogue to do.
  public let plan: DialoguePlan
  /// Where the session ran; nil when the transport came without connection facts (tests).
  public let connection: SessionConnection?
  /// From the session start to the complete greeting.
  public let greetingMilliseconds: Int?
  /// From the session start to the close.
  public let totalMilliseconds: Int
  /// Every reply with the command it answered, in order.
  public let steps: [Step]
  public let transcript: Transcript
  /// Writes followed by a wait for replies (fewer with PIPELINING).
  public let roundTrips: Int
  /// What the dialogue learned: capabilities, TLS, AUTH, recipients, refusals, notes, problem.
  public let facts: DialogueFacts

  public init(
    plan: DialoguePlan, connection: SessionConnection?, greetingMilliseconds: Int? = nil,
    totalMilliseconds: Int = 0, steps: [Step] = [], transcript: Transcript = Transcript(),
    roundTrips: Int = 0, facts: DialogueFacts
  ) {
    self.plan = plan
    self.connection = connection
    self.greetingMilliseconds = greetingMilliseconds
    self.totalMilliseconds = totalMilliseconds
    self.steps = steps
    self.transcript = transcript
    self.roundTrips = roundTrips
    self.facts = facts
  }

  /// The host name dialled.
  public var host: String? { connection?.host }
  /// The IP address connected to.
  public var address: String? { connection?.address }
  /// The TCP port.
  public var port: Int? { connection?.port }
  /// How long the TCP connect took.
  public var connectMilliseconds: Int? { connection?.connectMilliseconds }
  /// What the TLS handshake established, after STARTTLS or on connect (`--tls-on-connect`).
  public var tls: TLSReport? { facts.tls }
  /// The capabilities in force at the end (after TLS when it was negotiated).
  public var capabilities: Capabilities? { facts.capabilities }
  /// The capabilities from before STARTTLS, when TLS was negotiated.
  public var capabilitiesBeforeTLS: Capabilities? { facts.capabilitiesBeforeTLS }
  /// How AUTH went, when it was attempted (never the password).
  public var auth: AuthResult? { facts.auth }
  /// Whether MAIL, RCPT and DATA went out pipelined (RFC 2920).
  public var pipelined: Bool { facts.pipelined }
  /// The answer to each RCPT.
  public var recipients: [RecipientResult] { facts.recipients }
  /// How each planned transaction went (`DialoguePlan.transactions`): the MAIL, RCPT and
  /// RSET replies, nil where the session never got; empty for a one-transaction plan.
  public var transactions: [TransactionResult] { facts.transactions }
  /// Whether the message was accepted.
  public var messageAccepted: Bool { facts.messageAccepted }
  /// The queue id from the final reply to the message.
  public var queueID: String? { facts.queueID }
  /// Fallbacks and choices that did not decide the outcome.
  public var notes: [DialogueNote] { facts.notes }
  /// Why the session could not complete, when it could not.
  public var problem: SessionProblem? { facts.problem }
  /// Whether TLS came up on connect rather than after STARTTLS.
  public var tlsOnConnect: Bool {
    tls != nil && !steps.contains { $0.command == .startTLS && $0.reply.isPositive }
  }

  /// The capability lines in force, verbatim (the JSON `capabilities` array).
  public var capabilityLines: [String] { capabilities?.keywords.map(\.line) ?? [] }

  /// What changed across STARTTLS, when TLS was negotiated.
  public var capabilityDiff: CapabilityDiff? {
    guard let before = capabilitiesBeforeTLS, let after = capabilities else { return nil }
    return before.diff(to: after)
  }
}
