/// How a dialogue ends: the events that stop it, RSET and QUIT, and the one place it finishes.
extension DialogueState {
  /// The peer closed the connection (no partial reply pending).
  public mutating func peerClosed() -> DialogueAction {
    // Closing right after QUIT (or after a 421) is what servers do; anywhere else it is not.
    if !facts.serverShutdown, outstanding.first != .quit {
      record(.peerClosed(waitingFor: waitingPhrase))
    }
    return end(sendQuit: false)
  }

  /// A transport error (a timeout included) while sending or waiting.
  public mutating func transportFailed(_ error: TransportError) -> DialogueAction {
    if outstanding.first == .quit || facts.serverShutdown {
      facts.notes.append(.noReplyToQuit(error))
      return end(sendQuit: false)
    }
    if case .connectionReset = error {
      record(.peerReset(waitingFor: waitingPhrase))
    }
    switch error {
    case .timedOut, .runTimeLimit, .interrupted:
      // We stopped waiting, the connection still works: say goodbye (RFC 5321 4.1.1.10).
      return fail(.transport(error), sendQuit: true)
    default:
      break
    }
    return fail(.transport(error), sendQuit: false)
  }

  /// The server sent bytes before `command` went out, with no reply owed: whatever it says
  /// next would be paired with the wrong command, so stop.
  ///
  /// A 421 is the exception: RFC 5321 3.8 lets a server announce its shutdown at any moment,
  /// so it ends the session as transient, like a 421 answering a command.
  public mutating func unsolicitedReply(before command: String, reply: Reply?) -> DialogueAction {
    if let reply, reply.code == 421 {
      facts.serverShutdown = true
      facts.refusals.append(Refusal(subject: .session(before: command), reply: reply))
      return end(sendQuit: false)
    }
    return fail(.unsolicitedReply(before: command, line: reply?.lines.first), sendQuit: true)
  }

  /// The reply parser hit a hard bound: the server is not speaking SMTP as we can follow it.
  public mutating func protocolViolation(_ error: ReplyParserError) -> DialogueAction {
    fail(.protocolViolation(error), sendQuit: true)
  }

  /// The TLS handshake succeeded: forget what we knew and EHLO again.
  ///
  /// RFC 3207 4.2: "the client MUST discard any knowledge obtained from the server ... which
  /// was not obtained from the TLS negotiation itself".
  public mutating func tlsUpgraded(_ report: TLSReport) -> DialogueAction {
    facts.tls = report
    facts.capabilitiesBeforeTLS = facts.capabilities
    facts.capabilities = nil
    return hello(.ehlo(plan.ehloName), isHELO: false)
  }

  /// The certificate is not trusted and `--tls-verify` makes that an error.
  ///
  /// The handshake completed and the upgrader has closed the connection; the report is kept,
  /// so the output still shows the chain and each fault with its fix.
  public mutating func tlsUntrusted(_ report: TLSReport) -> DialogueAction {
    facts.tls = report
    facts.capabilitiesBeforeTLS = facts.capabilities
    return fail(
      .tlsUntrusted(name: report.verification.expectedName, faults: report.verification.faults),
      sendQuit: false)
  }

  /// The TLS handshake failed; the connection is in an unknown state and must be closed.
  public mutating func tlsFailed(_ failure: TLSFailure) -> DialogueAction {
    fail(.tlsFailed(failure), sendQuit: false)
  }

  // MARK: Leaving

  /// Ends an open (or refused) mail transaction: RSET then QUIT, in one write when pipelining.
  mutating func resetAndQuit(_ transaction: Transaction) -> DialogueAction {
    guard transaction.mailAccepted else { return quit() }
    state = .closing(.leaving)
    return send(transaction.pipelined ? [.rset, .quit] : [.rset])
  }

  /// Says QUIT and waits for its reply (RFC 5321 4.1.1.10).
  mutating func quit(_ reason: Closing = .leaving) -> DialogueAction {
    state = .closing(reason)
    return send([.quit])
  }

  /// A reply while closing: RSET's, then QUIT.
  mutating func closingReply(_ reply: Reply, to command: Command) -> DialogueAction {
    if command == .rset, reply.replyClass != .positiveCompletion {
      facts.notes.append(.resetRefused(code: reply.code))
    }
    return outstanding.isEmpty ? quit() : .receive
  }

  /// Records why we cannot go on and leaves politely with QUIT.
  mutating func stop(_ problem: SessionProblem) -> DialogueAction {
    record(problem)
    return quit()
  }

  /// Records why we cannot go on and ends at once, with or without a parting QUIT.
  mutating func fail(_ problem: SessionProblem, sendQuit: Bool) -> DialogueAction {
    record(problem)
    return end(sendQuit: sendQuit)
  }

  /// The one way a session ends: nothing is owed any more, the driver closes.
  mutating func end(sendQuit: Bool) -> DialogueAction {
    state = .finished
    outstanding = []
    return .close(sendQuit: sendQuit)
  }

  /// Keeps the first problem: later ones are consequences of it.
  mutating func record(_ problem: SessionProblem) {
    if facts.problem == nil { facts.problem = problem }
  }

  /// Writes `commands` and owes a reply to each.
  mutating func send(_ commands: [Command]) -> DialogueAction {
    outstanding = commands
    return .send(commands)
  }

  /// Keeps `reply` as the refusal of `command` (nil: the greeting).
  mutating func refuse(_ command: Command?, _ reply: Reply) {
    let subject: Refusal.Subject
    switch command {
    case nil: subject = .greeting
    case .content?: subject = .message
    case let command?: subject = .command(command.kind, line: command.transcriptLine)
    }
    facts.refusals.append(Refusal(subject: subject, reply: reply))
  }

  /// What the dialogue waits for, for a timeout or a close ("the reply to RCPT TO").
  var waitingPhrase: String {
    if case .awaitingGreeting = state { return "the greeting" }
    return outstanding.first.map { "the reply to \($0.displayName)" } ?? "a reply"
  }
}
