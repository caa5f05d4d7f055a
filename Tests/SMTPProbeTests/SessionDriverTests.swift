import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// The driver over a scripted peer: exact client bytes, in every delivery mode (STYLE rule 15).
@Suite struct SessionDriverTests {
  typealias Item = ScriptedTransport.Item
  typealias Delivery = ScriptedTransport.Delivery
  static let sender = Address(valid: "alice@x.test")
  static let bob = Address(valid: "bob@y.test")
  static let carol = Address(valid: "carol@y.test")

  static let greeting: Item = .server("220 mx.probe.test ESMTP Postfix\r\n")
  static let ehloPlain: [Item] = [
    .client("EHLO probe.test\r\n"),
    .server(
      "250-mx.probe.test\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES\r\n"),
  ]
  static let ehloPipelining: [Item] = [
    .client("EHLO probe.test\r\n"),
    .server(
      "250-mx.probe.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n"
        + "250 ENHANCEDSTATUSCODES\r\n"),
  ]
  static let ehloTLS: [Item] = [
    .client("EHLO probe.test\r\n"),
    .server("250-mx.probe.test\r\n250-STARTTLS\r\n250 SIZE 10240000\r\n"),
    .client("STARTTLS\r\n"),
    .server("220 2.0.0 Ready to start TLS\r\n"),
    .tls,
    .client("EHLO probe.test\r\n"),
    .server("250-mx.probe.test\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10240000\r\n"),
  ]
  static let quit: [Item] = [.client("QUIT\r\n"), .server("221 2.0.0 Bye\r\n"), .close]

  /// A message with lines that start with "." and bare LF endings.
  static let message = Array("Subject: dots\n\n.hidden line\n..two\nend\n".utf8)
  static let stuffed = "Subject: dots\r\n\r\n..hidden line\r\n...two\r\nend\r\n.\r\n"

  static func plan(
    _ recipients: [Address] = [bob], message: DialoguePlan.Message = .none,
    quitAfter: DialoguePlan.Stage? = nil, tls: DialoguePlan.TLSMode = .auto,
    pipelining: Bool = true, limits: ReplyParser.Limits = .standard
  ) -> DialoguePlan {
    DialoguePlan(
      ehloName: "probe.test", from: sender, recipients: recipients, quitAfter: quitAfter, tls: tls,
      tlsServerName: "mx.probe.test", pipelining: pipelining, message: message,
      replyLimits: limits)
  }

  static func drive(
    _ script: [Item], _ plan: DialoguePlan, _ delivery: Delivery = .whole, tls: FakeTLS? = nil
  ) -> (SessionResult, ScriptedTransport) {
    let clock = FakeClock()
    let transport = ScriptedTransport(script, delivery: delivery, clock: clock)
    let driver = SessionDriver(plan: plan, clock: clock, tls: tls)
    return (driver.run(over: transport), transport)
  }

  @Test(arguments: Delivery.allCases)
  func happyPathWithMessage(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test> SIZE=43\r\n"),
        .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"),
        .server("250 2.1.5 Ok\r\n"),
        .client("DATA\r\n"),
        .server("354 End data with <CR><LF>.<CR><LF>\r\n"),
        .client(Self.stuffed),
        .server("250 2.0.0 Ok: queued as 4F2A1C\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(message: .data(Self.message)), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.stalled)
    #expect(transport.closed)
    #expect(result.verdict.status == .ok)
    #expect(result.verdict.exitCode == 0)
    #expect(
      result.verdict.summary
        == "every reply was positive; 1 of 1 recipient accepted; message accepted (queued as 4F2A1C)"
    )
    #expect(result.queueID == "4F2A1C")
    #expect(result.roundTrips == 6)
    #expect(!result.pipelined)
    #expect(
      result.steps.map(\.command) == [.greeting, .ehlo, .mail, .rcpt, .data, .endOfData, .quit])
    #expect(result.steps[5].commandLine == "<message: 43 bytes, 5 lines>")
    #expect(result.capabilities?.maximumMessageSize == 10_240_000)
    #expect(
      result.transcript.lines == [
        "<- 220 mx.probe.test ESMTP Postfix", "-> EHLO probe.test", "<- 250-mx.probe.test",
        "<- 250-SIZE 10240000", "<- 250-8BITMIME", "<- 250 ENHANCEDSTATUSCODES",
        "-> MAIL FROM:<alice@x.test> SIZE=43", "<- 250 2.1.0 Ok", "-> RCPT TO:<bob@y.test>",
        "<- 250 2.1.5 Ok", "-> DATA", "<- 354 End data with <CR><LF>.<CR><LF>",
        "-> <message: 43 bytes, 5 lines>", "<- 250 2.0.0 Ok: queued as 4F2A1C", "-> QUIT",
        "<- 221 2.0.0 Bye",
      ])
  }

  @Test(arguments: Delivery.allCases)
  func pipelinedGroupInOneWrite(_ delivery: Delivery) {
    let group =
      "MAIL FROM:<alice@x.test> SIZE=43\r\nRCPT TO:<bob@y.test>\r\nRCPT TO:<carol@y.test>\r\nDATA\r\n"
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client(group),
        .server("250 2.1.0 Ok\r\n"),
        .server("250 2.1.5 Ok\r\n"),
        .server("250 2.1.5 Ok\r\n"),
        .server("354 End data with <CR><LF>.<CR><LF>\r\n"),
        .client(Self.stuffed),
        .server("250 2.0.0 Ok: queued as 99AA\r\n"),
      ] + Self.quit
    let plan = Self.plan([Self.bob, Self.carol], message: .data(Self.message))
    let (result, transport) = Self.drive(script, plan, delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(transport.writes.contains(Array(group.utf8)))
    #expect(result.pipelined)
    #expect(result.roundTrips == 4)
    #expect(result.verdict.status == .ok)
    #expect(result.recipients.map(\.accepted) == [true, true])
    #expect(
      result.steps.map(\.command) == [
        .greeting, .ehlo, .mail, .rcpt, .rcpt, .data, .endOfData, .quit,
      ])
    #expect(result.queueID == "99AA")
  }

  @Test(arguments: Delivery.allCases)
  func pipelinedWithoutMessageEndsWithRSETAndQUIT(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client("MAIL FROM:<alice@x.test>\r\nRCPT TO:<bob@y.test>\r\nRSET\r\nQUIT\r\n"),
        .server("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"),
        .close,
      ]
    let (result, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.roundTrips == 2)
    #expect(result.verdict.status == .ok)
    #expect(transport.writes.count == 2)
  }

  @Test func noPipeliningWhenTurnedOff() {
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
        .client("RSET\r\n"), .server("250 2.0.0 Ok\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(pipelining: false))
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.stalled)
    #expect(result.roundTrips == 5)
    #expect(!result.pipelined)
  }

  @Test(arguments: Delivery.allCases)
  func recipientPartlyRefused(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test> SIZE=43\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"),
        .server(
          "550 5.1.1 <bob@y.test>: Recipient address rejected: User unknown in local recipient table\r\n"
        ),
        .client("RCPT TO:<carol@y.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
        .client("DATA\r\n"), .server("354 go ahead\r\n"),
        .client(Self.stuffed), .server("250 2.0.0 Ok: queued as 77\r\n"),
      ] + Self.quit
    let plan = Self.plan([Self.bob, Self.carol], message: .data(Self.message))
    let (result, transport) = Self.drive(script, plan, delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .permanentFailure)
    #expect(result.verdict.exitCode == 1)
    #expect(result.recipients.map(\.accepted) == [false, true])
    #expect(result.messageAccepted)
    #expect(result.verdict.decisiveCommand == .rcpt)
  }

  @Test(arguments: Delivery.allCases)
  func allRecipientsRefusedMeansNoDATA(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test> SIZE=43\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .server("550 5.1.1 User unknown\r\n"),
        .client("RCPT TO:<carol@y.test>\r\n"), .server("450 4.2.1 Try again later\r\n"),
        .client("RSET\r\n"), .server("250 2.0.0 Ok\r\n"),
      ] + Self.quit
    let plan = Self.plan([Self.bob, Self.carol], message: .data(Self.message))
    let (result, transport) = Self.drive(script, plan, delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.sentText.contains("DATA"))
    #expect(result.verdict.status == .permanentFailure)
    #expect(result.verdict.summary.hasSuffix("0 of 2 recipients accepted"))
  }

  @Test(arguments: Delivery.allCases)
  func allRefusedWhilePipeliningDATAGets554(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client("MAIL FROM:<alice@x.test> SIZE=43\r\nRCPT TO:<bob@y.test>\r\nDATA\r\n"),
        .server(
          "250 2.1.0 Ok\r\n550 5.1.1 User unknown\r\n554 5.5.1 Error: no valid recipients\r\n"),
        .client("RSET\r\nQUIT\r\n"),
        .server("250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"), .close,
      ]
    let (result, transport) = Self.drive(script, Self.plan(message: .data(Self.message)), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .permanentFailure)
    #expect(result.verdict.decisiveCommand == .rcpt)
    #expect(result.roundTrips == 3)
  }

  @Test(arguments: Delivery.allCases)
  func greeting554GetsQUITOnly(_ delivery: Delivery) {
    let script: [Item] =
      [
        .server("554 5.7.1 mx.probe.test ESMTP not accepting messages\r\n")
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == "QUIT\r\n")
    #expect(result.verdict.status == .permanentFailure)
    #expect(result.verdict.decisiveCommand == .greeting)
    #expect(result.steps.map(\.command) == [.greeting, .quit])
  }

  @Test(arguments: Delivery.allCases)
  func greeting421AndClose(_ delivery: Delivery) {
    let script: [Item] = [
      .server("421 4.3.2 mx.probe.test Service shutting down, closing transmission channel\r\n"),
      .client("QUIT\r\n"), .close,
    ]
    let (result, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .transientFailure)
    #expect(result.verdict.exitCode == 2)
    #expect(result.verdict.decisiveReply?.code == 421)
  }

  @Test(arguments: Delivery.allCases)
  func midSession421EndsCleanly(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test>\r\n"),
        .server("421 4.4.2 mx.probe.test Error: timeout exceeded\r\n"),
        .client("QUIT\r\n"), .close,
      ]
    let (result, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .transientFailure)
    #expect(result.verdict.summary.hasPrefix("MAIL FROM:<alice@x.test> refused: 421 4.4.2"))
  }

  @Test(arguments: Delivery.allCases)
  func peerClosingMidSession(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .close,
      ]
    let (result, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .incomplete)
    #expect(result.verdict.exitCode == 3)
    #expect(
      result.verdict.summary
        == "the server closed the connection while we waited for the reply to RCPT TO")
  }

  @Test(arguments: Delivery.allCases)
  func peerClosingInsideAReply(_ delivery: Delivery) {
    let script: [Item] = [
      Self.greeting, .client("EHLO probe.test\r\n"), .server("250-mx.probe"), .close,
    ]
    let (result, _) = Self.drive(script, Self.plan(), delivery)
    #expect(result.verdict.problem == .protocolViolation(.truncated(bufferedBytes: 12)))
    #expect(result.verdict.exitCode == 3)
  }

  @Test func greetingTimeoutIsNamed() {
    let (result, transport) = Self.drive([.timeout], Self.plan())
    #expect(result.verdict.summary == "timed out after 60 s waiting for the greeting")
    #expect(result.verdict.exitCode == 3)
    #expect(transport.sentText == "QUIT\r\n")  // a farewell without waiting for its reply
    #expect(result.totalMilliseconds == 60_000)
  }

  @Test func commandTimeoutIsNamed() {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .timeout, .client("QUIT\r\n"),
      ]
    let (result, transport) = Self.drive(script, Self.plan())
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.summary == "timed out after 30 s waiting for the reply to RCPT TO")
    #expect(
      result.verdict.problem == .transport(.timedOut(phase: "the reply to RCPT TO", seconds: 30)))
  }

  @Test func quitWithoutReplyIsFine() {
    let script: [Item] = [Self.greeting, .client("QUIT\r\n"), .timeout]
    let (result, _) = Self.drive(script, Self.plan(quitAfter: .greeting))
    #expect(result.verdict.status == .ok)
    #expect(result.notes.contains { $0.hasPrefix("no reply to QUIT") })
  }

  @Test(arguments: Delivery.allCases)
  func overlongLineIsAProtocolViolation(_ delivery: Delivery) {
    let limits = ReplyParser.Limits(maxLineBytes: 64, maxReplyLines: 10, maxReplyBytes: 1024)
    let script: [Item] = [
      .server("220 " + String(repeating: "x", count: 100)), .client("QUIT\r\n"),
    ]
    let (result, transport) = Self.drive(script, Self.plan(limits: limits), delivery)
    #expect(result.verdict.problem == .protocolViolation(.lineTooLong(limit: 64)))
    #expect(result.verdict.exitCode == 3)
    #expect(transport.sentText == "QUIT\r\n")
  }

  @Test(arguments: Delivery.allCases)
  func ehloRefusedFallsBackToHELO(_ delivery: Delivery) {
    let script: [Item] =
      [
        Self.greeting,
        .client("EHLO probe.test\r\n"), .server("502 5.5.2 Error: command not recognized\r\n"),
        .client("HELO probe.test\r\n"), .server("250 mx.probe.test\r\n"),
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .server("250 Ok\r\n"),
        .client("RSET\r\n"), .server("250 Ok\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .ok)
    #expect(result.capabilities?.fromHELO == true)
  }

  struct QuitAfterCase: Sendable, CustomTestStringConvertible {
    var stage: DialoguePlan.Stage
    var script: [Item]
    var testDescription: String { stage.rawValue }
  }

  static let mailPart: [Item] = [
    .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
  ]
  static let mailPartSized: [Item] = [
    .client("MAIL FROM:<alice@x.test> SIZE=43\r\n"), .server("250 2.1.0 Ok\r\n"),
  ]
  static let rcptPart: [Item] = [.client("RCPT TO:<bob@y.test>\r\n"), .server("250 2.1.5 Ok\r\n")]
  static let rsetPart: [Item] = [.client("RSET\r\n"), .server("250 2.0.0 Ok\r\n")]

  static let quitAfterCases: [QuitAfterCase] = [
    QuitAfterCase(stage: .connect, script: [greeting] + quit),
    QuitAfterCase(stage: .greeting, script: [greeting] + quit),
    QuitAfterCase(stage: .ehlo, script: [greeting, ehloTLS[0], ehloTLS[1]] + quit),
    QuitAfterCase(stage: .starttls, script: [greeting] + ehloTLS + quit),
    QuitAfterCase(stage: .auth, script: [greeting] + ehloTLS + quit),
    QuitAfterCase(stage: .mail, script: [greeting] + ehloTLS + mailPart + rsetPart + quit),
    QuitAfterCase(
      stage: .rcpt, script: [greeting] + ehloTLS + mailPart + rcptPart + rsetPart + quit),
    QuitAfterCase(
      stage: .data,
      script: [greeting] + ehloTLS + mailPartSized + rcptPart + [
        .client("DATA\r\n"), .server("354 go ahead\r\n"), .client(stuffed),
        .server("250 2.0.0 Ok: queued as 1\r\n"),
      ] + quit),
  ]

  @Test(arguments: quitAfterCases)
  func quitAfter(_ c: QuitAfterCase) {
    let plan = Self.plan(message: .data(Self.message), quitAfter: c.stage)
    let (result, transport) = Self.drive(c.script, plan, tls: FakeTLS())
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.stalled)
    #expect(result.verdict.status == .ok)
    #expect(result.verdict.summary.hasSuffix("stopped after \(c.stage.rawValue) as asked"))
  }

  @Test(arguments: Delivery.allCases)
  func startTLSUpgradesAndEHLOsAgain(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloTLS + [
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
      ] + Self.rsetPart + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(tls: .require), delivery, tls: FakeTLS())
    #expect(transport.sentText == transport.expectedClient)
    #expect(transport.tlsDone)
    #expect(result.tls?.protocolVersion == "TLSv1.3")
    #expect(result.capabilitiesBeforeTLS?.offers(.startTLS) == true)
    #expect(result.capabilities?.authMechanisms == ["PLAIN", "LOGIN"])
    #expect(result.capabilityDiff?.added.map(\.line) == ["AUTH PLAIN LOGIN"])
    #expect(result.capabilityDiff?.removed.map(\.line) == ["STARTTLS"])
    #expect(result.verdict.status == .ok)
  }

  @Test func requireTLSWithoutSTARTTLSStopsBeforeMAIL() {
    let script: [Item] = [Self.greeting] + Self.ehloPlain + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(tls: .require), tls: FakeTLS())
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.sentText.contains("MAIL"))
    #expect(result.verdict.problem == .tlsNotOffered)
    #expect(result.verdict.exitCode == 3)
  }

  @Test func bytesAfterSTARTTLSReplyAreRefused() {
    let script: [Item] = [
      Self.greeting,
      .client("EHLO probe.test\r\n"), .server("250-mx.probe.test\r\n250 STARTTLS\r\n"),
      .client("STARTTLS\r\n"), .server("220 Ready\r\n250 injected\r\n"),
    ]
    let (result, transport) = Self.drive(script, Self.plan(tls: .require), tls: FakeTLS())
    #expect(!transport.tlsDone)
    guard case .tlsFailed(let reason) = result.verdict.problem else {
      Issue.record("expected a TLS failure, got \(result.verdict)")
      return
    }
    #expect(reason.contains("command-injection"))
  }

  @Test func handshakeFailure() {
    let script: [Item] = [Self.greeting] + Array(Self.ehloTLS.prefix(4))
    let (result, transport) = Self.drive(script, Self.plan(), tls: FakeTLS(fails: true))
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.problem == .tlsFailed("certificate verify failed"))
    #expect(transport.closed)
  }

  @Test func smtpUTF8ParameterWhenOffered() throws {
    let utf8 = try Address("δοκιμή@y.test")
    let script: [Item] =
      [
        Self.greeting,
        .client("EHLO probe.test\r\n"), .server("250-mx.probe.test\r\n250 SMTPUTF8\r\n"),
        .client("MAIL FROM:<alice@x.test> SMTPUTF8\r\n"), .server("250 Ok\r\n"),
        .client("RCPT TO:<δοκιμή@y.test>\r\n"), .server("250 Ok\r\n"),
        .client("RSET\r\n"), .server("250 Ok\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan([utf8]))
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .ok)
  }

  @Test func timingsComeFromTheClock() {
    let script: [Item] = [
      .delay(25), Self.greeting, .client("EHLO probe.test\r\n"), .delay(7),
      .server("250-mx.probe.test\r\n250 SIZE\r\n"), .client("QUIT\r\n"), .delay(3),
      .server("221 Bye\r\n"), .close,
    ]
    let (result, _) = Self.drive(script, Self.plan(quitAfter: .ehlo))
    #expect(result.greetingMilliseconds == 25)
    #expect(result.steps.map(\.elapsedMilliseconds) == [25, 7, 3])
    #expect(result.totalMilliseconds == 35)
    #expect(result.transcript.entries.map(\.milliseconds) == [25, 25, 32, 32, 32, 35])
    #expect(result.transcript.entries.map(\.step) == [0, nil, 1, 1, nil, 2])
  }

  @Test func invalidPlanSendsNothing() {
    let (result, transport) = Self.drive([Self.greeting], DialoguePlan(ehloName: "bad\r\nname"))
    #expect(transport.sent.isEmpty)
    #expect(result.verdict.status == .incomplete)
    guard case .invalidInput = result.verdict.problem else {
      Issue.record("expected invalid input")
      return
    }
  }
}

extension SessionDriverTests {
  @Test(arguments: Delivery.allCases)
  func pipelined421DoesNotRepeatQUIT(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client("MAIL FROM:<alice@x.test>\r\nRCPT TO:<bob@y.test>\r\nRSET\r\nQUIT\r\n"),
        .server("250 2.1.0 Ok\r\n421 4.7.0 mx.probe.test Error: too many errors\r\n"), .close,
      ]
    let (result, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .transientFailure)
    #expect(result.recipients.map(\.reply.code) == [421])
    #expect(result.verdict.summary.hasPrefix("RCPT TO:<bob@y.test> refused: 421 4.7.0"))
  }
}
