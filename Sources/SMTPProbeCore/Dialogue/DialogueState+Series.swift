/// The planned transactions of one session (`DialoguePlan.transactions`): for each, MAIL, every
/// RCPT and RSET (RFC 5321 3.3, 4.1.1.5), never DATA.
///
/// With PIPELINING offered and allowed (RFC 2920), each transaction's MAIL, RCPTs and RSET go
/// out in one group, QUIT closing the last (RFC 2920 3.1 lets RSET stand anywhere in a group
/// and QUIT end one); the next group waits for every reply of the one before. Without it, one
/// command per reply, and a refused MAIL skips its RCPTs (they would only get 503). Every
/// transaction ends with RSET, refused or not, so the next starts from a clean state.
///
/// A transaction with a UTF-8 mailbox is not sent to a server that does not offer SMTPUTF8
/// (RFC 6531 3.2: the client must not send it there): its replies stay nil, its result's
/// `notSent` says why, and the other transactions go on.
extension DialogueState {
  /// Starts the first planned transaction.
  mutating func startSeries() -> DialogueAction {
    let capabilities =
      facts.capabilities ?? Capabilities(reply: Reply(250, ""), fromHELO: true)
    let pipelined = plan.pipelining && capabilities.offers(.pipelining)
    facts.pipelined = pipelined
    var series = Series(pipelined: pipelined)
    return begin(&series)
  }

  /// A reply inside the series, told apart by the command it answers.
  mutating func seriesReply(_ reply: Reply, to command: Command, _ series: Series)
    -> DialogueAction
  {
    var series = series
    defer { if case .series = state { state = .series(series) } }
    keep(reply, answering: command, in: &series)
    let positive = reply.replyClass == .positiveCompletion
    switch command.kind {
    case .mail:
      if !positive { refuse(command, reply) }
      if series.pipelined { return .receive }
      guard positive, let first = commands(of: series.index)?.rcpts.first else {
        return send([.rset])
      }
      return send([first])
    case .rcpt:
      guard reply.replyClass != nil else {
        let problem = SessionProblem.unexpectedReply(to: command.displayName, code: reply.code)
        guard series.pipelined else { return stop(problem) }
        // Replies to the rest of the group are still coming: read them to stay in step.
        record(problem)
        series.broken = true
        return .receive
      }
      if !positive { refuse(command, reply) }
      if series.pipelined { return .receive }
      let rcpts = commands(of: series.index)?.rcpts ?? []
      guard series.answered < rcpts.count else { return send([.rset]) }
      return send([rcpts[series.answered]])
    case .rset:
      if !positive { facts.notes.append(.resetRefused(code: reply.code)) }
      series.index += 1
      series.answered = 0
      // A pipelined QUIT still owes its reply; a broken group ends the series.
      if !outstanding.isEmpty { return .receive }
      if series.broken { return quit() }
      return begin(&series)
    default:
      return outstanding.isEmpty ? quit() : .receive
    }
  }

  /// Keeps `reply` in the result of the transaction in flight; a mailbox's RCPT reply also
  /// joins `facts.recipients`.
  mutating func keep(_ reply: Reply, answering command: Command, in series: inout Series) {
    let index = series.index
    guard facts.transactions.indices.contains(index) else { return }
    switch command.kind {
    case .mail:
      facts.transactions[index].mailReply = reply
    case .rcpt:
      if facts.transactions[index].rcptReplies.indices.contains(series.answered) {
        facts.transactions[index].rcptReplies[series.answered] = reply
      }
      series.answered += 1
      if case .rcpt(let address, _) = command {
        facts.recipients.append(RecipientResult(address: address, reply: reply))
      }
    case .rset:
      facts.transactions[index].resetReply = reply
    default:
      break
    }
  }

  /// Sends transaction `series.index` (past those that cannot be sent), or QUIT when none is
  /// left.
  private mutating func begin(_ series: inout Series) -> DialogueAction {
    let count = transactions?.count ?? 0
    while series.index < count, let mailbox = unsendableUTF8(series.index) {
      if facts.transactions.indices.contains(series.index) {
        facts.transactions[series.index].notSent = .smtpUTF8NotOffered(mailbox)
      }
      series.index += 1
    }
    guard series.index < count else { return quit() }
    guard let commands = commands(of: series.index) else {
      return fail(.invalidInput(Self.unknownServerAddress), sendQuit: true)
    }
    state = .series(series)
    guard series.pipelined else { return send([commands.mail]) }
    let last = series.index == count - 1
    return send([commands.mail] + commands.rcpts + (last ? [.rset, .quit] : [.rset]))
  }

  /// The first UTF-8 mailbox of transaction `index` when the server does not offer SMTPUTF8
  /// (RFC 6531 3.2, 3.4), else nil.
  private func unsendableUTF8(_ index: Int) -> Address? {
    guard let transaction = transactions?[index] else { return nil }
    let capabilities =
      facts.capabilities ?? Capabilities(reply: Reply(250, ""), fromHELO: true)
    guard !capabilities.offers(.smtpUTF8) else { return nil }
    return transaction.paths.lazy.compactMap(\.address).first(where: \.needsSMTPUTF8)
  }

  /// MAIL and the RCPTs of transaction `index`, SMTPUTF8 (RFC 6531 3.4) on MAIL when one of
  /// its mailboxes needs it; nil when a path could not be written.
  private func commands(of index: Int) -> (mail: Command, rcpts: [Command])? {
    guard let transaction = transactions?[index] else { return nil }
    let needsUTF8 = transaction.paths.contains { $0.address?.needsSMTPUTF8 == true }
    guard
      let mail = Command.mail(path: transaction.from, parameters: needsUTF8 ? ["SMTPUTF8"] : [])
    else { return nil }
    var rcpts: [Command] = []
    for path in transaction.recipients {
      guard let rcpt = Command.rcpt(path: path) else { return nil }
      rcpts.append(rcpt)
    }
    return (mail, rcpts)
  }
}
