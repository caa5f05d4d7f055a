/// Everything one SMTP session produced: what a renderer needs for text and JSON output.
///
/// `SessionDriver` fills the dialogue part; the caller that opened the connection fills `host`,
/// `address`, `port` and `connectMilliseconds`.
public struct SessionResult: Hashable, Sendable {
  /// The host name dialled (an MX name or `--server`), filled by the caller.
  public var host: String?
  /// The IP address connected to, filled by the caller.
  public var address: String?
  /// The TCP port, filled by the caller.
  public var port: Int?
  /// How long the TCP connect took, filled by the caller.
  public var connectMilliseconds: Int?
  /// From the session start to the complete greeting.
  public var greetingMilliseconds: Int?
  /// From the session start to the close.
  public var totalMilliseconds: Int
  /// What the TLS handshake established, after STARTTLS or on connect (`--tls-on-connect`).
  public var tls: TLSReport?
  /// The capabilities in force at the end (after TLS when it was negotiated).
  public var capabilities: Capabilities?
  /// The capabilities from before STARTTLS, when TLS was negotiated.
  public var capabilitiesBeforeTLS: Capabilities?
  /// How AUTH went, when it was attempted (never the password).
  public var auth: AuthResult?
  /// Every reply with its diagnosis, in order.
  public var steps: [Step]
  public var transcript: Transcript
  /// Writes followed by a wait for replies (fewer with PIPELINING).
  public var roundTrips: Int
  /// Whether MAIL, RCPT and DATA went out pipelined (RFC 2920).
  public var pipelined: Bool
  /// The answer to each RCPT.
  public var recipients: [RecipientResult]
  /// Whether the message was accepted.
  public var messageAccepted: Bool
  /// The queue id from the final reply to the message.
  public var queueID: String?
  /// Fallbacks and warnings that did not decide the verdict.
  public var notes: [String]
  public var verdict: Verdict

  public init(
    host: String? = nil, address: String? = nil, port: Int? = nil,
    connectMilliseconds: Int? = nil, greetingMilliseconds: Int? = nil, totalMilliseconds: Int,
    tls: TLSReport? = nil, capabilities: Capabilities? = nil,
    capabilitiesBeforeTLS: Capabilities? = nil, auth: AuthResult? = nil, steps: [Step] = [],
    transcript: Transcript = Transcript(), roundTrips: Int = 0, pipelined: Bool = false,
    recipients: [RecipientResult] = [], messageAccepted: Bool = false, queueID: String? = nil,
    notes: [String] = [], verdict: Verdict
  ) {
    self.host = host
    self.address = address
    self.port = port
    self.connectMilliseconds = connectMilliseconds
    self.greetingMilliseconds = greetingMilliseconds
    self.totalMilliseconds = totalMilliseconds
    self.tls = tls
    self.capabilities = capabilities
    self.capabilitiesBeforeTLS = capabilitiesBeforeTLS
    self.auth = auth
    self.steps = steps
    self.transcript = transcript
    self.roundTrips = roundTrips
    self.pipelined = pipelined
    self.recipients = recipients
    self.messageAccepted = messageAccepted
    self.queueID = queueID
    self.notes = notes
    self.verdict = verdict
  }

  /// The capability lines in force, verbatim (the JSON `capabilities` array).
  public var capabilityLines: [String] { capabilities?.keywords.map(\.line) ?? [] }

  /// What changed across STARTTLS, when TLS was negotiated.
  public var capabilityDiff: CapabilityDiff? {
    guard let before = capabilitiesBeforeTLS, let after = capabilities else { return nil }
    return before.diff(to: after)
  }
}
