import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A fetcher that returns one canned response or failure, and remembers what it was asked.
private struct CannedFetcher: PolicyFetching {
  var outcome: Result<HTTPResponse, MTASTSFetchFailure>

  func fetch(host: String, path: String, addresses: [String]) -> MTASTSFetch {
    MTASTSFetch(url: "https://\(host)\(path)", address: addresses.first, outcome: outcome)
  }
}

/// The MTA-STS and DANE findings over hand-built sessions: what DNS and the policy promise,
/// compared with what the MX host's session showed.
@Suite struct TLSPolicyJudgementTests {
  static let judgement = CheckJudgement(
    limits: CheckLimits(), postmaster: nil, assertions: [], now: UnixTime(seconds: 1_800_000_000))
  static let ehlo = Reply(code: 250, lines: ["250-mx.example.org", "250 STARTTLS"])
  static let plainEHLO = Reply(code: 250, lines: ["250-mx.example.org", "250 PIPELINING"])

  /// A session with STARTTLS and `chain`, trusted or not for mx.example.org; or without
  /// STARTTLS when `chain` is nil.
  static func attempt(chain: [CertificateInfo]?, faults: [TLSVerificationFault] = [])
    -> HostAttempt
  {
    var facts = DialogueFacts()
    var steps = [
      Step(
        command: .greeting, commandLine: nil, reply: Reply(220, "mx.example.org ESMTP"),
        elapsedMilliseconds: 1, atMilliseconds: 0)
    ]
    if let chain {
      facts.capabilitiesBeforeTLS = Capabilities(reply: ehlo)
      facts.capabilities = Capabilities(reply: ehlo)
      facts.tls = TLSReport(
        protocolVersion: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", cipherBits: 128,
        serverName: "mx.example.org", chain: chain,
        verification: TLSVerification(
          expectedName: "mx.example.org", trustStore: .system, faults: faults),
        verificationRequired: false)
      steps.append(
        Step(
          command: .ehlo, commandLine: "EHLO c", reply: ehlo, elapsedMilliseconds: 1,
          atMilliseconds: 1))
      steps.append(
        Step(
          command: .startTLS, commandLine: "STARTTLS", reply: Reply(220, "go ahead"),
          elapsedMilliseconds: 1, atMilliseconds: 2))
    } else {
      facts.capabilities = Capabilities(reply: plainEHLO)
      steps.append(
        Step(
          command: .ehlo, commandLine: "EHLO c", reply: plainEHLO, elapsedMilliseconds: 1,
          atMilliseconds: 1))
    }
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "c"),
      connection: SessionConnection(
        host: "mx.example.org", address: "192.0.2.1", port: 25, connectMilliseconds: 1),
      steps: steps, facts: facts)
    return HostAttempt(host: "mx.example.org", port: 25, session: session)
  }

  static func record(_ attempt: HostAttempt) -> ProbeRecord {
    ProbeRecord(target: "example.org", attempts: [attempt], allMX: true)
  }

  static func policy(_ text: String, status: Int = 200, type: String = "text/plain")
    -> Result<HTTPResponse, MTASTSFetchFailure>
  {
    .success(
      HTTPResponse(
        status: status, reason: "OK", fields: [.init(name: "Content-Type", value: type)],
        body: Array(text.utf8)))
  }

  static let resolver = StaticResolver(entries: [
    "_mta-sts.example.org": [.txt: .records([.txt(["v=STSv1; id=20261206"])])],
    "mta-sts.example.org": [.a: .records([.a("192.0.2.80")])],
  ])

  /// The findings of the MTA-STS run: the target's and the host's, by check.
  static func mtaSTS(
    _ outcome: Result<HTTPResponse, MTASTSFetchFailure>, attempt: HostAttempt,
    resolver: StaticResolver = resolver
  ) -> [CheckID: [CheckFinding]] {
    let facts = MTASTSFacts.collect(
      domain: "example.org", resolver: resolver, fetcher: CannedFetcher(outcome: outcome))
    let probe = record(attempt)
    let report = judgement.addingMTASTS(facts, record: probe, to: judgement.judge(probe))
    return Dictionary(
      grouping: report.findings
        + report.hosts.flatMap(\.findings)
        .filter { $0.check.rawValue.hasPrefix("mta-sts") }, by: \.check)
  }

  static let trusted = attempt(chain: DANETests.chain)

  @Test func anEnforcedPolicyThatTheMXMeetsIsOK() throws {
    let findings = Self.mtaSTS(
      Self.policy("version: STSv1\r\nmode: enforce\r\nmx: *.example.org\r\nmax_age: 604800\r\n"),
      attempt: Self.trusted)
    #expect(findings[.mtaSTSRecord]?.map(\.state) == [.ok])
    let policy = try #require(findings[.mtaSTSPolicy]?.first)
    #expect(policy.state == .ok)
    #expect(policy.record.contains(CheckRecordField("mx", .list(["*.example.org"]))))
    #expect(policy.summary.contains("192.0.2.80"))
    #expect(findings[.mtaSTSMode]?.map(\.state) == [.ok])
    #expect(findings[.mtaSTSMaxAge]?.first?.value == 604_800)
    #expect(findings[.mtaSTSMX]?.map(\.state) == [.ok])
    #expect(findings[.mtaSTSTLS]?.map(\.state) == [.ok])
  }

  @Test func anUnmatchedMXIsCriticalInEnforceAndAWarningInTesting() {
    let enforce = Self.mtaSTS(
      Self.policy("version: STSv1\nmode: enforce\nmx: *.elsewhere.example\nmax_age: 604800\n"),
      attempt: Self.trusted)
    #expect(enforce[.mtaSTSMX]?.map(\.state) == [.critical])
    let testing = Self.mtaSTS(
      Self.policy("version: STSv1\nmode: testing\nmx: *.elsewhere.example\nmax_age: 86400\n"),
      attempt: Self.trusted)
    #expect(testing[.mtaSTSMX]?.map(\.state) == [.warning])
    #expect(testing[.mtaSTSMode]?.map(\.state) == [.warning])
    #expect(testing[.mtaSTSMaxAge]?.map(\.state) == [.warning])
  }

  @Test func enforceNeedsTLSTheSessionShowedTrusted() {
    let text = "version: STSv1\nmode: enforce\nmx: mx.example.org\nmax_age: 604800\n"
    let untrusted = Self.attempt(
      chain: DANETests.chain,
      faults: [.hostnameMismatch(expected: "mx.example.org", presented: ["mx.probe.test"])])
    #expect(
      Self.mtaSTS(Self.policy(text), attempt: untrusted)[.mtaSTSTLS]?.map(\.state) == [.critical])
    let plain = Self.attempt(chain: nil)
    let finding = Self.mtaSTS(Self.policy(text), attempt: plain)[.mtaSTSTLS]?.first
    #expect(finding?.state == .critical)
    #expect(finding?.summary.contains("STARTTLS is not offered") == true)
  }

  @Test func modeNoneChecksNoMX() {
    let findings = Self.mtaSTS(
      Self.policy("version: STSv1\nmode: none\nmax_age: 86400\n"), attempt: Self.trusted)
    #expect(findings[.mtaSTSMode]?.map(\.state) == [.ok])
    #expect(findings[.mtaSTSMX] == nil)
    #expect(findings[.mtaSTSTLS] == nil)
  }

  @Test func fetchesThatSendersRefuseAreCritical() {
    let redirect = HTTPResponse(
      status: 301, reason: "Moved",
      fields: [.init(name: "Location", value: "https://www.example.org/")], body: [])
    let cases: [Result<HTTPResponse, MTASTSFetchFailure>] = [
      .success(redirect),
      Self.policy("not found", status: 404),
      Self.policy("version: STSv1\nmode: enforce\nmx: a\nmax_age: 1\n", type: "text/html"),
      Self.policy("version: STSv1\nmode: enforce\nmax_age: 1\n"),
      .failure(.tls(.handshakeFailed(reason: "certificate verify failed"))),
    ]
    for outcome in cases {
      let findings = Self.mtaSTS(outcome, attempt: Self.trusted)
      #expect(findings[.mtaSTSPolicy]?.map(\.state) == [.critical])
      #expect(findings[.mtaSTSMode] == nil)
    }
    let summary = Self.mtaSTS(.success(redirect), attempt: Self.trusted)[.mtaSTSPolicy]?.first?
      .summary
    #expect(summary?.contains("https://www.example.org/") == true)
  }

  @Test func noRecordIsNotApplicableAndTwoRecordsAreCritical() {
    let none = Self.mtaSTS(Self.policy(""), attempt: Self.trusted, resolver: StaticResolver())
    #expect(none[.mtaSTSRecord]?.map(\.applicable) == [false])
    #expect(none[.mtaSTSPolicy] == nil)
    let two = StaticResolver(entries: [
      "_mta-sts.example.org": [.txt: .records([.txt(["v=STSv1; id=1"]), .txt(["v=STSv1; id=2"])])]
    ])
    #expect(
      Self.mtaSTS(Self.policy(""), attempt: Self.trusted, resolver: two)[.mtaSTSRecord]?.map(
        \.state) == [.critical])
  }

  // MARK: - DANE

  static func dane(_ records: [TLSARecord], validated: Bool, attempt: HostAttempt)
    -> [CheckFinding]
  {
    let answer = DNSAnswer(
      name: "_25._tcp.mx.example.org", type: .tlsa,
      records: records.map {
        DNSRecord(name: "_25._tcp.mx.example.org", type: .tlsa, ttl: 300, data: .tlsa($0))
      }, authenticated: validated)
    let facts = DANEFacts(host: "mx.example.org", lookup: .success(answer))
    let probe = record(attempt)
    return judgement.addingDANE([facts], record: probe, to: judgement.judge(probe)).hosts
      .flatMap(\.findings).filter { $0.check == .daneTLSA || $0.check == .daneMatch }
  }

  static let matching = DANETests.tlsa(3, 1, 1, DANETests.leafSPKISHA256)
  static let stale = DANETests.tlsa(3, 1, 1, String(repeating: "ab", count: 32))

  @Test func aValidatedMatchingRecordIsOK() throws {
    let findings = Self.dane([Self.matching], validated: true, attempt: Self.trusted)
    #expect(findings.map(\.state) == [.ok, .ok])
    #expect(findings[0].record.contains(CheckRecordField("validated", .flag(true))))
    #expect(findings[1].record.contains(CheckRecordField("usage", .number(3))))
  }

  @Test func withoutValidationTheRecordsCannotBeReliedOn() {
    let findings = Self.dane([Self.matching], validated: false, attempt: Self.trusted)
    #expect(findings.map(\.state) == [.warning, .ok])
  }

  @Test func aSetThatMatchesNothingIsCriticalAndAStaleRecordBesideAMatchIsNot() {
    #expect(
      Self.dane([Self.stale], validated: true, attempt: Self.trusted).map(\.state) == [
        .ok, .critical,
      ])
    #expect(
      Self.dane([Self.stale, Self.matching], validated: true, attempt: Self.trusted).map(\.state)
        == [.ok, .ok, .ok])
  }

  @Test func daneTAAlsoNeedsTheHostName() {
    let ta = DANETests.tlsa(2, 0, 1, DANETests.caCertSHA256)
    #expect(Self.dane([ta], validated: true, attempt: Self.trusted).map(\.state) == [.ok, .ok])
    let wrongName = Self.attempt(
      chain: DANETests.chain,
      faults: [.hostnameMismatch(expected: "mx.example.org", presented: ["mx.probe.test"])])
    #expect(Self.dane([ta], validated: true, attempt: wrongName).map(\.state) == [.ok, .critical])
  }

  @Test func tlsaWithoutSTARTTLSIsCritical() {
    let findings = Self.dane([Self.matching], validated: true, attempt: Self.attempt(chain: nil))
    #expect(findings.map(\.state) == [.ok, .critical])
  }

  @Test func pkixUsagesAreNamedAsNotUsedForSMTP() {
    let pkix = DANETests.tlsa(1, 1, 1, DANETests.leafSPKISHA256)
    let findings = Self.dane([pkix], validated: true, attempt: Self.trusted)
    #expect(findings.map(\.applicable) == [true, false, true])
    #expect(findings.map(\.state) == [.ok, .ok, .warning])
  }

  @Test func noTLSAIsNotApplicable() {
    let facts = DANEFacts(
      host: "mx.example.org", lookup: .failure(.nameDoesNotExist(name: "_25._tcp.mx.example.org")))
    let probe = Self.record(Self.trusted)
    let findings = Self.judgement.addingDANE(
      [facts], record: probe, to: Self.judgement.judge(probe)
    )
    .hosts[0].findings.filter { $0.check == .daneTLSA }
    #expect(findings.map(\.applicable) == [false])
  }
}
