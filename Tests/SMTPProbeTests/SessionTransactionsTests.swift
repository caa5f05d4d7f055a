import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Several mail transactions in one session (`DialoguePlan.transactions`): exact client bytes
/// over the scripted peer in every delivery mode, and each reply kept per transaction.
@Suite struct SessionTransactionsTests {
  typealias Item = ScriptedTransport.Item
  typealias Delivery = ScriptedTransport.Delivery
  static let alice = Address(valid: "alice@x.test")
  static let bob = Address(valid: "bob@y.test")
  static let carol = Address(valid: "carol@y.test")
  static let greeting = SessionDriverTests.greeting
  static let ehloPlain = SessionDriverTests.ehloPlain
  static let ehloPipelining = SessionDriverTests.ehloPipelining
  static let quit = SessionDriverTests.quit

  static func raw(_ text: String) -> EnvelopePath {
    do {
      return .raw(try RawPath(text))
    } catch {
      fatalError("test fixture path \(text) is invalid: \(error)")
    }
  }

  /// alice to bob and carol; a percent hack; the null sender to a bang path.
  static let three = [
    TransactionPlan(from: alice, to: [bob, carol]),
    TransactionPlan(
      from: .address(alice), recipients: [raw("relay-test%example.net@y.test")]),
    TransactionPlan(from: nil, recipients: [raw("example.net!relay-test@y.test")]),
  ]

  static func plan(_ transactions: [TransactionPlan] = three, pipelining: Bool = true)
    -> DialoguePlan
  {
    var plan = DialoguePlan(
      ehloName: "probe.test", tlsServerName: "mx.probe.test", pipelining: pipelining)
    plan.transactions = transactions
    return plan
  }

  static func drive(
    _ script: [Item], _ plan: DialoguePlan, _ delivery: Delivery,
    address: String? = "192.0.2.25"
  ) -> (SessionRecord, ScriptedTransport) {
    let clock = FakeClock()
    let transport = ScriptedTransport(script, delivery: delivery, clock: clock)
    let connection = address.map {
      SessionConnection(host: "mx.probe.test", address: $0, port: 25, connectMilliseconds: 1)
    }
    let record = SessionDriver(plan: plan, clock: clock).run(
      over: transport, connection: connection)
    return (record, transport)
  }

  @Test(arguments: Delivery.allCases)
  func oneCommandPerReplyWithRSETBetween(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
        .client("RCPT TO:<carol@y.test>\r\n"), .server("550 5.1.1 <carol@y.test>: unknown\r\n"),
        .client("RSET\r\n"), .server("250 2.0.0 Ok\r\n"),
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<relay-test%example.net@y.test>\r\n"),
        .server("554 5.7.1 Relay access denied\r\n"),
        .client("RSET\r\n"), .server("250 2.0.0 Ok\r\n"),
        .client("MAIL FROM:<>\r\n"), .server("550 5.7.1 no bounces here\r\n"),
        .client("RSET\r\n"), .server("250 2.0.0 Ok\r\n"),
      ] + Self.quit
    let (record, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.stalled)
    #expect(record.problem == nil)
    #expect(!record.pipelined)
    let results = record.transactions
    #expect(results.count == 3)
    #expect(results.map { $0.mailReply?.code } == [250, 250, 550])
    #expect(results[0].rcptReplies.map { $0?.code } == [250, 550])
    #expect(results[1].rcptReplies.map { $0?.code } == [554])
    // MAIL refused without PIPELINING: its RCPT is never sent.
    #expect(results[2].rcptReplies.map { $0?.code } == [nil])
    #expect(results.map { $0.resetReply?.code } == [250, 250, 250])
    #expect(results.allSatisfy { $0.completed })
    #expect(results[0].recipientAccepted(at: 0) && !results[0].recipientAccepted(at: 1))
    // The mailboxes' answers also join the flat list the one-transaction readers use.
    #expect(record.recipients.map(\.address) == [Self.bob, Self.carol])
    #expect(record.verdict.status == .permanentFailure)
  }

  @Test(arguments: Delivery.allCases)
  func pipelinedOneGroupPerTransaction(_ delivery: Delivery) {
    let first =
      "MAIL FROM:<alice@x.test>\r\nRCPT TO:<bob@y.test>\r\nRCPT TO:<carol@y.test>\r\nRSET\r\n"
    let second = "MAIL FROM:<alice@x.test>\r\nRCPT TO:<relay-test%example.net@y.test>\r\nRSET\r\n"
    let third = "MAIL FROM:<>\r\nRCPT TO:<example.net!relay-test@y.test>\r\nRSET\r\nQUIT\r\n"
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client(first),
        .server("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n250 2.0.0 Ok\r\n"),
        .client(second),
        .server("250 2.1.0 Ok\r\n554 5.7.1 Relay access denied\r\n250 2.0.0 Ok\r\n"),
        .client(third),
        .server("550 5.7.1 no\r\n503 5.5.1 need MAIL\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"),
        .close,
      ]
    let (record, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(transport.writes.contains(Array(first.utf8)))
    #expect(transport.writes.contains(Array(third.utf8)))
    #expect(record.pipelined)
    #expect(record.problem == nil)
    let results = record.transactions
    #expect(results.map { $0.mailReply?.code } == [250, 250, 550])
    #expect(results.map { $0.rcptReplies.map { $0?.code } } == [[250, 250], [554], [503]])
    #expect(results.map { $0.resetReply?.code } == [250, 250, 250])
    #expect(record.roundTrips == 4)
  }

  @Test(arguments: Delivery.allCases)
  func shutdownMidwayLeavesTheRestNotReached(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
        .client("RCPT TO:<carol@y.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
        .client("RSET\r\n"), .server("250 2.0.0 Ok\r\n"),
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<relay-test%example.net@y.test>\r\n"),
        .server("421 4.7.0 mx.probe.test Error: too many errors\r\n"),
        .client("QUIT\r\n"), .close,
      ]
    let (record, transport) = Self.drive(script, Self.plan(pipelining: false), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.facts.serverShutdown)
    let results = record.transactions
    #expect(results[1].rcptReplies.map { $0?.code } == [421])
    #expect(results[1].resetReply == nil)
    #expect(!results[1].completed)
    #expect(results[2] == TransactionResult(transaction: Self.three[2]))
    #expect(record.verdict.status == .transientFailure)
  }

  @Test(arguments: Delivery.allCases)
  func pipelinedShutdownKeepsTheRepliesBeforeIt(_ delivery: Delivery) {
    let first =
      "MAIL FROM:<alice@x.test>\r\nRCPT TO:<bob@y.test>\r\nRCPT TO:<carol@y.test>\r\nRSET\r\n"
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client(first),
        .server("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n421 4.3.2 shutting down\r\n"),
        .client("QUIT\r\n"), .close,
      ]
    let (record, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    let results = record.transactions
    #expect(results[0].mailReply?.code == 250)
    #expect(results[0].rcptReplies.map { $0?.code } == [250, 421])
    #expect(results[0].resetReply == nil)
    #expect(results[1].mailReply == nil && results[2].mailReply == nil)
  }

  @Test(arguments: Delivery.allCases)
  func aReplyWithoutAClassEndsTheSeriesAfterItsGroup(_ delivery: Delivery) {
    let first =
      "MAIL FROM:<alice@x.test>\r\nRCPT TO:<bob@y.test>\r\nRCPT TO:<carol@y.test>\r\nRSET\r\n"
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client(first),
        .server("250 2.1.0 Ok\r\n199 what\r\n250 2.1.5 Ok\r\n250 2.0.0 Ok\r\n"),
      ] + Self.quit
    let (record, transport) = Self.drive(script, Self.plan(), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.problem == .unexpectedReply(to: "RCPT TO", code: 199))
    // The rest of the group is read and kept; the next transactions are never sent.
    #expect(record.transactions[0].rcptReplies.map { $0?.code } == [199, 250])
    #expect(record.transactions[0].resetReply?.code == 250)
    #expect(record.transactions[1].mailReply == nil)
  }

  @Test(arguments: Delivery.allCases)
  func droppedConnectionMidway(_ delivery: Delivery) {
    let script: [Item] =
      [Self.greeting] + Self.ehloPlain + [
        .client("MAIL FROM:<alice@x.test>\r\n"), .server("250 2.1.0 Ok\r\n"),
        .client("RCPT TO:<bob@y.test>\r\n"), .close,
      ]
    let (record, transport) = Self.drive(script, Self.plan(pipelining: false), delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.problem == .peerClosed(waitingFor: "the reply to RCPT TO"))
    let results = record.transactions
    #expect(results[0].mailReply?.code == 250)
    #expect(results[0].rcptReplies == [nil, nil])
    #expect(results[1...].allSatisfy { $0.mailReply == nil && $0.resetReply == nil })
    #expect(record.verdict.status == .incomplete)
  }

  @Test(arguments: [
    ("192.0.2.25", "RCPT TO:<relay-test%example.net@[192.0.2.25]>"),
    ("2001:db8::25", "RCPT TO:<relay-test%example.net@[IPv6:2001:db8::25]>"),
  ])
  func serverAddressLiteralIsTheAddressConnectedTo(address: String, line: String) throws {
    let local = try RawPath("relay-test%example.net")
    let plan = Self.plan([
      TransactionPlan(
        from: .address(Self.alice), recipients: [.atServerAddress(localPart: local)])
    ])
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client("MAIL FROM:<alice@x.test>\r\n\(line)\r\nRSET\r\nQUIT\r\n"),
        .server("250 2.1.0 Ok\r\n554 5.7.1 Relay access denied\r\n250 Ok\r\n221 Bye\r\n"),
        .close,
      ]
    let (record, transport) = Self.drive(script, plan, .whole, address: address)
    #expect(transport.sentText == transport.expectedClient)
    // The record keeps what was sent, the address filled in.
    #expect(
      record.transactions[0].transaction.recipients.map(\.description)
        == [String(line.dropFirst("RCPT TO:".count))])
  }

  @Test func serverAddressLiteralWithoutAConnectionSendsNothing() throws {
    let local = try RawPath("relay-test%example.net")
    let plan = Self.plan([
      TransactionPlan(from: nil, recipients: [.atServerAddress(localPart: local)])
    ])
    let (record, transport) = Self.drive([Self.greeting], plan, .whole, address: nil)
    #expect(transport.sent.isEmpty)
    #expect(transport.closed)
    guard case .invalidInput? = record.problem else {
      Issue.record("expected invalidInput, got \(String(describing: record.problem))")
      return
    }
    #expect(record.transactions.map(\.mailReply) == [nil])
  }

  @Test(arguments: ["a\r\nRCPT TO:<x@y>", "a\nb", "nul\u{0}", "del\u{7F}", "bidi\u{202E}x"])
  func rawPathRefusesWhatWouldBreakTheLine(_ text: String) {
    #expect(throws: InputError.self) { try RawPath(text) }
  }

  @Test func rawPathKeepsEverythingElse() throws {
    for text in ["", "\"a@b\"@c", "@a,@b:c@d", "a@b@c", "a!b@c", "x%y@[192.0.2.1]", "ü@ä"] {
      #expect(try RawPath(text).path == "<\(text)>")
    }
  }

  @Test func planRulesForTransactions() {
    var plan = Self.plan()
    #expect(throws: Never.self) { try plan.validate() }
    plan.quitAfter = .rcpt
    #expect(throws: Never.self) { try plan.validate() }
    plan.quitAfter = .mail
    #expect(throws: InputError.self) { try plan.validate() }
    plan.quitAfter = nil
    plan.recipients = [Self.bob]
    #expect(throws: InputError.self) { try plan.validate() }
    plan.recipients = []
    plan.message = .data(Array("Subject: x\r\n\r\nx\r\n".utf8))
    #expect(throws: InputError.self) { try plan.validate() }
  }

  @Test(arguments: Delivery.allCases)
  func quitAfterAuthStopsBeforeTheTransactions(_ delivery: Delivery) {
    var plan = Self.plan()
    plan.quitAfter = .ehlo
    let script: [Item] = [Self.greeting] + Self.ehloPlain + Self.quit
    let (record, transport) = Self.drive(script, plan, delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.transactions.allSatisfy { $0.mailReply == nil })
  }

  @Test func mailboxTransactionsCountAsAnsweredRecipients() {
    let plan = Self.plan([
      TransactionPlan(from: Self.alice, to: [Self.bob]),
      TransactionPlan(from: Self.alice, to: [Self.carol]),
    ])
    let script: [Item] =
      [Self.greeting] + Self.ehloPipelining + [
        .client("MAIL FROM:<alice@x.test>\r\nRCPT TO:<bob@y.test>\r\nRSET\r\n"),
        .server("250 Ok\r\n250 Ok\r\n250 Ok\r\n"),
        .client("MAIL FROM:<alice@x.test>\r\nRCPT TO:<carol@y.test>\r\nRSET\r\nQUIT\r\n"),
        .server("250 Ok\r\n250 Ok\r\n250 Ok\r\n221 Bye\r\n"), .close,
      ]
    let (record, transport) = Self.drive(script, plan, .whole)
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.recipients.allSatisfy { $0.accepted })
    #expect(record.verdict.status == .ok)
    guard case .session(let finding) = record.verdict.finding else {
      Issue.record("expected a session finding, got \(record.verdict.finding)")
      return
    }
    #expect(finding.recipients == RecipientTally(accepted: 2, answered: 2, unanswered: 0))
  }
}
