import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Replies whose code belongs to another command: the dialogue is out of step.
@Suite struct OutOfStepTests {
  @Test(arguments: [
    (CommandKind.ehlo, 220, false), (.greeting, 220, true), (.startTLS, 220, true),
    (.mail, 354, false), (.data, 354, true), (.rcpt, 221, false), (.quit, 221, true),
    (.rcpt, 334, false), (.auth, 334, true), (.rcpt, 250, true), (.rcpt, 550, true),
    (.ehlo, 250, true), (.mail, 421, true), (.data, 250, false), (.data, 554, true),
    (.endOfData, 250, true),
  ])
  func admits(kind: CommandKind, code: Int, expected: Bool) {
    #expect(kind.admits(code) == expected)
  }

  /// A doubled greeting: the second 220 arrives as the "reply" to EHLO.
  @Test func aSecondGreetingStopsTheDialogue() {
    var state = DialogueState(plan: DialogueStateTests.plan(), canUpgradeTLS: false)
    _ = state.start()
    #expect(state.receive(Reply(220, "mx.probe.test ESMTP")) == .send([.ehlo("probe.test")]))
    #expect(state.receive(Reply(220, "mx.probe.test ESMTP ready")) == .close(sendQuit: true))
    #expect(state.verdict.status == .incomplete)
    #expect(state.verdict.problem == .outOfStep(code: 220, command: "EHLO"))
  }
}

@Suite struct PeerResetTests {
  @Test func aResetNamesTheReplyWeWaitedFor() {
    var state = DialogueState(plan: DialogueStateTests.plan(), canUpgradeTLS: false)
    _ = state.start()
    _ = state.receive(Reply(220, "mx.probe.test ESMTP"))
    #expect(state.transportFailed(.connectionReset) == .close(sendQuit: false))
    #expect(state.verdict.problem == .peerReset(waitingFor: "the reply to EHLO"))
    #expect(
      state.verdict.summary
        == "the server reset the connection while we waited for the reply to EHLO"
    )
  }
}

/// A second greeting in the same read: caught before EHLO goes out.
@Suite struct UnsolicitedReplyTests {
  @Test func aDoubledGreetingInOneReadStopsBeforeEHLO() {
    let (result, _) = SessionDriverTests.drive(
      [.server("220 mx.probe.test ESMTP\r\n220 mx.probe.test ready\r\n"), .close],
      SessionDriverTests.plan(), .oneRead)
    #expect(result.verdict.status == .incomplete)
    #expect(
      result.verdict.problem == .unsolicitedReply(before: "EHLO", line: "220 mx.probe.test ready"))
    #expect(!result.transcript.entries.contains { $0.line.hasPrefix("EHLO") })
  }

  /// RFC 5321 3.8: a 421 may come at any time; with nothing owed it still ends the session as
  /// transient, not as a protocol fault.
  @Test func anUnsolicited421IsTransient() {
    var script: [SessionDriverTests.Item] = [SessionDriverTests.greeting]
    script += [
      .client("EHLO probe.test\r\n"),
      .server("250 mx.probe.test\r\n421 4.4.2 mx.probe.test Error: timeout exceeded\r\n"),
      .close,
    ]
    let (result, _) = SessionDriverTests.drive(script, SessionDriverTests.plan(), .oneRead)
    #expect(result.verdict.status == .transientFailure)
    #expect(result.verdict.problem == nil)
    #expect(result.transcript.entries.contains { $0.line.hasPrefix("421 4.4.2") })
  }

  @Test func aDoubledGreetingArrivingLateIsOutOfStep() {
    let (result, _) = SessionDriverTests.drive(
      [
        .server("220 mx.probe.test ESMTP\r\n"), .client("EHLO probe.test\r\n"),
        .server("220 mx.probe.test ready\r\n"), .client("QUIT\r\n"), .close,
      ],
      SessionDriverTests.plan(), .byteByByte)
    #expect(result.verdict.problem == .outOfStep(code: 220, command: "EHLO"))
  }
}
