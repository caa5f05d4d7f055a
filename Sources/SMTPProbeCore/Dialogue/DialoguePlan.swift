/// What the user asked the dialogue to do: names, addresses, where to stop, TLS, the message.
///
/// Build one from the command line, call `validate()` before opening any connection (every
/// value that goes on the wire is checked first, issue 3 item 3), then hand it to
/// `SessionDriver`.
public struct DialoguePlan: Hashable, Sendable {
  /// A stage after which the dialogue stops and says QUIT (`--quit-after`).
  public enum Stage: String, Hashable, Sendable, CaseIterable, Comparable {
    /// After the connection (and TLS on connect): close without waiting for the greeting, and
    /// without QUIT, since RFC 5321 3.1 has a client say nothing before the greeting.
    case connect
    case greeting
    /// After the first EHLO (or the HELO fallback).
    case ehlo
    /// After STARTTLS and the second EHLO (after EHLO when TLS is off or not offered).
    case starttls
    case auth
    /// After MAIL FROM: RSET, then QUIT.
    case mail
    /// After every RCPT TO: RSET, then QUIT.
    case rcpt
    /// After the message's final reply. Needs a message (`--data` or `--send-test-message`).
    case data

    public static func < (lhs: Stage, rhs: Stage) -> Bool {
      allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
  }

  /// Whether and how to use STARTTLS (RFC 3207).
  public enum TLSMode: String, Hashable, Sendable, CaseIterable {
    /// Upgrade when the server offers STARTTLS; carry on in clear when it does not.
    case auto
    /// Upgrade or stop before MAIL (a downgrade the user refuses).
    case require
    /// Never send STARTTLS.
    case off
  }

  /// The message to send in the DATA phase, if any.
  public enum Message: Hashable, Sendable {
    case none
    /// A whole RFC 5322 message (`--data FILE`); line endings are normalized when sent.
    case data([UInt8])
    /// The built-in test message (`--send-test-message`), dated and numbered by the caller.
    case testMessage(unixTime: Int64, random: UInt64)
    /// A file (`--data FILE`), streamed from disk as it is sent; only its size is read first.
    case file(MessageFile)
  }

  /// Credentials for AUTH (RFC 4954).
  ///
  /// They are sent only over TLS with a trusted certificate unless `allowInsecure` is set; see
  /// `DialogueState`.
  public struct Authentication: Hashable, Sendable {
    /// A mechanism to insist on (`--auth-mech`), or nil to choose from what the server offers.
    public var mechanism: String?
    public var user: String
    public var password: Secret
    /// Whether credentials may go over a connection without TLS (`--auth-insecure`).
    public var allowInsecure: Bool
    /// HMAC-MD5 from the crypto layer; without it CRAM-MD5 is never chosen.
    public var hmacMD5: KeyedDigest?

    public init(
      mechanism: String? = nil, user: String, password: Secret, allowInsecure: Bool = false,
      hmacMD5: KeyedDigest? = nil
    ) {
      self.hmacMD5 = hmacMD5
      self.mechanism = mechanism
      self.user = user
      self.password = password
      self.allowInsecure = allowInsecure
    }
  }

  /// The EHLO/HELO argument (`--helo`).
  public var ehloName: String
  /// The MAIL FROM reverse-path; nil is the null sender `<>`.
  public var from: Address?
  /// The RCPT TO forward-paths, in order.
  public var recipients: [Address]
  /// Where to stop, or nil to run the whole dialogue.
  public var quitAfter: Stage?
  public var tls: TLSMode
  /// The name the TLS handshake sends as SNI and checks the certificate against.
  ///
  /// The host name dialled (the MX name or `--server` host, never the IP); the caller sets it.
  public var tlsServerName: String
  /// Whether to pipeline MAIL, RCPT and DATA when the server offers PIPELINING (RFC 2920).
  public var pipelining: Bool
  public var message: Message
  public var auth: Authentication?
  /// Seconds to wait for each reply after a command (`--timeout`).
  public var timeout: Double
  /// Seconds to wait for the greeting (`--greeting-timeout`); slow banners of 20-30 s are real.
  public var greetingTimeout: Double
  /// Hard bounds on the server's replies.
  public var replyLimits: ReplyParser.Limits
  /// Mail transactions to run in this one session after EHLO, STARTTLS and AUTH, each ended
  /// with RSET, never DATA; empty for the one transaction of `from` and `recipients`.
  ///
  /// With transactions, `recipients` must be empty, no message is sent and `from` is not
  /// used: each transaction names its own sender.
  public var transactions: [TransactionPlan] = []

  public init(
    ehloName: String, from: Address? = nil, recipients: [Address] = [], quitAfter: Stage? = nil,
    tls: TLSMode = .auto, tlsServerName: String = "", pipelining: Bool = true,
    message: Message = .none, auth: Authentication? = nil, timeout: Double = 30,
    greetingTimeout: Double = 60, replyLimits: ReplyParser.Limits = .standard
  ) {
    self.ehloName = ehloName
    self.from = from
    self.recipients = recipients
    self.quitAfter = quitAfter
    self.tls = tls
    self.tlsServerName = tlsServerName
    self.pipelining = pipelining
    self.message = message
    self.auth = auth
    self.timeout = timeout
    self.greetingTimeout = greetingTimeout
    self.replyLimits = replyLimits
  }

  /// Checks every value that will go on the wire, and that the options fit together.
  ///
  /// Addresses are validated when they are made (`Address.init`).
  public func validate() throws(InputError) {
    try WireValidation.validateEHLOName(ehloName)
    if let auth {
      try WireValidation.validateArgument(auth.user, field: .authUser)
      if let mechanism = auth.mechanism {
        try WireValidation.validateArgument(mechanism, field: .authMechanism)
        guard SASLMechanism(name: mechanism) != nil else {
          let known = SASLMechanism.allCases.map(\.rawValue).joined(separator: ", ")
          throw .unsupportedPlan(
            reason: "--auth-mech \(InputError.quote(mechanism)) is not a mechanism smtpprobe "
              + "speaks (\(known))")
        }
      }
    }
    if message != .none, recipients.isEmpty {
      throw .unsupportedPlan(
        reason: "sending a message (--data or --send-test-message) needs at least one --to")
    }
    if !transactions.isEmpty {
      try validateTransactions()
      return
    }
    if quitAfter == .rcpt, recipients.isEmpty {
      throw .unsupportedPlan(reason: "--quit-after rcpt needs at least one --to")
    }
    if quitAfter == .data, message == .none {
      throw .unsupportedPlan(
        reason: "--quit-after data needs a message (--data FILE or --send-test-message)")
    }
  }

  /// The rules of a multi-transaction plan: RSET ends each transaction, so there is no
  /// message and no stop inside one, and every RCPT belongs to a transaction.
  private func validateTransactions() throws(InputError) {
    if !recipients.isEmpty {
      throw .unsupportedPlan(
        reason: "a plan with transactions names its recipients in them, not in recipients")
    }
    if message != .none {
      throw .unsupportedPlan(reason: "a plan with transactions never sends a message")
    }
    if quitAfter == .mail || quitAfter == .data {
      throw .unsupportedPlan(
        reason: "a plan with transactions runs each to its RSET: --quit-after mail or data "
          + "does not apply")
    }
  }

  /// Every recipient mailbox the plan asks about: `recipients`, or those of the transactions.
  public var addressRecipients: [Address] {
    recipients + transactions.flatMap { $0.recipients.compactMap(\.address) }
  }

  /// The message prepared for DATA, or nil when none is to be sent.
  public func messageBody() -> MessageBody? {
    switch message {
    case .none:
      return nil
    case .data(let bytes):
      return MessageBody(message: bytes)
    case .testMessage(let unixTime, let random):
      let test = TestMessage(
        unixTime: unixTime, random: random, heloName: ehloName, from: from, to: recipients)
      return MessageBody(message: test.bytes())
    case .file(let file):
      return MessageBody(file: file)
    }
  }

  /// Seconds each block of the message content may take to be written.
  ///
  /// The DATA block timeout of RFC 5321 4.5.3.2.5 (3 minutes), scaled with `--timeout`
  /// (6 × `timeout`, so 3 minutes at the default 30 s). Each block gets it anew: a message
  /// that keeps moving never times out.
  public var dataBlockTimeout: Double { timeout * 6 }

  /// Seconds to wait for the reply to the final `.`.
  ///
  /// The DATA termination timeout of RFC 5321 4.5.3.2.6 (10 minutes, while the server filters
  /// and stores the message), scaled with `--timeout` (20 × `timeout`, so 10 minutes at the
  /// default 30 s); it starts once the `.` is written, not when the content began.
  public var dataTerminationTimeout: Double { timeout * 20 }

  /// Whether the dialogue goes on past `stage`.
  func continues(after stage: Stage) -> Bool {
    guard let quitAfter else { return true }
    return quitAfter > stage
  }
}
