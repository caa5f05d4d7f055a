/// AUTH (RFC 4954): when credentials may go, which mechanism, and the exchange.
extension DialogueState {
  /// Starts AUTH (RFC 4954 4) with the mechanism asked for or the best one offered.
  mutating func authenticate(_ auth: DialoguePlan.Authentication) -> DialogueAction {
    let tls = facts.tls
    if !auth.allowInsecure {
      guard let tls else { return stop(.authWithoutTLS) }
      guard tls.verification.isTrusted else {
        return stop(
          .authUntrustedTLS(
            name: tls.verification.expectedName, faults: tls.verification.faults))
      }
    }
    guard let capabilities = facts.capabilities, capabilities.offers(.auth) else {
      return stop(.authNotOffered)
    }
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
        offered: capabilities.authMechanisms, encrypted: tls != nil, requested: requested,
        canDigest: auth.hmacMD5 != nil)
    } catch {
      return stop(.authImpossible(error))
    }
    if tls == nil {
      facts.notes.append(.authWithoutTLSAllowed)
    } else if tls?.verification.isTrusted == false {
      facts.notes.append(.authUntrustedTLSAllowed)
    }
    var exchange = AuthExchange(
      mechanism: mechanism, user: auth.user, password: auth.password, hmacMD5: auth.hmacMD5)
    let command = exchange.start()
    facts.auth = AuthResult(user: auth.user, mechanism: mechanism.rawValue, authenticated: false)
    state = .authenticating(exchange)
    return send([command])
  }

  mutating func authReply(_ reply: Reply, _ exchange: AuthExchange) -> DialogueAction {
    var exchange = exchange
    let outcome = exchange.handle(reply)
    state = .authenticating(exchange)
    switch outcome {
    case .respond(let command):
      return send([command])
    case .authenticated:
      facts.auth?.authenticated = true
      return afterAuth()
    case .refused:
      // 535, 534, 538, 454, 530: the refusal is the session's answer.
      refuse(.auth(mechanism: exchange.mechanism.rawValue, initialResponse: nil), reply)
      return quit()
    case .cancelled(let reason):
      return stop(.authCancelled(mechanism: exchange.mechanism.rawValue, reason: reason))
    }
  }

  /// After AUTH (done or not asked for): `--quit-after auth`, then the transaction or the
  /// planned transactions.
  mutating func afterAuth() -> DialogueAction {
    guard plan.continues(after: .auth) else { return quit() }
    if !plan.transactions.isEmpty { return startSeries() }
    guard !plan.recipients.isEmpty || plan.quitAfter == .mail else { return quit() }
    return startTransaction()
  }
}
