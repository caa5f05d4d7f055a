/// The mail transaction: MAIL, every RCPT, DATA and the content (RFC 5321 3.3), pipelined when
/// the server offers it (RFC 2920), with SIZE (RFC 1870), 8BITMIME (RFC 6152) and SMTPUTF8
/// (RFC 6531).
extension DialogueState {
  mutating func startTransaction() -> DialogueAction {
    let capabilities =
      facts.capabilities ?? Capabilities(reply: Reply(250, ""), fromHELO: true)
    let addresses = [plan.from].compactMap { $0 } + plan.recipients
    let needsUTF8 = addresses.first { $0.needsSMTPUTF8 }
    if let needsUTF8, !capabilities.offers(.smtpUTF8) {
      return stop(.smtpUTF8NotOffered(needsUTF8))
    }
    var parameters: [String] = []
    var sendsData = body != nil && plan.continues(after: .rcpt)
    if let body, sendsData {
      if capabilities.offers(.size), let octets = body.octets {
        // RFC 1870 3: the declared size counts CRLFs, not the dot-stuffing or final ".".
        parameters.append("SIZE=\(octets)")
        if let limit = capabilities.maximumMessageSize, octets > limit {
          // RFC 1870 6: do not send what the server said it will not take; ask with SIZE=N so
          // its own answer shows, and end the transaction without DATA.
          facts.oversize = SizeExcess(octets: octets, limit: limit)
          facts.notes.append(.sizeOverLimit(octets: octets, limit: limit))
          sendsData = false
        }
      }
      // A file is read only as it is sent: declaring 8BITMIME for what may be 7-bit is allowed
      // (RFC 6152 3), and the note comes after sending when 8-bit octets turn up without it.
      if body.has8BitOctets || (!body.contentIsKnown && capabilities.offers(.eightBitMIME)) {
        if capabilities.offers(.eightBitMIME) {
          parameters.append("BODY=8BITMIME")  // RFC 6152 2
        } else {
          facts.notes.append(.eightBitWithout8BITMIME)
        }
      }
    }
    if needsUTF8 != nil { parameters.append("SMTPUTF8") }  // RFC 6531 3.4
    let mail = Command.mail(from: plan.from, parameters: parameters)
    let pipelined = plan.pipelining && capabilities.offers(.pipelining)
    facts.pipelined = pipelined
    state = .transaction(Transaction(pipelined: pipelined, sendsData: sendsData))
    guard pipelined else { return send([mail]) }
    var group = [mail]
    if plan.continues(after: .mail) { group += plan.recipients.map(rcpt) }
    group += sendsData ? [.data] : [.rset, .quit]
    return send(group)
  }

  /// A reply inside the transaction, told apart by the command it answers.
  mutating func transactionReply(
    _ reply: Reply, to command: Command, _ transaction: Transaction
  ) -> DialogueAction {
    var transaction = transaction
    defer { if case .transaction = state { state = .transaction(transaction) } }
    switch command {
    case .mail:
      if reply.replyClass == .positiveCompletion {
        transaction.mailAccepted = true
      } else {
        refuse(command, reply)
      }
      if transaction.pipelined { return more(transaction) }
      guard transaction.mailAccepted else { return quit() }
      guard plan.continues(after: .mail), let first = plan.recipients.first else {
        return resetAndQuit(transaction)
      }
      return send([rcpt(first)])
    case .rcpt(let address, _):
      guard reply.replyClass != nil else {
        let problem = SessionProblem.unexpectedReply(to: command.displayName, code: reply.code)
        guard transaction.pipelined else { return stop(problem) }
        // Replies to the rest of the group are still coming: read them to stay in step.
        record(problem)
        transaction.broken = true
        return more(transaction)
      }
      facts.recipients.append(RecipientResult(address: address, reply: reply))
      if reply.replyClass != .positiveCompletion { refuse(command, reply) }
      if transaction.pipelined { return more(transaction) }
      if facts.recipients.count < plan.recipients.count {
        return send([rcpt(plan.recipients[facts.recipients.count])])
      }
      return afterRecipients(transaction)
    case .data:
      return dataReply(reply, &transaction)
    case .content:
      return endOfDataReply(reply, transaction)
    case .rset:
      if reply.replyClass != .positiveCompletion {
        facts.notes.append(.resetRefused(code: reply.code))
      }
      return outstanding.isEmpty ? quit() : .receive
    default:
      return outstanding.isEmpty ? quit() : .receive
    }
  }

  private func rcpt(_ address: Address) -> Command {
    .rcpt(to: address, parameters: [])
  }

  /// Non-pipelined: every RCPT answered; DATA or the end of the transaction.
  private mutating func afterRecipients(_ transaction: Transaction) -> DialogueAction {
    let accepted = facts.recipients.contains(where: \.accepted)
    guard transaction.sendsData, accepted else { return resetAndQuit(transaction) }
    return send([.data])
  }

  private mutating func dataReply(_ reply: Reply, _ transaction: inout Transaction)
    -> DialogueAction
  {
    guard reply.replyClass == .positiveIntermediate else {
      refuse(.data, reply)
      return outstanding.isEmpty ? resetAndQuit(transaction) : .receive
    }
    let accepted = transaction.mailAccepted && facts.recipients.contains(where: \.accepted)
    if transaction.broken, accepted {
      // The server now reads message data, so QUIT would become part of the message, and "."
      // would deliver an empty one. Closing makes it discard the transaction (RFC 5321 3.8).
      return end(sendQuit: false)
    }
    if let body, accepted {
      return send([.content(body)])
    }
    // 354 although nothing was accepted (possible when DATA was pipelined): RFC 2920 3.1 says
    // the client must then end the data with "." alone; the server then refuses it.
    facts.notes.append(.dataWithoutRecipients)
    transaction.abandoningData = true
    return send([.content(.empty)])
  }

  private mutating func endOfDataReply(_ reply: Reply, _ transaction: Transaction)
    -> DialogueAction
  {
    if transaction.abandoningData { return resetAndQuit(transaction) }
    if reply.replyClass == .positiveCompletion {
      facts.messageAccepted = true
      facts.queueID = QueueID.extract(from: reply)
      return quit()
    }
    refuse(.content(body ?? .empty), reply)
    return quit()
  }

  /// Pipelined group: keep reading while replies are owed; then end the transaction.
  private mutating func more(_ transaction: Transaction) -> DialogueAction {
    outstanding.isEmpty ? resetAndQuit(transaction) : .receive
  }
}
