import Testing

@testable import SMTPProbeCore

/// `CheckJudgement` over hand-built session records: each check's state, evidence and
/// perfdata, and the session's problem reported once, by the first check it stopped.
@Suite struct CheckJudgementTests {
  static let now = UnixTime(seconds: 1_700_000_000)
  static let connection = SessionConnection(
    host: "mx.example.org", address: "192.0.2.1", port: 25, connectMilliseconds: 12)

  static func step(
    _ command: CommandKind, _ line: String?, _ reply: Reply, elapsed: Int = 5, at: Int = 0
  ) -> Step {
    Step(
      command: command, commandLine: line, reply: reply, elapsedMilliseconds: elapsed,
      atMilliseconds: at)
  }

  static func host(_ session: SessionRecord) -> CheckHostReport {
    judgement().host(HostAttempt(host: "mx.example.org", port: 25, session: session))
  }

  static func judgement(
    limits: CheckLimits = CheckLimits(), assertions: [RecipientAssertion] = []
  ) -> CheckJudgement {
    CheckJudgement(limits: limits, postmaster: nil, assertions: assertions, now: now)
  }

  static func finding(_ report: CheckHostReport, _ check: CheckID) -> CheckFinding? {
    report.findings.first { $0.check == check }
  }

  static let ehloReply = Reply(
    code: 250, lines: ["250-mx.example.org", "250-PIPELINING", "250 STARTTLS"])

  static func certificate(name: String, daysLeft: Int) -> CertificateInfo {
    CertificateInfo(
      commonName: name, subject: "CN = \(name)", issuerCommonName: "CA", issuer: "CN = CA",
      alternativeNames: [.dns(name)], notBefore: UnixTime(seconds: 0),
      notAfter: UnixTime(seconds: now.seconds + Int64(daysLeft) * 86_400 + 3600),
      serialNumber: "01", keyType: "RSA", keyBits: 2048,
      signatureAlgorithm: "sha256WithRSAEncryption", isSelfSigned: false)
  }

  @Test func aRefusedGreetingIsCriticalWithTheClassifiersDiagnosis() throws {
    let facts = DialogueFacts()
    let greeting = Reply(554, "5.7.1 no SMTP service here")
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "client.example"), connection: Self.connection,
      steps: [Self.step(.greeting, nil, greeting)], facts: facts)
    let report = Self.host(session)
    let finding = try #require(Self.finding(report, .greeting))
    #expect(finding.state == .critical)
    #expect(finding.evidence?.reply == greeting)
    #expect(finding.evidence?.diagnosis == Classifier.diagnose(greeting, after: .greeting))
    #expect(finding.explanation == Classifier.diagnose(greeting, after: .greeting).explanation)
    #expect(Self.finding(report, .ehlo) == nil)
    #expect(report.state == .critical)
  }

  @Test func aTimeoutIsReportedOnceByTheCheckItStopped() throws {
    var facts = DialogueFacts()
    facts.problem = .transport(.timedOut(phase: "the reply to EHLO", seconds: 10))
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "client.example"), connection: Self.connection,
      steps: [Self.step(.greeting, nil, Reply(220, "mx.example.org ESMTP"))], facts: facts)
    let report = Self.host(session)
    #expect(Self.finding(report, .greeting)?.state == .ok)
    let ehlo = try #require(Self.finding(report, .ehlo))
    #expect(ehlo.state == .critical)
    #expect(ehlo.summary.contains("timed out"))
    #expect(report.findings.filter { $0.state == .critical }.count == 1)
  }

  @Test func everyCertificateOfTheChainIsDated() throws {
    var facts = DialogueFacts()
    facts.capabilitiesBeforeTLS = Capabilities(reply: Self.ehloReply)
    facts.capabilities = Capabilities(reply: Self.ehloReply)
    facts.tls = TLSReport(
      protocolVersion: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", cipherBits: 128,
      serverName: "mx.example.org",
      chain: [
        Self.certificate(name: "mx.example.org", daysLeft: 5),
        Self.certificate(name: "Intermediate", daysLeft: 400),
      ],
      verification: TLSVerification(
        expectedName: "mx.example.org", trustStore: .system, faults: []),
      verificationRequired: false)
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "client.example"), connection: Self.connection,
      steps: [
        Self.step(.greeting, nil, Reply(220, "mx.example.org ESMTP")),
        Self.step(.ehlo, "EHLO client.example", Self.ehloReply),
        Self.step(.startTLS, "STARTTLS", Reply(220, "go ahead"), elapsed: 3, at: 20),
        Self.step(.ehlo, "EHLO client.example", Self.ehloReply, elapsed: 4, at: 60),
        Self.step(.mail, "MAIL FROM:<>", Reply(250, "2.1.0 ok")),
      ], facts: facts)
    let report = Self.host(session)
    let dates = report.findings.filter { $0.check == .certDays }
    #expect(dates.map(\.state) == [.critical, .ok])
    #expect(dates.map(\.subject) == ["depth 0", "depth 1"])
    #expect(dates.flatMap(\.perfdata).map(\.label) == ["cert_days", "cert_days_1"])
    #expect(dates.first?.value == 5)
    #expect(Self.finding(report, .tlsVerified)?.state == .ok)
    #expect(Self.finding(report, .mailFrom)?.state == .ok)
    // STARTTLS sent at 17 ms, the EHLO after the handshake at 56 ms.
    #expect(report.timings.first { $0.phase == .tls }?.seconds == 0.039)
  }

  @Test func aSlowPhaseIsJudgedAgainstItsLimit() throws {
    var limits = CheckLimits()
    try limits.setPhaseLimit("greeting=2", option: "--phase-warn")
    try limits.setPhaseLimit("greeting=5", option: "--phase-crit")
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "client.example"), connection: Self.connection,
      greetingMilliseconds: 3000, totalMilliseconds: 3100,
      steps: [
        Self.step(.greeting, nil, Reply(220, "mx.example.org ESMTP"), elapsed: 3000),
        Self.step(.ehlo, "EHLO client.example", Reply(250, "mx.example.org")),
      ], facts: DialogueFacts())
    let report = Self.judgement(limits: limits).host(
      HostAttempt(host: "mx.example.org", port: 25, session: session))
    let phase = try #require(Self.finding(report, .phaseTime))
    #expect(phase.state == .warning)
    let greeting = try #require(phase.perfdata.first { $0.label == "time_greeting" })
    #expect(greeting.value == 3)
    #expect(greeting.warning == limits.phases[.greeting]?.warning)
    #expect(phase.perfdata.last?.label == "time_total")
  }

  @Test func recipientAssertionsCompareTheAnswer() throws {
    let abuse = try Address("abuse@example.org")
    let nobody = try Address("nobody@example.org")
    var facts = DialogueFacts()
    facts.recipients = [
      RecipientResult(address: abuse, reply: Reply(550, "5.1.1 no such user")),
      RecipientResult(address: nobody, reply: Reply(550, "5.1.1 no such user")),
    ]
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "client.example"), connection: Self.connection,
      steps: [
        Self.step(.greeting, nil, Reply(220, "mx.example.org ESMTP")),
        Self.step(.ehlo, "EHLO client.example", Reply(250, "mx.example.org")),
        Self.step(.mail, "MAIL FROM:<>", Reply(250, "2.1.0 ok")),
      ], facts: facts)
    let judgement = Self.judgement(assertions: [
      RecipientAssertion(address: abuse, expectation: .accept),
      RecipientAssertion(address: nobody, expectation: .reject),
    ])
    let report = judgement.host(HostAttempt(host: "mx.example.org", port: 25, session: session))
    let rcpt = report.findings.filter { $0.check == .rcpt }
    #expect(rcpt.map(\.subject) == ["abuse@example.org", "nobody@example.org"])
    #expect(rcpt.map(\.state) == [.critical, .ok])
  }

  @Test func aRefusedConnectionIsCritical() throws {
    let address = try #require(SocketAddress(numericHost: "192.0.2.1", port: 25))
    let failure = ConnectFailure.allAttemptsFailed(
      host: "mx.example.org", port: 25,
      attempts: [ConnectAttempt(address: address, error: .refused(address), elapsedMilliseconds: 1)]
    )
    let report = Self.judgement().host(
      HostAttempt(
        host: "mx.example.org", port: 25, failedConnects: failure.attempts,
        connectFailure: failure))
    #expect(report.findings.map(\.check) == [.connect])
    #expect(report.state == .critical)
    #expect(report.address == "192.0.2.1")
  }

  @Test(arguments: [
    ("abuse@example.org=accept", "abuse@example.org", RecipientAssertion.Expectation.accept),
    ("a=b@example.org=REJECT", "a=b@example.org", .reject),
  ])
  func assertionsParse(text: String, mailbox: String, expected: RecipientAssertion.Expectation)
    throws
  {
    let assertion = try RecipientAssertion.parse(text)
    #expect(assertion.address.mailbox == mailbox)
    #expect(assertion.expectation == expected)
  }

  @Test(arguments: ["abuse@example.org", "abuse@example.org=maybe", "a b@example.org=accept"])
  func badAssertionsAreRefused(text: String) {
    #expect(throws: CheckOptionError.self) { try RecipientAssertion.parse(text) }
  }
}
