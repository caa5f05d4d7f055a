import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// The state machine alone: replies in, actions out, no transport.
@Suite struct DialogueStateTests {
  static func ehlo(_ keywords: String...) -> Reply {
    let lines = ["mx.probe.test"] + keywords
    return Reply(
      code: 250,
      lines: lines.enumerated().map { index, text in
        (index == lines.count - 1 ? "250 " : "250-") + text
      })
  }

  static let bob = Address(valid: "bob@y.test")
  static let carol = Address(valid: "carol@y.test")

  static func plan(
    _ recipients: [Address] = [bob], tls: DialoguePlan.TLSMode = .auto,
    quitAfter: DialoguePlan.Stage? = nil, message: DialoguePlan.Message = .none,
    from: Address? = nil, auth: DialoguePlan.Authentication? = nil
  ) -> DialoguePlan {
    DialoguePlan(
      ehloName: "probe.test", from: from, recipients: recipients, quitAfter: quitAfter, tls: tls,
      tlsServerName: "mx.probe.test", message: message, auth: auth)
  }

  @Test func greetingThenEHLO() {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: false)
    #expect(state.start() == .receive)
    #expect(state.awaitingKind == .greeting)
    #expect(state.receive(Reply(220, "mx ESMTP")) == .send([.ehlo("probe.test")]))
    #expect(state.awaitingKind == .ehlo)
  }

  @Test(arguments: [554, 451, 521])
  func badGreetingGetsQUITOnly(code: Int) {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: false)
    _ = state.start()
    #expect(state.receive(Reply(code, "go away")) == .send([.quit]))
    #expect(state.receive(Reply(221, "bye")) == .close(sendQuit: false))
    #expect(state.isFinished)
    #expect(state.verdict.status == (code >= 500 ? .permanentFailure : .transientFailure))
    #expect(state.verdict.decisiveCommand == .greeting)
    #expect(state.verdict.summary.hasPrefix("the greeting refused: \(code)"))
  }

  @Test func greeting421ThenCloseIsTransient() {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: false)
    _ = state.start()
    #expect(state.receive(Reply(421, "4.3.2 try later")) == .send([.quit]))
    #expect(state.peerClosed() == .close(sendQuit: false))
    #expect(state.verdict.status == .transientFailure)
    #expect(state.verdict.exitCode == 2)
  }

  @Test(arguments: [500, 502, 504, 550])
  func ehloRefusedFallsBackToHELO(code: Int) {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: true)
    _ = state.start()
    _ = state.receive(Reply(220, "old ESMTP"))
    #expect(state.receive(Reply(code, "what?")) == .send([.helo("probe.test")]))
    let next = state.receive(Reply(250, "old Hello"))
    #expect(next == .send([.mail(from: nil, parameters: [])]))
    #expect(state.capabilities?.fromHELO == true)
    #expect(state.notes.contains { $0.contains("falling back to HELO") })
  }

  @Test func heloRefusedToo() {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    _ = state.receive(Reply(502))
    #expect(state.receive(Reply(550, "no")) == .send([.quit]))
    _ = state.receive(Reply(221))
    #expect(state.verdict.status == .permanentFailure)
    #expect(state.verdict.decisiveCommand == .helo)
  }

  @Test func requireTLSWithoutSTARTTLSStopsBeforeMAIL() {
    var state = DialogueState(plan: Self.plan(tls: .require), canUpgradeTLS: true)
    _ = state.start()
    _ = state.receive(Reply(220))
    #expect(state.receive(Self.ehlo("PIPELINING", "SIZE 1000")) == .send([.quit]))
    _ = state.receive(Reply(221))
    #expect(state.verdict.status == .incomplete)
    #expect(state.verdict.exitCode == 3)
    #expect(state.verdict.problem == .tlsNotOffered)
    #expect(state.verdict.summary.contains("TLS required"))
  }

  @Test func requireTLSRefusedStops() {
    var state = DialogueState(plan: Self.plan(tls: .require), canUpgradeTLS: true)
    _ = state.start()
    _ = state.receive(Reply(220))
    #expect(state.receive(Self.ehlo("STARTTLS")) == .send([.startTLS]))
    #expect(state.receive(Reply(454, "4.7.0 TLS not available")) == .send([.quit]))
    _ = state.receive(Reply(221))
    #expect(state.verdict.problem == .tlsRefused(code: 454, text: "TLS not available"))
  }

  @Test func autoTLSRefusedContinuesInClear() {
    var state = DialogueState(plan: Self.plan(tls: .auto), canUpgradeTLS: true)
    _ = state.start()
    _ = state.receive(Reply(220))
    _ = state.receive(Self.ehlo("STARTTLS"))
    #expect(state.receive(Reply(454, "no")) == .send([.mail(from: nil, parameters: [])]))
    #expect(state.notes.contains { $0.hasPrefix("STARTTLS refused with 454") })
  }

  @Test func autoTLSWithoutImplementationSkipsSTARTTLS() {
    var state = DialogueState(plan: Self.plan(tls: .auto), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    #expect(state.receive(Self.ehlo("STARTTLS")) == .send([.mail(from: nil, parameters: [])]))
  }

  @Test func startTLSUpgradesForgetsAndEHLOsAgain() {
    var state = DialogueState(plan: Self.plan(tls: .require), canUpgradeTLS: true)
    _ = state.start()
    _ = state.receive(Reply(220))
    _ = state.receive(Self.ehlo("PIPELINING", "STARTTLS"))
    #expect(
      state.receive(Reply(220, "2.0.0 Ready to start TLS"))
        == .upgradeTLS(serverName: "mx.probe.test"))
    let report = TLSReport(protocolVersion: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256")
    #expect(state.tlsUpgraded(report) == .send([.ehlo("probe.test")]))
    #expect(state.capabilities == nil)  // RFC 3207 4.2
    let next = state.receive(Self.ehlo("PIPELINING", "AUTH PLAIN"))
    #expect(
      next
        == .send([
          .mail(from: nil, parameters: []), .rcpt(to: Self.bob, parameters: []), .rset, .quit,
        ]))
    #expect(state.tlsReport == report)
    #expect(state.capabilitiesBeforeTLS?.offers(.startTLS) == true)
    #expect(state.capabilities?.offers(.auth) == true)
    let diff = state.capabilitiesBeforeTLS.flatMap { before in
      state.capabilities.map { before.diff(to: $0) }
    }
    #expect(diff?.added.map(\.line) == ["AUTH PLAIN"])
    #expect(diff?.removed.map(\.line) == ["STARTTLS"])
  }

  @Test func tlsHandshakeFailureEndsWithoutQUIT() {
    var state = DialogueState(plan: Self.plan(tls: .auto), canUpgradeTLS: true)
    _ = state.start()
    _ = state.receive(Reply(220))
    _ = state.receive(Self.ehlo("STARTTLS"))
    _ = state.receive(Reply(220))
    #expect(state.tlsFailed("certificate expired") == .close(sendQuit: false))
    #expect(state.verdict.problem == .tlsFailed("certificate expired"))
  }

  @Test func mailParametersFollowCapabilitiesAndMessage() throws {
    let utf8 = try Address("δοκιμή@y.test")
    let message = DialoguePlan.Message.data(Array("Subject: caf\u{E9}\n\nhi\n".utf8))
    var state = DialogueState(plan: Self.plan([utf8], message: message), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    let action = state.receive(Self.ehlo("SIZE 100000", "8BITMIME", "SMTPUTF8"))
    #expect(
      action == .send([.mail(from: nil, parameters: ["SIZE=22", "BODY=8BITMIME", "SMTPUTF8"])]))
  }

  @Test func noSizeParameterWithoutMessage() {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    #expect(state.receive(Self.ehlo("SIZE 100")) == .send([.mail(from: nil, parameters: [])]))
  }

  @Test func smtpUTF8NeededButNotOffered() throws {
    let utf8 = try Address("δοκιμή@y.test")
    var state = DialogueState(plan: Self.plan([utf8]), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    #expect(state.receive(Self.ehlo("8BITMIME")) == .send([.quit]))
    _ = state.receive(Reply(221))
    #expect(state.verdict.problem == .smtpUTF8NotOffered(utf8))
    #expect(state.verdict.summary.contains("needs SMTPUTF8"))
  }

  @Test func authStartsWithTheOfferedMechanism() {
    let auth = DialoguePlan.Authentication(user: "u", password: Secret("p"), allowInsecure: true)
    var state = DialogueState(plan: Self.plan(auth: auth), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    #expect(
      state.receive(Self.ehlo("AUTH PLAIN LOGIN"))
        == .send([.auth(mechanism: "PLAIN", initialResponse: Secret("AHUAcA=="))]))
    #expect(state.awaitingKind == .auth)
    #expect(state.receive(Reply(235, "2.7.0 ok")) == .send([.mail(from: nil, parameters: [])]))
    #expect(state.authResult == AuthResult(user: "u", mechanism: "PLAIN", authenticated: true))
  }

  @Test func authRefusedWithoutTLS() {
    let auth = DialoguePlan.Authentication(user: "u", password: Secret("p"))
    var state = DialogueState(plan: Self.plan(tls: .off, auth: auth), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    #expect(state.receive(Self.ehlo("AUTH PLAIN")) == .send([.quit]))
    #expect(state.verdict.problem == .authWithoutTLS)
  }

  @Test func partlyRefusedRecipientsStillSendData() {
    let plan = Self.plan([Self.bob, Self.carol], message: .data(Array("hi\n".utf8)))
    var state = DialogueState(plan: plan, canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    _ = state.receive(Self.ehlo("ENHANCEDSTATUSCODES"))
    #expect(state.receive(Reply(250, "2.1.0 Ok")) == .send([.rcpt(to: Self.bob, parameters: [])]))
    #expect(
      state.receive(Reply(550, "5.1.1 <bob@y.test>: Recipient address rejected: User unknown"))
        == .send([.rcpt(to: Self.carol, parameters: [])]))
    #expect(state.receive(Reply(250, "2.1.5 Ok")) == .send([.data]))
    guard case .send(let commands) = state.receive(Reply(354, "End data with <CR><LF>.<CR><LF>")),
      case .content = commands.first
    else {
      Issue.record("expected the content")
      return
    }
    #expect(state.receive(Reply(250, "2.0.0 Ok: queued as ABC123")) == .send([.quit]))
    _ = state.receive(Reply(221))
    #expect(state.queueID == "ABC123")
    #expect(state.messageAccepted)
    #expect(state.verdict.status == .permanentFailure)
    #expect(state.verdict.exitCode == 1)
    #expect(state.verdict.summary.hasPrefix("RCPT TO:<bob@y.test> refused: 550 5.1.1"))
    #expect(
      state.verdict.summary.hasSuffix(
        "; 1 of 2 recipients accepted; message accepted for the 1 accepted recipient only"
          + " (queued as ABC123)"))
  }

  @Test func verdictOkSummary() {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    _ = state.receive(Self.ehlo("SIZE"))
    _ = state.receive(Reply(250))
    #expect(state.receive(Reply(250)) == .send([.rset]))
    #expect(state.receive(Reply(250)) == .send([.quit]))
    #expect(state.receive(Reply(221)) == .close(sendQuit: false))
    #expect(
      state.verdict
        == Verdict(status: .ok, summary: "every reply was positive; 1 of 1 recipient accepted"))
  }

  @Test func timeoutAsksForAFarewellQUIT() {
    var state = DialogueState(plan: Self.plan(), canUpgradeTLS: false)
    _ = state.start()
    let error = TransportError.timedOut(phase: "the greeting", seconds: 60)
    #expect(state.transportFailed(error) == .close(sendQuit: true))
    #expect(state.verdict.summary == "timed out after 60 s waiting for the greeting")
  }
}

extension DialogueStateTests {
  @Test func garbledPipelinedReplyStaysInStepAndSendsNoMessage() {
    let plan = Self.plan([Self.bob, Self.carol], message: .data(Array("hi\n".utf8)))
    var state = DialogueState(plan: plan, canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220))
    let group = state.receive(Self.ehlo("PIPELINING"))
    #expect(
      group
        == .send([
          .mail(from: nil, parameters: []), .rcpt(to: Self.bob, parameters: []),
          .rcpt(to: Self.carol, parameters: []), .data,
        ]))
    #expect(state.receive(Reply(250)) == .receive)
    #expect(state.receive(Reply(code: 0, lines: ["garbage"])) == .receive)
    #expect(state.receive(Reply(250)) == .receive)
    #expect(state.receive(Reply(354)) == .close(sendQuit: false))
    #expect(state.verdict.problem == .unexpectedReply(to: "RCPT TO", code: 0))
  }
}
