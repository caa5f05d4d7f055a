/// The SMTP client dialogue as a state machine: given the last reply, what to send next.
///
/// It holds no socket and writes no prose: each event returns a `DialogueAction` that
/// `SessionDriver` performs, and what happened is kept as `facts`. The order follows RFC 5321
/// 3.1-3.3 and 4.1.1: greeting, EHLO (HELO fallback, 4.1.4), STARTTLS (RFC 3207) and a second
/// EHLO, AUTH (RFC 4954), MAIL, RCPT for every recipient, DATA, the content, QUIT.
///
/// Decisions worth knowing:
/// - A greeting other than 2yz is answered with QUIT only: no blind EHLO after a 554 or 451
///   banner (RFC 5321 3.1: such a server waits for QUIT).
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
///   whoever sits on the path. A refused AUTH stops before MAIL.
/// - A message larger than the server's advertised SIZE limit is never sent (RFC 1870 6: a
///   client that knows the message is over the fixed maximum should not send it). MAIL still
///   goes out with SIZE=N and the RCPTs after it, so the server's own answer (552 5.3.4) is
///   shown; DATA never does, and the transaction ends with RSET.
/// - With planned transactions (`DialoguePlan.transactions`), each is MAIL, its RCPTs and
///   RSET, one after another in the same session, never DATA (see `startSeries`).
public struct DialogueState: Sendable {
  /// Where the dialogue is; each case carries what that stage needs.
  enum State: Sendable {
    /// Not started.
    case idle
    /// Waiting for the 220 banner (RFC 5321 3.1).
    case awaitingGreeting
    /// EHLO or HELO sent, before or after TLS.
    case hello(Hello)
    /// STARTTLS sent (RFC 3207 4).
    case startTLS
    /// 220 to STARTTLS: the driver runs the handshake.
    case upgradingTLS
    /// An AUTH exchange in progress (RFC 4954 4).
    case authenticating(AuthExchange)
    /// A mail transaction: MAIL, the RCPTs, DATA and the content (RFC 5321 3.3).
    case transaction(Transaction)
    /// The planned transactions, one after another: MAIL, the RCPTs, RSET (RFC 5321 3.3,
    /// 4.1.1.5).
    case series(Series)
    /// RSET and QUIT, or QUIT alone, sent; why we are leaving.
    case closing(Closing)
    /// Over: nothing more is sent or read.
    case finished
  }

  /// A hello command in flight.
  struct Hello: Sendable {
    /// Whether the command is HELO (the fallback), so its reply lists no extensions.
    var isHELO: Bool
    /// Whether TLS is already in force (after STARTTLS or on connect).
    var afterTLS: Bool
  }

  /// A mail transaction in flight.
  struct Transaction: Sendable {
    /// MAIL, the RCPTs and DATA (or RSET and QUIT) went out in one group (RFC 2920).
    var pipelined: Bool
    /// Whether the message follows the recipients.
    var sendsData: Bool
    /// MAIL got 2yz, so the server holds a transaction we must end (RSET or the message).
    var mailAccepted = false
    /// A reply in the pipelined group had no code: read the rest, then leave without data.
    var broken = false
    /// 354 came although no recipient was accepted: the "." we sent only ends the data.
    var abandoningData = false
  }

  /// Where a run of planned transactions is.
  struct Series: Sendable {
    /// The transaction in flight (an index into `plan.transactions`).
    var index = 0
    /// Each transaction's MAIL, RCPTs and RSET go out in one group (RFC 2920).
    var pipelined: Bool
    /// How many RCPTs of the transaction in flight were answered.
    var answered = 0
    /// A reply had no reply class: finish reading the group, then leave.
    var broken = false
  }

  /// Why the dialogue is leaving.
  enum Closing: Sendable {
    /// Done, or stopped where asked, or after a refusal or a problem.
    case leaving
    /// The server announced its shutdown with 421 (RFC 5321 3.8).
    case serverShutdown
  }

  public let plan: DialoguePlan
  let canUpgradeTLS: Bool
  let body: MessageBody?
  /// The connection was TLS from the start (RFC 8314 3.3): no STARTTLS, HELO fallback allowed.
  let implicitTLS: Bool
  /// The planned transactions as they are sent, the server's address filled in; nil when a
  /// path needs that address and it is unknown (`EnvelopePath.atServerAddress`).
  let transactions: [TransactionPlan]?
  var state: State = .idle
  /// Commands whose replies are still owed, oldest first: the session's only such queue.
  public internal(set) var outstanding: [Command] = []
  /// What happened so far.
  public internal(set) var facts = DialogueFacts()

  /// Makes the machine for `plan`; `canUpgradeTLS` says whether the driver can run a TLS
  /// handshake (without it STARTTLS is never sent, since a 220 would leave us stuck).
  ///
  /// `implicitTLS` is the handshake's report when the connection was TLS from the start
  /// (`--tls-on-connect`, port 465, RFC 8314 3.3): the dialogue then never sends STARTTLS and
  /// counts the session as encrypted for AUTH.
  ///
  /// `serverAddress` is the IP address connected to, for paths at the server's own address
  /// literal (`EnvelopePath.atServerAddress`).
  public init(
    plan: DialoguePlan, canUpgradeTLS: Bool, implicitTLS: TLSReport? = nil,
    serverAddress: String? = nil
  ) {
    self.plan = plan
    self.canUpgradeTLS = canUpgradeTLS
    self.body = plan.messageBody()
    self.implicitTLS = implicitTLS != nil
    facts.tls = implicitTLS
    var resolved: [TransactionPlan]? = []
    for transaction in plan.transactions {
      guard let sendable = transaction.resolved(serverAddress: serverAddress) else {
        resolved = nil
        break
      }
      resolved?.append(sendable)
    }
    self.transactions = resolved
    facts.transactions = (resolved ?? plan.transactions).map { TransactionResult(transaction: $0) }
  }

  /// Why a plan with a path at the server's address literal cannot run without that address.
  static let unknownServerAddress = InputError.unsupportedPlan(
    reason: "a path at the server's own address literal needs the address connected to")

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
  ///
  /// With `--quit-after connect` the session ends here, before the greeting: the connection
  /// (and TLS on connect) is what was asked about, and a client says nothing before the
  /// greeting (RFC 5321 3.1), so it just closes.
  public mutating func start() -> DialogueAction {
    if transactions == nil {
      // Nothing is sent: a path at the server's address cannot be written without it.
      return fail(.invalidInput(Self.unknownServerAddress), sendQuit: false)
    }
    if plan.quitAfter == .connect { return end(sendQuit: false) }
    state = .awaitingGreeting
    return .receive
  }

  /// Feeds the next reply; returns what to do next.
  ///
  /// A reply whose code changes between lines breaks RFC 5321 4.2.1: neither code can be
  /// trusted to decide what comes next, so the dialogue stops there as a protocol violation.
  public mutating func receive(_ reply: Reply) -> DialogueAction {
    if let changed = Self.codeChange(in: reply), awaitingKind != nil, awaitingCommand != .quit {
      let answering = awaitingCommand?.displayName ?? "the greeting"
      return fail(
        .codeChanged(from: changed.from, to: reply.code, answering: answering), sendQuit: true)
    }
    switch state {
    case .idle, .upgradingTLS, .finished:
      facts.notes.append(.ignoredReply(reply))
      return isFinished ? .close(sendQuit: false) : .receive
    case .awaitingGreeting:
      return greeting(reply)
    case .hello(let hello):
      return owedReply(reply) { state, reply, _ in state.helloReply(reply, hello) }
    case .startTLS:
      return owedReply(reply) { state, reply, _ in state.startTLSReply(reply) }
    case .authenticating(let exchange):
      return owedReply(reply) { state, reply, _ in state.authReply(reply, exchange) }
    case .transaction(let transaction):
      return owedReply(reply) { $0.transactionReply($1, to: $2, transaction) }
    case .series(let series):
      return owedReply(reply) { $0.seriesReply($1, to: $2, series) }
    case .closing:
      return owedReply(reply) { $0.closingReply($1, to: $2) }
    }
  }

  /// What every owed reply goes through first: QUIT's reply ends it, a 421 ends it, a code
  /// that belongs to another command ends it; anything else goes to `handle`.
  private mutating func owedReply(
    _ reply: Reply, _ handle: (inout DialogueState, Reply, Command) -> DialogueAction
  ) -> DialogueAction {
    guard !outstanding.isEmpty else { return end(sendQuit: false) }
    let command = outstanding.removeFirst()
    if command == .quit { return end(sendQuit: false) }
    if reply.code == 421 { return serverShutdown(reply, answering: command) }
    guard command.kind.admits(reply.code) else {
      // Every later reply would answer the wrong command: stop trusting them.
      return fail(.outOfStep(code: reply.code, command: command.displayName), sendQuit: true)
    }
    return handle(&self, reply, command)
  }

  /// The first code change inside `reply`, if its lines disagree.
  private static func codeChange(in reply: Reply) -> (from: Int, to: Int)? {
    for violation in reply.violations {
      if case .codeChanged(_, let from, let to) = violation { return (from, to) }
    }
    return nil
  }

  /// RFC 5321 3.8: the server is shutting the channel; nothing else it owes will come.
  private mutating func serverShutdown(_ reply: Reply, answering command: Command)
    -> DialogueAction
  {
    facts.serverShutdown = true
    if case .series(var series) = state {
      keep(reply, answering: command, in: &series)
    } else if case .rcpt(let address, _) = command {
      facts.recipients.append(RecipientResult(address: address, reply: reply))
    }
    refuse(command, reply)
    if outstanding.contains(.quit) {
      // A pipelined QUIT is already on its way: wait for its reply or the close.
      outstanding = [.quit]
      state = .closing(.serverShutdown)
      return .receive
    }
    return quit(.serverShutdown)
  }
}
