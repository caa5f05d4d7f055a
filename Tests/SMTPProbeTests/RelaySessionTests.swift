import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// The relay matrix as one session's transactions, run over the scripted peer, read back as
/// outcomes and judged into the host's `relay` finding.
@Suite struct RelaySessionTests {
  typealias Item = ScriptedTransport.Item

  static func plan() throws -> DialoguePlan {
    var plan = DialoguePlan(ehloName: "probe.test", tlsServerName: "mx.example.org")
    plan.transactions = try RelaySession.transactions(targetDomain: "example.org")
    try plan.validate()
    return plan
  }

  /// Runs the matrix against a pipelining server answering `rcpt(form)` to each RCPT.
  static func run(rcpt: (RelayTestForm) -> String) throws -> (SessionRecord, ScriptedTransport) {
    let plan = try plan()
    let matrix = RelayTest.matrix(targetDomain: "example.org", serverAddress: "192.0.2.25")
    var script: [Item] =
      [SessionDriverTests.greeting] + SessionDriverTests.ehloPipelining
    for (index, test) in matrix.enumerated() {
      let last = index == matrix.count - 1
      script.append(
        .client("\(test.mailLine)\r\n\(test.rcptLine)\r\nRSET\r\n" + (last ? "QUIT\r\n" : "")))
      script.append(.server("250 2.1.0 Ok\r\n\(rcpt(test.form))\r\n250 2.0.0 Ok\r\n"))
    }
    script += [.server("221 Bye\r\n"), .close]
    let clock = FakeClock()
    let transport = ScriptedTransport(script, clock: clock)
    let connection = SessionConnection(
      host: "mx.example.org", address: "192.0.2.25", port: 25, connectMilliseconds: 1)
    let record = SessionDriver(plan: plan, clock: clock).run(
      over: transport, connection: connection)
    return (record, transport)
  }

  static func report() -> CheckTargetReport {
    CheckTargetReport(
      target: "example.org",
      hosts: [
        CheckHostReport(host: "mx.example.org", address: "192.0.2.25", port: 25, findings: [])
      ])
  }

  static let judgement = CheckJudgement(
    limits: CheckLimits(), postmaster: nil, assertions: [],
    now: UnixTime(seconds: 1_700_000_000))

  @Test func theSessionSendsTheMatrixInOrderAtTheAddressConnectedTo() throws {
    let (record, transport) = try Self.run { _ in "554 5.7.1 Relay access denied" }
    #expect(transport.sentText == transport.expectedClient)
    let outcomes = RelaySession.outcomes(of: record)
    #expect(
      outcomes.map(\.test)
        == RelayTest.matrix(targetDomain: "example.org", serverAddress: "192.0.2.25"))
    #expect(outcomes.allSatisfy { $0.refused })
    #expect(RelayJudgement.judge(outcomes).state == .ok)
  }

  @Test func oneAcceptedFormMakesTheHostCritical() throws {
    let (record, _) = try Self.run { form in
      form == .percentHack ? "250 2.1.5 Ok" : "554 5.7.1 Relay access denied"
    }
    let attempt = HostAttempt(host: "mx.example.org", port: 25, session: record)
    let relay = ProbeRecord(target: "example.org", attempts: [attempt])
    let report = Self.judgement.addingRelay(relay, to: Self.report())
    let finding = try #require(report.hosts[0].findings.first { $0.check == .relay })
    #expect(finding.state == .critical)
    #expect(finding.value == 1)
    #expect(finding.evidence?.commandLine == "RCPT TO:<relay-test%example.net@example.org>")
  }

  @Test func aSessionThatNeverReachedMAILIsNotApplicable() {
    let attempt = HostAttempt(
      host: "mx.example.org", port: 25,
      connectFailure: .allAttemptsFailed(host: "mx.example.org", port: 25, attempts: []))
    let relay = ProbeRecord(target: "example.org", attempts: [attempt])
    let report = Self.judgement.addingRelay(relay, to: Self.report())
    #expect(report.hosts[0].findings.map(\.applicable) == [false])
    #expect(report.hosts[0].findings.map(\.check) == [.relay])
  }
}
