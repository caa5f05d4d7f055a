/// The greeting, EHLO (or the HELO fallback) and STARTTLS (RFC 5321 3.1, 4.1.4; RFC 3207).
extension DialogueState {
  mutating func greeting(_ reply: Reply) -> DialogueAction {
    if let foreign = ForeignGreeting(reply) {
      // Another protocol: QUIT means nothing to it; just hang up.
      return fail(.notSMTP(foreign), sendQuit: false)
    }
    guard reply.replyClass != nil else {
      return stop(.unexpectedReply(to: "the greeting", code: reply.code))
    }
    guard reply.replyClass == .positiveCompletion else {
      // RFC 5321 3.1 and 4.3.2: after 554 (or 421, 4yz) the server waits for QUIT; EHLO would
      // only earn a 503.
      if reply.code == 421 { facts.serverShutdown = true }
      refuse(nil, reply)
      return quit(reply.code == 421 ? .serverShutdown : .leaving)
    }
    guard plan.continues(after: .greeting) else { return quit() }
    return hello(.ehlo(plan.ehloName), isHELO: false)
  }

  mutating func hello(_ command: Command, isHELO: Bool) -> DialogueAction {
    state = .hello(Hello(isHELO: isHELO, afterTLS: facts.tls != nil))
    return send([command])
  }

  mutating func helloReply(_ reply: Reply, _ hello: Hello) -> DialogueAction {
    let command: Command = hello.isHELO ? .helo(plan.ehloName) : .ehlo(plan.ehloName)
    guard reply.replyClass == .positiveCompletion else {
      // RFC 5321 4.1.4 and 3.2: a server that does not know EHLO says 500 or 502; some say
      // 504 or 550. Fall back to HELO once, before STARTTLS only.
      if !hello.isHELO, !hello.afterTLS || implicitTLS,
        HelloFallback.fallsBackToHELO(after: reply.code)
      {
        facts.notes.append(.heloFallback(code: reply.code))
        return self.hello(.helo(plan.ehloName), isHELO: true)
      }
      refuse(command, reply)
      return quit()
    }
    let capabilities = Capabilities(reply: reply, fromHELO: hello.isHELO)
    facts.capabilities = capabilities
    if let malformed = capabilities.malformedSize, !facts.notes.contains(.malformedSize(malformed))
    {
      facts.notes.append(.malformedSize(malformed))
    }
    if facts.tls != nil { return afterTLS() }
    guard plan.continues(after: .ehlo) else { return quit() }
    return negotiateTLS()
  }

  private mutating func negotiateTLS() -> DialogueAction {
    let offered = facts.capabilities?.offers(.startTLS) ?? false
    switch plan.tls {
    case .off:
      break
    case .auto:
      if offered, canUpgradeTLS { return startTLS() }
      if offered {
        facts.notes.append(.startTLSUnavailable)
      } else if facts.capabilities?.fromHELO == true {
        facts.notes.append(.startTLSUnknownAfterHELO)
      } else {
        facts.notes.append(.startTLSNotOffered)
      }
    case .require:
      guard offered else { return stop(.tlsNotOffered) }
      guard canUpgradeTLS else { return stop(.tlsUnavailable) }
      return startTLS()
    }
    return afterTLS()
  }

  private mutating func startTLS() -> DialogueAction {
    state = .startTLS
    return send([.startTLS])
  }

  mutating func startTLSReply(_ reply: Reply) -> DialogueAction {
    if reply.replyClass == .positiveCompletion {
      state = .upgradingTLS
      return .upgradeTLS(serverName: plan.tlsServerName)
    }
    if plan.tls == .require {
      return stop(.tlsRefused(code: reply.code, text: reply.text))
    }
    facts.notes.append(.startTLSRefused(reply))
    return afterTLS()
  }

  /// After the TLS stage (done, refused, skipped): `--quit-after starttls`, AUTH, then MAIL.
  private mutating func afterTLS() -> DialogueAction {
    guard plan.continues(after: .starttls) else { return quit() }
    if let auth = plan.auth { return authenticate(auth) }
    return afterAuth()
  }
}
