/// The SMTP client dialogue as a state machine: given the last reply, what to send next.
///
/// It holds no socket (STYLE rule 8): each mutating method returns a `DialogueAction` that
/// `SessionDriver` performs. The order follows RFC 5321 3.1-3.3 and 4.1.1: greeting, EHLO
/// (HELO fallback, 4.1.4), STARTTLS (RFC 3207) and a second EHLO, AUTH (RFC 4954), MAIL, RCPT
/// for every recipient, DATA, the content, QUIT.
///
/// Decisions worth knowing:
/// - A greeting other than 2yz is explained and answered with QUIT only: no blind EHLO after a
///   554 or 451 banner (RFC 5321 3.1: such a server waits for QUIT).
/// - A 421 at any point ends the dialogue: we say QUIT in case the server still listens and
///   accept that it may already have closed (RFC 5321 3.8).
/// - A refused RCPT does not stop the others. When no recipient was accepted, DATA is not sent.
/// - Stopping inside a mail transaction (`--quit-after mail|rcpt`, no message, every recipient
///   refused) sends RSET before QUIT, so the server discards the transaction explicitly
///   (RFC 5321 4.1.1.5) rather than by the QUIT alone; with PIPELINING both go in one write.
/// - With PIPELINING offered and allowed, MAIL, every RCPT and then DATA (or RSET and QUIT when
///   nothing follows) go out in one write; RFC 2920 3.1 lets DATA or QUIT end such a group.
/// - AUTH (RFC 4954) runs only over TLS whose certificate is trusted, unless the user allowed
///   otherwise (`--auth-insecure`): RFC 4954 section 4 leaves it to the client, and PLAIN or
///   LOGIN over clear text, or to a server we cannot authenticate, hands the password to
///   whoever sits on the path. A refused AUTH stops before MAIL; its reply decides the verdict.
/// - A message larger than the server's advertised SIZE limit is never sent (RFC 1870 6: a
///   client that knows the message is over the fixed maximum should not send it). MAIL still
///   goes out with SIZE=N and the RCPTs after it, so the server's own answer (552 5.3.4) is
///   shown; DATA never does, and the transaction ends with RSET. If the server takes MAIL and a
///   recipient anyway, the verdict is a permanent failure that names both sizes.
public struct DialogueState: Sendable {
  private enum State: Sendable {
    case idle
    case awaitingGreeting
    case awaitingHello
    case awaitingStartTLS
    case upgradingTLS
    case authenticating
    case inTransaction
    case awaitingEndOfData(abandoning: Bool)
    case quitting
    case finished
  }

  /// A reply that refused something, kept for the verdict.
  private struct Rejection: Sendable {
    var what: String
    var kind: CommandKind
    var reply: Reply
  }

  public let plan: DialoguePlan
  private let canUpgradeTLS: Bool
  private let body: MessageBody?
  private var state: State = .idle
  /// Commands whose replies are still owed, oldest first.
  private var outstanding: [Command] = []
  private var pipelining = false
  private var authExchange: AuthExchange?
  /// The connection was TLS from the start (RFC 8314 3.3): no STARTTLS, HELO fallback allowed.
  private let implicitTLS: Bool

  /// The capabilities in force: from the last EHLO (nil after STARTTLS until the next EHLO).
  public private(set) var capabilities: Capabilities?
  /// The capabilities from before STARTTLS, when TLS was negotiated.
  public private(set) var capabilitiesBeforeTLS: Capabilities?
  /// What the TLS handshake established.
  public private(set) var tlsReport: TLSReport?
  /// The answer to each RCPT, in order.
  public private(set) var recipients: [RecipientResult] = []
  /// The queue id from the final reply to the message, when the server gave one.
  public private(set) var queueID: String?
  /// Things worth telling the user that did not decide the verdict (fallbacks, warnings).
  public private(set) var notes: [String] = []
  /// Whether the message was accepted (2yz after the end of data).
  public private(set) var messageAccepted = false
  /// How AUTH went, when it was attempted.
  public private(set) var authResult: AuthResult?
  /// Whether the dialogue used PIPELINING for the mail transaction.
  public var usedPipelining: Bool { pipelining }

  private var mailAccepted = false
  private var firstPermanent: Rejection?
  private var firstTransient: Rejection?
  private var closedBy421 = false
  /// The message's size and the server's SIZE limit, when the message is over it (RFC 1870).
  private var oversize: (octets: Int, limit: Int)?
  private var problem: SessionProblem?

  /// Makes the machine for `plan`; `canUpgradeTLS` says whether the driver can run a TLS
  /// handshake (without it STARTTLS is never sent, since a 220 would leave us stuck).
  ///
  /// `implicitTLS` is the handshake's report when the connection was TLS from the start
  /// (`--tls-on-connect`, port 465, RFC 8314 3.3): the dialogue then never sends STARTTLS and
  /// counts the session as encrypted for AUTH.
  public init(plan: DialoguePlan, canUpgradeTLS: Bool, implicitTLS: TLSReport? = nil) {
    self.plan = plan
    self.canUpgradeTLS = canUpgradeTLS
    self.body = plan.messageBody()
    self.implicitTLS = implicitTLS != nil
    self.tlsReport = implicitTLS
  }

  /// The step the next reply answers, or nil when no reply is expected.
  public var awaitingKind: CommandKind? {
    switch state {
    case .awaitingGreeting: .greeting
    case .idle, .finished, .upgradingTLS: nil
    default: outstanding.first?.kind
    }
  }

  /// The command the next reply answers (nil for the greeting).
  public var awaitingCommand: Command? { outstanding.first }

  /// Whether the dialogue is over.
  public var isFinished: Bool {
    if case .finished = state { return true }
    return false
  }

  // MARK: Events

  /// Starts the dialogue: the first thing to do is read the greeting (RFC 5321 3.1).
  public mutating func start() -> DialogueAction {
    state = .awaitingGreeting
    return .receive
  }

  /// Feeds the next reply; returns what to do next.
  public mutating func receive(_ reply: Reply) -> DialogueAction {
    switch state {
    case .awaitingGreeting:
      return greeting(reply)
    case .awaitingHello, .awaitingStartTLS, .authenticating, .inTransaction, .awaitingEndOfData,
      .quitting:
      guard !outstanding.isEmpty else { return finish() }
      let command = outstanding.removeFirst()
      if command == .quit {
        state = .finished
        return .close(sendQuit: false)
      }
      if reply.code == 421 {
        // RFC 5321 3.8: the server is shutting the channel; nothing else it owes will come.
        closedBy421 = true
        if case .rcpt(let address, _) = command {
          recipients.append(RecipientResult(address: address, reply: reply))
        }
        reject(command, reply)
        if outstanding.contains(.quit) {
          // A pipelined QUIT is already on its way: wait for its reply or the close.
          outstanding = [.quit]
          state = .quitting
          return .receive
        }
        return quit()
      }
      if !command.kind.admits(reply.code) {
        // Every later reply would answer the wrong command: stop trusting them.
        problem = problem ?? .outOfStep(code: reply.code, command: command.displayName)
        state = .finished
        outstanding = []
        return .close(sendQuit: true)
      }
      return handle(reply, to: command)
    case .idle, .upgradingTLS, .finished:
      notes.append("ignored an unexpected reply: \(reply.lines.first ?? "")")
      return isFinished ? .close(sendQuit: false) : .receive
    }
  }

  /// The peer closed the connection (no partial reply pending).
  public mutating func peerClosed() -> DialogueAction {
    // Closing right after QUIT (or after a 421) is what servers do; anywhere else it is not.
    if !closedBy421, outstanding.first != .quit, problem == nil {
      problem = .peerClosed(waitingFor: waitingPhrase)
    }
    state = .finished
    outstanding = []
    return .close(sendQuit: false)
  }

  /// A transport error (a timeout included) while sending or waiting.
  public mutating func transportFailed(_ error: TransportError) -> DialogueAction {
    let wasQuitting = outstanding.first == .quit
    let waitingFor = waitingPhrase
    state = .finished
    outstanding = []
    if wasQuitting || closedBy421 {
      notes.append("no reply to QUIT: \(error)")
      return .close(sendQuit: false)
    }
    if case .connectionReset = error, problem == nil {
      problem = .peerReset(waitingFor: waitingFor)
    }
    if problem == nil { problem = .transport(error) }
    if case .timedOut = error { return .close(sendQuit: true) }
    return .close(sendQuit: false)
  }

  /// The server sent bytes before `command` went out, with no reply owed: whatever it says
  /// next would be paired with the wrong command, so stop.
  ///
  /// A 421 is the exception: RFC 5321 3.8 lets a server announce its shutdown at any moment,
  /// so it ends the session as transient, like a 421 answering a command.
  public mutating func unsolicitedReply(before command: String, reply: Reply?) -> DialogueAction {
    if let reply, reply.code == 421 {
      closedBy421 = true
      if firstTransient == nil {
        firstTransient = Rejection(
          what: "the session (before \(command))", kind: .noop, reply: reply)
      }
      state = .finished
      outstanding = []
      return .close(sendQuit: false)
    }
    if problem == nil { problem = .unsolicitedReply(before: command, line: reply?.lines.first) }
    state = .finished
    outstanding = []
    return .close(sendQuit: true)
  }

  /// The reply parser hit a hard bound: the server is not speaking SMTP as we can follow it.
  public mutating func protocolViolation(_ error: ReplyParserError) -> DialogueAction {
    if problem == nil { problem = .protocolViolation(error) }
    state = .finished
    outstanding = []
    return .close(sendQuit: true)
  }

  /// The TLS handshake succeeded: forget what we knew and EHLO again.
  ///
  /// RFC 3207 4.2: "the client MUST discard any knowledge obtained from the server ... which
  /// was not obtained from the TLS negotiation itself".
  public mutating func tlsUpgraded(_ report: TLSReport) -> DialogueAction {
    tlsReport = report
    capabilitiesBeforeTLS = capabilities
    capabilities = nil
    return hello(.ehlo(plan.ehloName))
  }

  /// The certificate is not trusted and `--tls-verify` makes that an error.
  ///
  /// The handshake completed and the upgrader has closed the connection; the report is kept,
  /// so the output still shows the chain and each fault with its fix.
  public mutating func tlsUntrusted(_ report: TLSReport) -> DialogueAction {
    tlsReport = report
    capabilitiesBeforeTLS = capabilities
    if problem == nil {
      problem = .tlsUntrusted(
        name: report.verification.expectedName, faults: report.verification.faults.map(\.name))
    }
    state = .finished
    outstanding = []
    return .close(sendQuit: false)
  }

  /// The TLS handshake failed; the connection is in an unknown state and must be closed.
  public mutating func tlsFailed(_ reason: String) -> DialogueAction {
    if problem == nil { problem = .tlsFailed(reason) }
    state = .finished
    outstanding = []
    return .close(sendQuit: false)
  }

  // MARK: Verdict

  /// The session's verdict so far (final once `isFinished`).
  public var verdict: Verdict {
    if let problem {
      return Verdict(status: .incomplete, summary: problem.description, problem: problem)
    }
    if let rejection = firstPermanent ?? firstTransient {
      let status: Verdict.Status =
        rejection.reply.replyClass == .transientNegative ? .transientFailure : .permanentFailure
      var summary = "\(rejection.what) refused: \(Self.describe(rejection.reply, rejection.kind))"
      if let recipientSummary { summary += "; \(recipientSummary)" }
      if let oversizeSummary { summary += "; \(oversizeSummary)" }
      if messageAccepted {
        // Some recipients were refused, yet the message went to the others (RFC 5321 3.3).
        let accepted = recipients.filter(\.accepted).count
        summary +=
          "; message accepted for the \(accepted) accepted recipient\(accepted == 1 ? "" : "s")"
          + " only" + (queueID.map { " (queued as \($0))" } ?? "")
      } else if body != nil, let stage = plan.quitAfter, !plan.continues(after: .rcpt) {
        summary += "; stopped after \(stage.rawValue) as asked, so the message was not sent"
      }
      return Verdict(
        status: status, summary: summary, decisiveCommand: rejection.kind,
        decisiveReply: rejection.reply)
    }
    var parts = ["every reply was positive"]
    if let recipientSummary { parts.append(recipientSummary) }
    if let oversizeSummary {
      return Verdict(
        status: .permanentFailure,
        summary: "\(oversizeSummary), so it was not sent; " + parts.joined(separator: "; "))
    }
    if messageAccepted {
      parts.append("message accepted" + (queueID.map { " (queued as \($0))" } ?? ""))
    }
    if let authResult, authResult.authenticated {
      parts.append("authenticated as \(authResult.user) (\(authResult.mechanism))")
    }
    if let stage = plan.quitAfter { parts.append("stopped after \(stage.rawValue) as asked") }
    return Verdict(status: .ok, summary: parts.joined(separator: "; "))
  }

  /// "the message is N bytes; the server's SIZE limit is M (RFC 1870)".
  private var oversizeSummary: String? {
    oversize.map {
      "the message is \($0.octets) bytes; the server's SIZE limit is \($0.limit) (RFC 1870)"
    }
  }

  private var recipientSummary: String? {
    guard !recipients.isEmpty else { return nil }
    let accepted = recipients.filter(\.accepted).count
    let summary =
      "\(accepted) of \(recipients.count) recipient\(recipients.count == 1 ? "" : "s") accepted"
    // A 421 (Postfix's "too many errors") or a close can end the session mid-list.
    let unanswered = plan.recipients.count - recipients.count
    guard unanswered > 0, plan.continues(after: .mail) else { return summary }
    return summary + "; \(unanswered) more got no answer (the session ended first)"
  }

  /// `550 5.1.1 (mailbox-unknown): The mailbox does not exist`.
  static func describe(_ reply: Reply, _ kind: CommandKind) -> String {
    let diagnosis = Classifier.diagnose(reply, after: kind)
    let enhanced = reply.enhanced.map { " \($0)" } ?? ""
    return "\(reply.code)\(enhanced) (\(diagnosis.category.rawValue)): \(diagnosis.summary)"
  }

  // MARK: Steps

  private mutating func greeting(_ reply: Reply) -> DialogueAction {
    if let foreign = ForeignGreeting(reply) {
      // Another protocol: QUIT means nothing to it; just hang up.
      problem = problem ?? .notSMTP(foreign)
      return finish()
    }
    guard reply.replyClass != nil else {
      return stop(.unexpectedReply(to: "the greeting", code: reply.code))
    }
    guard reply.replyClass == .positiveCompletion else {
      // RFC 5321 3.1 and 4.3.2: after 554 (or 421, 4yz) the server waits for QUIT; EHLO would
      // only earn a 503.
      if reply.code == 421 { closedBy421 = true }
      reject(nil, reply)
      return quit()
    }
    guard plan.continues(after: .greeting) else { return quit() }
    return hello(.ehlo(plan.ehloName))
  }

  private mutating func hello(_ command: Command) -> DialogueAction {
    state = .awaitingHello
    return send([command])
  }

  private mutating func handle(_ reply: Reply, to command: Command) -> DialogueAction {
    switch command {
    case .ehlo, .helo:
      return helloReply(reply, to: command)
    case .startTLS:
      return startTLSReply(reply)
    case .auth, .authContinuation, .authCancel:
      return authReply(reply)
    case .mail:
      if reply.replyClass == .positiveCompletion {
        mailAccepted = true
      } else {
        reject(command, reply)
      }
      if pipelining { return more() }
      guard mailAccepted else { return quit() }
      guard plan.continues(after: .mail), let first = plan.recipients.first else {
        return resetAndQuit()
      }
      return send([rcpt(first)])
    case .rcpt(let address, _):
      guard reply.replyClass != nil else {
        let problem = SessionProblem.unexpectedReply(to: command.displayName, code: reply.code)
        guard pipelining else { return stop(problem) }
        // Replies to the rest of the group are still coming: read them to stay in step.
        if self.problem == nil { self.problem = problem }
        return more()
      }
      recipients.append(RecipientResult(address: address, reply: reply))
      if reply.replyClass != .positiveCompletion { reject(command, reply) }
      if pipelining { return more() }
      if recipients.count < plan.recipients.count {
        return send([rcpt(plan.recipients[recipients.count])])
      }
      return afterRecipients()
    case .data:
      return dataReply(reply)
    case .content:
      return endOfDataReply(reply)
    case .rset:
      if reply.replyClass != .positiveCompletion {
        notes.append("RSET got \(reply.code); ending the session anyway")
      }
      return outstanding.isEmpty ? quit() : .receive
    default:
      return outstanding.isEmpty ? quit() : .receive
    }
  }

  private mutating func helloReply(_ reply: Reply, to command: Command) -> DialogueAction {
    let isHELO: Bool
    if case .helo = command { isHELO = true } else { isHELO = false }
    guard reply.replyClass == .positiveCompletion else {
      // RFC 5321 4.1.4 and 3.2: a server that does not know EHLO says 500 or 502; some say
      // 504 or 550. Fall back to HELO once, before TLS only.
      if !isHELO, tlsReport == nil || implicitTLS, [500, 502, 504, 550].contains(reply.code) {
        notes.append("EHLO refused with \(reply.code); falling back to HELO (RFC 5321 4.1.4)")
        return hello(.helo(plan.ehloName))
      }
      reject(command, reply)
      return quit()
    }
    capabilities = Capabilities(reply: reply, fromHELO: isHELO)
    if tlsReport != nil { return afterTLS() }
    guard plan.continues(after: .ehlo) else { return quit() }
    return negotiateTLS()
  }

  private mutating func negotiateTLS() -> DialogueAction {
    let offered = capabilities?.offers(.startTLS) ?? false
    switch plan.tls {
    case .off:
      break
    case .auto:
      if offered, canUpgradeTLS {
        state = .awaitingStartTLS
        return send([.startTLS])
      }
      if offered {
        notes.append("STARTTLS offered, but this build has no TLS; continuing without TLS")
      } else if capabilities?.fromHELO == true {
        notes.append("HELO lists no extensions, so STARTTLS cannot be used; continuing without TLS")
      } else {
        notes.append("the server does not offer STARTTLS; continuing without TLS")
      }
    case .require:
      guard offered else { return stop(.tlsNotOffered) }
      guard canUpgradeTLS else { return stop(.tlsUnavailable) }
      state = .awaitingStartTLS
      return send([.startTLS])
    }
    return afterTLS()
  }

  private mutating func startTLSReply(_ reply: Reply) -> DialogueAction {
    if reply.replyClass == .positiveCompletion {
      state = .upgradingTLS
      return .upgradeTLS(serverName: plan.tlsServerName)
    }
    if plan.tls == .require {
      return stop(.tlsRefused(code: reply.code, text: reply.text))
    }
    notes.append(
      "STARTTLS refused with \(reply.code) \(reply.text); continuing without TLS (--tls auto)")
    return afterTLS()
  }

  /// After the TLS stage (done, refused, skipped): `--quit-after starttls`, AUTH, then MAIL.
  ///
  /// The capability change across STARTTLS is in `capabilitiesBeforeTLS` and `capabilities`.
  private mutating func afterTLS() -> DialogueAction {
    guard plan.continues(after: .starttls) else { return quit() }
    if let auth = plan.auth { return authenticate(auth) }
    return afterAuth()
  }

  /// Starts AUTH (RFC 4954 4) with the mechanism asked for or the best one offered.
  private mutating func authenticate(_ auth: DialoguePlan.Authentication) -> DialogueAction {
    if !auth.allowInsecure {
      guard let tlsReport else { return stop(.authWithoutTLS) }
      guard tlsReport.verification.isTrusted else {
        return stop(
          .authUntrustedTLS(
            name: tlsReport.verification.expectedName,
            faults: tlsReport.verification.faults.map(\.name)))
      }
    }
    guard let capabilities, capabilities.offers(.auth) else { return stop(.authNotOffered) }
    let mechanism: SASLMechanism
    do throws(SASLError) {
      var requested: SASLMechanism?
      if let name = auth.mechanism {
        // validate() refuses unknown names before we connect; this is a backstop.
        guard let known = SASLMechanism(name: name) else {
          throw .mechanismNotOffered(requested: name, offered: capabilities.authMechanisms)
        }
        requested = known
      }
      mechanism = try SASLMechanism.choose(
        offered: capabilities.authMechanisms, encrypted: tlsReport != nil, requested: requested,
        canDigest: auth.hmacMD5 != nil)
    } catch {
      return stop(.authImpossible(error))
    }
    if tlsReport == nil {
      notes.append("sending credentials without TLS, as allowed by --auth-insecure")
    } else if tlsReport?.verification.isTrusted == false {
      notes.append(
        "sending credentials over TLS with an untrusted certificate, as allowed by "
          + "--auth-insecure")
    }
    var exchange = AuthExchange(
      mechanism: mechanism, user: auth.user, password: auth.password, hmacMD5: auth.hmacMD5)
    let command = exchange.start()
    authExchange = exchange
    authResult = AuthResult(user: auth.user, mechanism: mechanism.rawValue, authenticated: false)
    state = .authenticating
    return send([command])
  }

  private mutating func authReply(_ reply: Reply) -> DialogueAction {
    guard var exchange = authExchange else { return quit() }
    let outcome = exchange.handle(reply)
    authExchange = exchange
    let opening = Command.auth(mechanism: exchange.mechanism.rawValue, initialResponse: nil)
    switch outcome {
    case .respond(let command):
      return send([command])
    case .authenticated:
      authResult?.authenticated = true
      return afterAuth()
    case .refused:
      // 535, 534, 538, 454, 530: the verdict comes from this reply (exit 1 or 2).
      reject(opening, reply)
      return quit()
    case .cancelled(let reason):
      return stop(.authCancelled(mechanism: exchange.mechanism.rawValue, reason: reason))
    }
  }

  private mutating func afterAuth() -> DialogueAction {
    guard plan.continues(after: .auth) else { return quit() }
    guard !plan.recipients.isEmpty || plan.quitAfter == .mail else { return quit() }
    return startTransaction()
  }

  private mutating func startTransaction() -> DialogueAction {
    let capabilities = self.capabilities ?? Capabilities(reply: Reply(250, ""), fromHELO: true)
    let addresses = [plan.from].compactMap { $0 } + plan.recipients
    let needsUTF8 = addresses.first { $0.needsSMTPUTF8 }
    if let needsUTF8, !capabilities.offers(.smtpUTF8) {
      return stop(.smtpUTF8NotOffered(needsUTF8))
    }
    var parameters: [String] = []
    var sendsData = body != nil && plan.continues(after: .rcpt)
    if let body, sendsData {
      if capabilities.offers(.size) {
        // RFC 1870 3: the declared size counts CRLFs, not the dot-stuffing or final ".".
        parameters.append("SIZE=\(body.octets)")
        if let limit = capabilities.maximumMessageSize, body.octets > limit {
          // RFC 1870 6: do not send what the server said it will not take; ask with SIZE=N so
          // its own answer shows, and end the transaction without DATA.
          oversize = (body.octets, limit)
          sendsData = false
          notes.append(
            "the message is \(body.octets) bytes; the server's SIZE limit is \(limit) "
              + "(RFC 1870): sending MAIL with SIZE=\(body.octets) but never the message")
        }
      }
      if body.has8BitOctets {
        if capabilities.offers(.eightBitMIME) {
          parameters.append("BODY=8BITMIME")  // RFC 6152 2
        } else {
          notes.append("the message has 8-bit bytes but the server does not offer 8BITMIME")
        }
      }
    }
    if needsUTF8 != nil { parameters.append("SMTPUTF8") }  // RFC 6531 3.4
    let mail = Command.mail(from: plan.from, parameters: parameters)
    state = .inTransaction
    pipelining = plan.pipelining && capabilities.offers(.pipelining)
    guard pipelining else { return send([mail]) }
    var group = [mail]
    if plan.continues(after: .mail) { group += plan.recipients.map(rcpt) }
    group += sendsData ? [.data] : [.rset, .quit]
    if !sendsData { state = .quitting }
    return send(group)
  }

  private func rcpt(_ address: Address) -> Command {
    .rcpt(to: address, parameters: [])
  }

  /// Non-pipelined: every RCPT answered; DATA or the end of the transaction.
  private mutating func afterRecipients() -> DialogueAction {
    let accepted = recipients.contains(where: \.accepted)
    guard body != nil, accepted, plan.continues(after: .rcpt), oversize == nil else {
      return resetAndQuit()
    }
    return send([.data])
  }

  private mutating func dataReply(_ reply: Reply) -> DialogueAction {
    guard reply.replyClass == .positiveIntermediate else {
      reject(.data, reply)
      return outstanding.isEmpty ? resetAndQuit() : .receive
    }
    let accepted = mailAccepted && recipients.contains(where: \.accepted)
    if problem != nil, accepted {
      // The server now reads message data, so QUIT would become part of the message, and "."
      // would deliver an empty one. Closing makes it discard the transaction (RFC 5321 3.8).
      state = .finished
      outstanding = []
      return .close(sendQuit: false)
    }
    if let body, accepted {
      state = .awaitingEndOfData(abandoning: false)
      return send([.content(body)])
    }
    // 354 although nothing was accepted (possible when DATA was pipelined): RFC 2920 3.1 says
    // the client must then end the data with "." alone; the server then refuses it.
    notes.append("DATA got 354 although no recipient was accepted; sent an empty message to end it")
    state = .awaitingEndOfData(abandoning: true)
    return send([.content(.empty)])
  }

  private mutating func endOfDataReply(_ reply: Reply) -> DialogueAction {
    if case .awaitingEndOfData(abandoning: true) = state {
      return resetAndQuit()
    }
    if reply.replyClass == .positiveCompletion {
      messageAccepted = true
      queueID = QueueID.extract(from: reply)
    } else {
      reject(.content(body ?? .empty), reply)
    }
    return quit()
  }

  /// Pipelined group: keep reading while replies are owed; when the last one (DATA's) is in,
  /// `dataReply` has already decided.
  private mutating func more() -> DialogueAction {
    outstanding.isEmpty ? resetAndQuit() : .receive
  }

  /// Ends an open (or refused) mail transaction: RSET then QUIT, in one write when pipelining.
  private mutating func resetAndQuit() -> DialogueAction {
    guard mailAccepted else { return quit() }
    mailAccepted = false
    if pipelining {
      state = .quitting
      return send([.rset, .quit])
    }
    state = .inTransaction
    return send([.rset])
  }

  private mutating func quit() -> DialogueAction {
    state = .quitting
    return send([.quit])
  }

  /// Records why we cannot go on and leaves politely.
  private mutating func stop(_ reason: SessionProblem) -> DialogueAction {
    if problem == nil { problem = reason }
    return quit()
  }

  private mutating func finish() -> DialogueAction {
    state = .finished
    return .close(sendQuit: false)
  }

  private mutating func send(_ commands: [Command]) -> DialogueAction {
    outstanding = commands
    return .send(commands)
  }

  private mutating func reject(_ command: Command?, _ reply: Reply) {
    let rejection = Rejection(
      what: command.map { $0.kind == .endOfData ? "the message" : $0.transcriptLine }
        ?? "the greeting",
      kind: command?.kind ?? .greeting, reply: reply)
    switch reply.replyClass {
    case .permanentNegative:
      if firstPermanent == nil { firstPermanent = rejection }
    case .transientNegative:
      if firstTransient == nil { firstTransient = rejection }
    default:
      // A 1yz, 3yz where 2yz was due, or no code: treat as a failure of its own first digit.
      if firstPermanent == nil {
        firstPermanent = rejection
      }
    }
  }

  private var waitingPhrase: String {
    switch state {
    case .awaitingGreeting: return "the greeting"
    default:
      return outstanding.first.map { "the reply to \($0.displayName)" } ?? "a reply"
    }
  }
}
