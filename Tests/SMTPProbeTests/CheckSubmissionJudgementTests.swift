import CheckOutputGrammars
import Testing

@testable import SMTPProbeCore

/// The submission profile, the cipher and identity checks of `CheckJudgement`, over
/// hand-built session records.
@Suite struct CheckSubmissionJudgementTests {
  typealias Base = CheckJudgementTests

  static let plainEHLO = Reply(
    code: 250,
    lines: ["250-mx.example.org", "250-PIPELINING", "250-AUTH PLAIN LOGIN", "250 STARTTLS"])
  static let tlsEHLO = Reply(
    code: 250, lines: ["250-mx.example.org", "250-PIPELINING", "250 AUTH PLAIN LOGIN"])

  static func submission() -> CheckJudgement {
    var judgement = Base.judgement()
    judgement.profile = .submission
    return judgement
  }

  static func tls(cipher: String = "TLS_AES_128_GCM_SHA256", bits: Int = 128) -> TLSReport {
    TLSReport(
      protocolVersion: "TLSv1.3", cipher: cipher, cipherBits: bits, serverName: "mx.example.org",
      chain: [Base.certificate(name: "mx.example.org", daysLeft: 300)],
      verification: TLSVerification(
        expectedName: "mx.example.org", trustStore: .system, faults: []),
      verificationRequired: false)
  }

  /// A STARTTLS session with AUTH answered by `authReply`, then MAIL FROM.
  static func session(before: Reply, authReply: Reply?) -> SessionRecord {
    var facts = DialogueFacts()
    facts.capabilitiesBeforeTLS = Capabilities(reply: before)
    facts.capabilities = Capabilities(reply: tlsEHLO)
    facts.tls = tls()
    var plan = DialoguePlan(ehloName: "client.example")
    plan.auth = DialoguePlan.Authentication(user: "carol", password: Secret("pw-not-shown"))
    var steps = [
      Base.step(.greeting, nil, Reply(220, "mx.example.org ESMTP")),
      Base.step(.ehlo, "EHLO client.example", before),
      Base.step(.startTLS, "STARTTLS", Reply(220, "go ahead")),
      Base.step(.ehlo, "EHLO client.example", tlsEHLO),
    ]
    if let authReply {
      facts.auth = AuthResult(
        user: "carol", mechanism: "PLAIN", authenticated: authReply.code == 235)
      steps.append(Base.step(.auth, "AUTH PLAIN <redacted>", authReply))
      if authReply.code == 235 {
        steps.append(Base.step(.mail, "MAIL FROM:<>", Reply(250, "2.1.0 ok")))
      }
    }
    return SessionRecord(
      plan: plan, connection: Base.connection, steps: steps, facts: facts)
  }

  static func host(_ judgement: CheckJudgement, _ session: SessionRecord) -> CheckHostReport {
    judgement.host(HostAttempt(host: "mx.example.org", port: 587, session: session))
  }

  @Test func authOfferedBeforeTLSIsCriticalWithTheEHLOAsEvidence() throws {
    let report = Self.host(
      Self.submission(), Self.session(before: Self.plainEHLO, authReply: Reply(235, "2.7.0 ok")))
    let finding = try #require(Base.finding(report, .authBeforeTLS))
    #expect(finding.state == .critical)
    #expect(finding.evidence?.reply == Self.plainEHLO)
    #expect(!finding.fix.isEmpty)
    #expect(Base.finding(report, .auth)?.state == .ok)
    #expect(Base.finding(report, .mailFrom)?.state == .ok)
    #expect(report.state == .critical)
  }

  @Test func aHealthySubmissionServerIsOK() throws {
    let before = Reply(code: 250, lines: ["250-mx.example.org", "250 STARTTLS"])
    let report = Self.host(
      Self.submission(), Self.session(before: before, authReply: Reply(235, "2.7.0 ok")))
    #expect(Base.finding(report, .authBeforeTLS)?.state == .ok)
    #expect(report.state == .ok, "\(report.findings.filter { $0.state != .ok })")
    // Identity checks are the inbound profile's.
    #expect(Base.finding(report, .ptr) == nil)
  }

  @Test func refusedCredentialsAreCriticalAndMailFromIsSkipped() throws {
    let refusal = Reply(535, "5.7.8 Error: authentication failed")
    let before = Reply(code: 250, lines: ["250-mx.example.org", "250 STARTTLS"])
    let report = Self.host(Self.submission(), Self.session(before: before, authReply: refusal))
    let auth = try #require(Base.finding(report, .auth))
    #expect(auth.state == .critical)
    #expect(auth.evidence?.reply == refusal)
    #expect(auth.evidence?.diagnosis == Classifier.diagnose(refusal, after: .auth))
    #expect(!auth.summary.contains("pw-not-shown"))
    #expect(Base.finding(report, .mailFrom)?.applicable == false)
  }

  @Test func noSTARTTLSIsCriticalAtSubmissionAndAWarningInbound() throws {
    let ehlo = Reply(code: 250, lines: ["250-mx.example.org", "250 AUTH PLAIN"])
    var facts = DialogueFacts()
    facts.capabilities = Capabilities(reply: ehlo)
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "client.example"), connection: Base.connection,
      steps: [
        Base.step(.greeting, nil, Reply(220, "mx.example.org ESMTP")),
        Base.step(.ehlo, "EHLO client.example", ehlo),
        Base.step(.mail, "MAIL FROM:<>", Reply(250, "2.1.0 ok")),
      ], facts: facts)
    let submission = Self.host(Self.submission(), session)
    #expect(Base.finding(submission, .startTLSOffered)?.state == .critical)
    #expect(Base.finding(submission, .authBeforeTLS)?.state == .critical)
    let inbound = Self.host(Base.judgement(), session)
    #expect(Base.finding(inbound, .startTLSOffered)?.state == .warning)
    #expect(Base.finding(inbound, .authBeforeTLS) == nil)
    #expect(Base.finding(inbound, .tlsCipher)?.applicable == false)
  }

  @Test func aRefusedSenderAtSubmissionIsCritical() throws {
    let refusal = Reply(530, "5.7.0 Authentication required")
    var facts = DialogueFacts()
    facts.capabilities = Capabilities(reply: Base.ehloReply)
    let session = SessionRecord(
      plan: DialoguePlan(ehloName: "client.example"), connection: Base.connection,
      steps: [
        Base.step(.greeting, nil, Reply(220, "mx.example.org ESMTP")),
        Base.step(.ehlo, "EHLO client.example", Base.ehloReply),
        Base.step(.mail, "MAIL FROM:<>", refusal),
      ], facts: facts)
    let finding = try #require(Base.finding(Self.host(Self.submission(), session), .mailFrom))
    #expect(finding.state == .critical)
    #expect(finding.evidence?.reply == refusal)
  }

  struct CipherCase: CustomStringConvertible, Sendable {
    var cipher: String
    var bits: Int
    var expected: [TLSCipherWeakness]
    var description: String { cipher }
  }

  /// OpenSSL's names (openssl-ciphers(1), "CIPHER SUITE NAMES").
  static let cipherCases: [CipherCase] = [
    CipherCase(cipher: "TLS_AES_256_GCM_SHA384", bits: 256, expected: []),
    CipherCase(cipher: "TLS_CHACHA20_POLY1305_SHA256", bits: 256, expected: []),
    CipherCase(cipher: "ECDHE-RSA-AES256-GCM-SHA384", bits: 256, expected: []),
    CipherCase(cipher: "DHE-RSA-AES128-SHA", bits: 128, expected: []),
    CipherCase(cipher: "AES256-SHA", bits: 256, expected: [.noForwardSecrecy]),
    CipherCase(cipher: "ECDH-RSA-AES128-SHA", bits: 128, expected: [.noForwardSecrecy]),
    CipherCase(cipher: "RC4-SHA", bits: 128, expected: [.rc4, .noForwardSecrecy]),
    CipherCase(
      cipher: "DES-CBC3-SHA", bits: 112,
      expected: [.tripleDES, .shortKey(bits: 112), .noForwardSecrecy]),
    CipherCase(
      cipher: "ECDHE-RSA-DES-CBC3-SHA", bits: 112, expected: [.tripleDES, .shortKey(bits: 112)]),
    CipherCase(cipher: "ADH-AES256-GCM-SHA384", bits: 256, expected: [.anonymous]),
    CipherCase(cipher: "AECDH-AES128-SHA", bits: 128, expected: [.anonymous]),
    CipherCase(
      cipher: "EXP-RC4-MD5", bits: 40,
      expected: [.export, .rc4, .shortKey(bits: 40), .noForwardSecrecy]),
    CipherCase(
      cipher: "NULL-SHA256", bits: 0, expected: [.nullEncryption, .noForwardSecrecy]),
    CipherCase(
      cipher: "ECDHE-ECDSA-NULL-SHA", bits: 0, expected: [.nullEncryption]),
  ]

  @Test(arguments: cipherCases)
  func cipherWeaknesses(_ item: CipherCase) {
    #expect(TLSCipherWeakness.weaknesses(of: item.cipher, bits: item.bits) == item.expected)
  }

  @Test func aWeakCipherIsAWarningWithAFix() throws {
    let finding = Base.judgement().cipherFinding(Self.tls(cipher: "AES128-SHA", bits: 128))
    #expect(finding.check == .tlsCipher)
    #expect(finding.state == .warning)
    #expect(!finding.explanation.isEmpty && !finding.fix.isEmpty)
    #expect(Base.judgement().cipherFinding(Self.tls()).state == .ok)
  }

  @Test func identityProblemsAreWarnings() throws {
    let judgement = Base.judgement()
    let none = IdentityReport(
      address: "192.0.2.1", mxHost: "mx.example.org", greetingName: "mx.example.org",
      ptrError: .nameDoesNotExist(name: "1.2.0.192.in-addr.arpa"), greetingMatches: true)
    #expect(judgement.ptrFinding(none).state == .warning)
    let unconfirmed = IdentityReport(
      address: "192.0.2.1", ptrNames: ["host.example.net"], isForwardConfirmed: false)
    #expect(judgement.ptrFinding(unconfirmed).state == .warning)
    let good = IdentityReport(
      address: "192.0.2.1", mxHost: "mx.example.org", greetingName: "other.example.com",
      ptrNames: ["mx.example.org"], forwardConfirmedName: "mx.example.org",
      isForwardConfirmed: true, greetingMatches: false)
    #expect(judgement.ptrFinding(good).state == .ok)
    #expect(judgement.greetingNameFinding(good)?.state == .warning)
    let attempt = HostAttempt(
      host: "mx.example.org", port: 25,
      session: SessionRecord(
        plan: DialoguePlan(ehloName: "c.example"), connection: Base.connection,
        facts: DialogueFacts()), identity: good)
    #expect(judgement.host(attempt).findings.map(\.check).contains(.greetingName))
  }

  @Test func perfdataLabelsStayUniqueAcrossTargetsOnOneHost() throws {
    let finding = CheckFinding(
      check: .phaseTime, state: .ok, summary: "fast",
      perfdata: [PerfDatum(label: "time_total", value: 0.1, unit: .seconds)])
    let host = CheckHostReport(
      host: "mx.example.org", address: "192.0.2.1", port: 25, findings: [finding])
    let report = CheckReport(targets: [
      CheckTargetReport(target: "example.org", hosts: [host]),
      CheckTargetReport(target: "example.net", hosts: [host]),
      CheckTargetReport(target: "example.net", hosts: [host]),
    ])
    let labels = try NagiosOutput.parse(CheckNagiosRenderer.render(report)).perfdata.map(\.label)
    #expect(labels.count == 3)
    #expect(Set(labels).count == 3, "\(labels)")
    #expect(labels.allSatisfy { $0.contains("mx.example.org") })
  }
}
