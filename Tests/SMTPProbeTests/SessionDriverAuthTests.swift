import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// AUTH (RFC 4954) through the driver over a scripted peer: exact client bytes, the verdict, and
/// that no form of the password reaches any output.
@Suite struct SessionDriverAuthTests {
  typealias Item = ScriptedTransport.Item
  typealias Delivery = ScriptedTransport.Delivery

  static let user = "alice@probe.test"
  static let password = "s3cret-Test-pw"
  /// Every form of the password that must never be printed.
  static let secretForms = [
    password,
    "AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc=",  // PLAIN: NUL user NUL password
    "czNjcmV0LVRlc3QtcHc=",  // LOGIN: base64 of the password
    "czNjcmV0LVRlc3QtcHc",  // the same without padding
  ]

  static let greeting: Item = .server("220 mx.probe.test ESMTP Postfix\r\n")
  static func starttls(auth: String = "PLAIN LOGIN CRAM-MD5") -> [Item] {
    [
      .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n"),
      .client("STARTTLS\r\n"),
      .server("220 2.0.0 Ready to start TLS\r\n"),
      .tls,
      .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n250-PIPELINING\r\n250-AUTH \(auth)\r\n250 8BITMIME\r\n"),
    ]
  }
  static let transaction: [Item] = [
    .client("MAIL FROM:<alice@probe.test>\r\nRCPT TO:<bob@y.test>\r\nRSET\r\nQUIT\r\n"),
    .server("250 2.1.0 Ok\r\n"), .server("250 2.1.5 Ok\r\n"), .server("250 2.0.0 Ok\r\n"),
    .server("221 2.0.0 Bye\r\n"), .close,
  ]
  static let quit: [Item] = [.client("QUIT\r\n"), .server("221 2.0.0 Bye\r\n"), .close]

  static func plan(
    mechanism: String? = nil, user: String = user, password: String = password,
    allowInsecure: Bool = false, tls: DialoguePlan.TLSMode = .auto,
    quitAfter: DialoguePlan.Stage? = nil
  ) -> DialoguePlan {
    DialoguePlan(
      ehloName: "probe.test", from: Address(valid: "alice@probe.test"),
      recipients: [Address(valid: "bob@y.test")], quitAfter: quitAfter, tls: tls,
      tlsServerName: "mx.probe.test",
      auth: DialoguePlan.Authentication(
        mechanism: mechanism, user: user, password: Secret(password),
        allowInsecure: allowInsecure, hmacMD5: OpenSSLDigest.hmacMD5))
  }

  static func drive(
    _ script: [Item], _ plan: DialoguePlan, _ delivery: Delivery = .whole,
    tls: FakeTLS? = FakeTLS(), implicitTLS: TLSReport? = nil
  ) -> (SessionResult, ScriptedTransport) {
    let clock = FakeClock()
    let transport = ScriptedTransport(script, delivery: delivery, clock: clock)
    let driver = SessionDriver(plan: plan, clock: clock, tls: tls)
    return (driver.run(over: transport, implicitTLS: implicitTLS), transport)
  }

  /// A TLS report whose certificate did not verify (a self-signed test server, say).
  static let untrustedTLS: FakeTLS = {
    var tls = FakeTLS()
    tls.report = TLSReport(
      protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", cipherBits: 256,
      serverName: "mx.probe.test", chain: [],
      verification: TLSVerification(
        expectedName: "mx.probe.test", trustStore: .system, faults: [.unknownCA]),
      verificationRequired: false)
    return tls
  }()

  // MARK: Mechanisms, byte-exact

  struct ExchangeCase: CustomTestStringConvertible, Sendable {
    var id: String
    var mechanism: String?
    var user: String = SessionDriverAuthTests.user
    var password: String = SessionDriverAuthTests.password
    var offered = "PLAIN LOGIN CRAM-MD5"
    /// The exchange after the second EHLO, up to and including the 235.
    var exchange: [Item]
    var transcript: [String]
    var expectedMechanism: String
    var testDescription: String { id }
  }

  static let exchangeCases: [ExchangeCase] = [
    ExchangeCase(
      id: "PLAIN with initial response (chosen over TLS)", mechanism: nil,
      exchange: [
        .client("AUTH PLAIN AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc=\r\n"),
        .server("235 2.7.0 Authentication successful\r\n"),
      ],
      transcript: ["-> AUTH PLAIN <redacted>", "<- 235 2.7.0 Authentication successful"],
      expectedMechanism: "PLAIN"),
    ExchangeCase(
      id: "LOGIN over two 334 prompts", mechanism: "login",
      exchange: [
        .client("AUTH LOGIN\r\n"),
        .server("334 VXNlcm5hbWU6\r\n"),
        .client("YWxpY2VAcHJvYmUudGVzdA==\r\n"),
        .server("334 UGFzc3dvcmQ6\r\n"),
        .client("czNjcmV0LVRlc3QtcHc=\r\n"),
        .server("235 2.7.0 Authentication successful\r\n"),
      ],
      transcript: [
        "-> AUTH LOGIN", "<- 334 VXNlcm5hbWU6", "-> <redacted>", "<- 334 UGFzc3dvcmQ6",
        "-> <redacted>", "<- 235 2.7.0 Authentication successful",
      ],
      expectedMechanism: "LOGIN"),
    ExchangeCase(
      id: "CRAM-MD5 with the RFC 2195 challenge", mechanism: "CRAM-MD5", user: "tim",
      password: "tanstaaftanstaaf",
      exchange: [
        .client("AUTH CRAM-MD5\r\n"),
        .server("334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n"),
        .client("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw\r\n"),
        .server("235 2.7.0 Authentication successful\r\n"),
      ],
      transcript: [
        "-> AUTH CRAM-MD5", "<- 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+",
        "-> <redacted>", "<- 235 2.7.0 Authentication successful",
      ],
      expectedMechanism: "CRAM-MD5"),
    ExchangeCase(
      id: "LOGIN chosen when it is the only one offered", mechanism: nil, offered: "LOGIN",
      exchange: [
        .client("AUTH LOGIN\r\n"),
        .server("334 VXNlcm5hbWU6\r\n"),
        .client("YWxpY2VAcHJvYmUudGVzdA==\r\n"),
        .server("334 UGFzc3dvcmQ6\r\n"),
        .client("czNjcmV0LVRlc3QtcHc=\r\n"),
        .server("235 2.7.0 Authentication successful\r\n"),
      ],
      transcript: [
        "-> AUTH LOGIN", "<- 334 VXNlcm5hbWU6", "-> <redacted>", "<- 334 UGFzc3dvcmQ6",
        "-> <redacted>", "<- 235 2.7.0 Authentication successful",
      ],
      expectedMechanism: "LOGIN"),
  ]

  @Test(arguments: exchangeCases, Delivery.allCases)
  func exchangeIsByteExact(_ c: ExchangeCase, _ delivery: Delivery) {
    let transaction: [Item] = [
      .client("MAIL FROM:<alice@probe.test>\r\nRCPT TO:<bob@y.test>\r\nRSET\r\nQUIT\r\n"),
      .server("250 2.1.0 Ok\r\n"), .server("250 2.1.5 Ok\r\n"), .server("250 2.0.0 Ok\r\n"),
      .server("221 2.0.0 Bye\r\n"), .close,
    ]
    let script = [Self.greeting] + Self.starttls(auth: c.offered) + c.exchange + transaction
    let plan = Self.plan(mechanism: c.mechanism, user: c.user, password: c.password)
    let (result, transport) = Self.drive(script, plan, delivery)
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.stalled)
    #expect(result.verdict.status == .ok)
    #expect(result.verdict.exitCode == 0)
    #expect(result.verdict.summary.contains("authenticated as \(c.user) (\(c.expectedMechanism))"))
    #expect(
      result.auth
        == AuthResult(user: c.user, mechanism: c.expectedMechanism, authenticated: true))
    let lines = result.transcript.lines
    guard let start = lines.firstIndex(where: { $0.hasPrefix("-> AUTH") }) else {
      Issue.record("no AUTH in \(lines)")
      return
    }
    #expect(Array(lines[start..<start + c.transcript.count]) == c.transcript)
    #expect(result.steps.filter { $0.command == .auth }.last?.diagnosis.category == .ok)
  }

  @Test func loginChallengesAreShownDecoded() {
    let c = Self.exchangeCases[1]
    let script = [Self.greeting] + Self.starttls() + c.exchange + Self.transaction
    let (result, _) = Self.drive(script, Self.plan(mechanism: "LOGIN"))
    let text = ProbeTextRenderer(now: UnixTime(seconds: 1_700_000_000)).render(result)
    #expect(text.contains("<- 334 VXNlcm5hbWU6\n"))
    #expect(text.contains("  challenge: \"Username:\"\n"))
    #expect(text.contains("  challenge: \"Password:\"\n"))
    #expect(result.notes.isEmpty)
  }

  // MARK: Refusals

  struct RefusalCase: CustomTestStringConvertible, Sendable {
    var reply: String
    var category: DiagnosisCategory
    var status: Verdict.Status
    var testDescription: String { reply }
  }

  static let refusalCases: [RefusalCase] = [
    RefusalCase(
      reply: "535 5.7.8 Error: authentication failed: authentication failure",
      category: .authFailed, status: .permanentFailure),
    RefusalCase(
      reply: "534 5.7.9 Authentication mechanism is too weak", category: .authFailed,
      status: .permanentFailure),
    RefusalCase(
      reply: "538 5.7.11 Encryption required for requested authentication mechanism",
      category: .tlsRequired, status: .permanentFailure),
    RefusalCase(
      reply: "454 4.7.0 Temporary authentication failure", category: .authFailed,
      status: .transientFailure),
  ]

  @Test(arguments: refusalCases)
  func refusalStopsBeforeMAIL(_ c: RefusalCase) {
    let script: [Item] =
      [Self.greeting] + Self.starttls() + [
        .client("AUTH PLAIN AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc=\r\n"),
        .server(c.reply + "\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan())
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.sentText.contains("MAIL"))
    #expect(result.verdict.status == c.status)
    #expect(result.verdict.exitCode == (c.status == .permanentFailure ? 1 : 2))
    #expect(result.verdict.decisiveCommand == .auth)
    #expect(result.verdict.summary.hasPrefix("AUTH PLAIN refused: \(c.reply.prefix(9))"))
    #expect(result.verdict.summary.contains("(\(c.category.rawValue))"))
    #expect(result.auth?.authenticated == false)
    let step = result.steps.first { $0.command == .auth }
    #expect(step?.diagnosis.category == c.category)
    #expect(step?.commandLine == "AUTH PLAIN <redacted>")
  }

  @Test func loginRefusedAfterPasswordNamesTheMechanism() {
    let script: [Item] =
      [Self.greeting] + Self.starttls() + [
        .client("AUTH LOGIN\r\n"), .server("334 VXNlcm5hbWU6\r\n"),
        .client("YWxpY2VAcHJvYmUudGVzdA==\r\n"), .server("334 UGFzc3dvcmQ6\r\n"),
        .client("czNjcmV0LVRlc3QtcHc=\r\n"),
        .server("535 5.7.8 Error: authentication failed: authentication failure\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(mechanism: "LOGIN"))
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.exitCode == 1)
    #expect(result.verdict.summary.hasPrefix("AUTH LOGIN refused: 535 5.7.8 (auth-failed)"))
  }

  @Test(arguments: ["!!not base64!!", "VXNlcm5hbWU6 extra"])
  func invalidChallengeIsCancelledWithStar(_ challenge: String) {
    let script: [Item] =
      [Self.greeting] + Self.starttls() + [
        .client("AUTH LOGIN\r\n"), .server("334 \(challenge)\r\n"),
        .client("*\r\n"), .server("501 5.7.0 Authentication aborted\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(mechanism: "LOGIN"))
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.sentText.contains("MAIL"))
    #expect(result.transcript.lines.contains("-> *"))
    #expect(
      result.verdict.problem
        == .authCancelled(mechanism: "LOGIN", reason: .invalidChallenge))
    #expect(result.verdict.exitCode == 3)
    #expect(result.verdict.summary.hasPrefix("AUTH LOGIN cancelled: the server's AUTH challenge"))
  }

  @Test func endlessChallengesAreCancelled() {
    let prompt: [Item] = [.server("334 UGFzc3dvcmQ6\r\n"), .client("czNjcmV0LVRlc3QtcHc=\r\n")]
    let script: [Item] =
      [Self.greeting] + Self.starttls() + [.client("AUTH LOGIN\r\n")] + prompt + prompt + prompt
      + [
        .server("334 UGFzc3dvcmQ6\r\n"), .client("*\r\n"), .server("501 5.7.0 aborted\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(mechanism: "LOGIN"))
    #expect(transport.sentText == transport.expectedClient)
    #expect(
      result.verdict.problem
        == .authCancelled(mechanism: "LOGIN", reason: .unexpectedChallenge(mechanism: "LOGIN")))
  }

  // MARK: When not to send credentials

  @Test func noTLSRefusesBeforeAUTH() {
    let script: [Item] =
      [
        Self.greeting, .client("EHLO probe.test\r\n"),
        .server("250-mx.probe.test\r\n250 AUTH PLAIN LOGIN\r\n"),
      ] + Self.quit
    let (result, transport) = Self.drive(script, Self.plan())
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.sentText.contains("AUTH"))
    #expect(result.verdict.problem == .authWithoutTLS)
    #expect(result.verdict.exitCode == 3)
    #expect(result.verdict.summary.hasPrefix("refusing to send credentials over a connection"))
    #expect(result.auth == nil)
  }

  @Test func untrustedCertificateRefusesBeforeAUTH() {
    let script = [Self.greeting] + Self.starttls() + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(), tls: Self.untrustedTLS)
    #expect(transport.sentText == transport.expectedClient)
    #expect(!transport.sentText.contains("AUTH"))
    #expect(
      result.verdict.problem == .authUntrustedTLS(name: "mx.probe.test", faults: ["unknown-ca"]))
    #expect(result.verdict.exitCode == 3)
  }

  @Test func authInsecureAllowsUntrustedCertificate() {
    let script =
      [Self.greeting] + Self.starttls() + [
        .client("AUTH PLAIN AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc=\r\n"),
        .server("235 2.7.0 Authentication successful\r\n"),
      ] + Self.transaction
    let (result, transport) = Self.drive(
      script, Self.plan(allowInsecure: true), tls: Self.untrustedTLS)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .ok)
    #expect(result.notes.contains { $0.contains("untrusted certificate") })
  }

  @Test func authInsecureWithoutTLSPrefersCRAMMD5() {
    let script: [Item] =
      [
        Self.greeting, .client("EHLO probe.test\r\n"),
        .server("250-mx.probe.test\r\n250 AUTH PLAIN LOGIN CRAM-MD5\r\n"),
        .client("AUTH CRAM-MD5\r\n"),
        .server("334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n"),
        .client("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw\r\n"),
        .server("235 2.7.0 Authentication successful\r\n"),
      ] + Self.quit
    let plan = Self.plan(
      user: "tim", password: "tanstaaftanstaaf", allowInsecure: true, tls: .off,
      quitAfter: .auth)
    let (result, transport) = Self.drive(script, plan)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .ok)
    #expect(result.verdict.summary.hasSuffix("stopped after auth as asked"))
    #expect(result.notes.contains("sending credentials without TLS, as allowed by --auth-insecure"))
  }

  @Test func requestedMechanismNotOfferedStops() {
    let script = [Self.greeting] + Self.starttls(auth: "PLAIN") + Self.quit
    let (result, transport) = Self.drive(script, Self.plan(mechanism: "CRAM-MD5"))
    #expect(transport.sentText == transport.expectedClient)
    #expect(
      result.verdict.problem
        == .authImpossible(.mechanismNotOffered(requested: "CRAM-MD5", offered: ["PLAIN"])))
    #expect(result.verdict.exitCode == 3)
    #expect(result.verdict.summary.contains("does not offer AUTH CRAM-MD5 (it offers: PLAIN)"))
  }

  @Test func authNotOfferedStops() {
    let script: [Item] =
      [Self.greeting] + Self.starttls().dropLast() + [
        .server("250-mx.probe.test\r\n250 8BITMIME\r\n")
      ] + Self.quit
    let (result, _) = Self.drive(script, Self.plan())
    #expect(result.verdict.problem == .authNotOffered)
    #expect(result.verdict.exitCode == 3)
  }

  @Test func unknownMechanismIsAnInputError() {
    #expect(throws: InputError.self) { try Self.plan(mechanism: "XOAUTH2").validate() }
  }

  // MARK: Implicit TLS and --quit-after auth

  @Test func implicitTLSAuthenticatesWithoutSTARTTLS() {
    let script: [Item] =
      [
        Self.greeting, .client("EHLO probe.test\r\n"),
        .server("250-mx.probe.test\r\n250 AUTH PLAIN LOGIN\r\n"),
        .client("AUTH PLAIN AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc=\r\n"),
        .server("235 2.7.0 Authentication successful\r\n"),
      ] + Self.quit
    let report = TLSReport(protocolVersion: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256")
    let (result, transport) = Self.drive(
      script, Self.plan(quitAfter: .auth), tls: nil, implicitTLS: report)
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.tls == report)
    #expect(result.capabilitiesBeforeTLS == nil)
    #expect(result.verdict.status == .ok)
    #expect(result.verdict.summary.hasSuffix("stopped after auth as asked"))
  }

  // MARK: Nothing secret in any output

  static let leakScripts: [(String, DialoguePlan, [Item])] = [
    (
      "PLAIN accepted", plan(),
      [greeting] + starttls() + exchangeCases[0].exchange + transaction
    ),
    (
      "LOGIN accepted", plan(mechanism: "LOGIN"),
      [greeting] + starttls() + exchangeCases[1].exchange + transaction
    ),
    (
      "PLAIN refused", plan(),
      [greeting] + starttls() + [
        .client("AUTH PLAIN AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc=\r\n"),
        .server("535 5.7.8 Error: authentication failed\r\n"),
      ] + quit
    ),
  ]

  @Test(arguments: leakScripts.indices)
  func noFormOfThePasswordInAnyOutput(_ index: Int) {
    let (name, plan, script) = Self.leakScripts[index]
    let (result, transport) = Self.drive(script, plan)
    #expect(transport.sentText == transport.expectedClient, "\(name)")
    var dumped = ""
    dump(result, to: &dumped)
    var dumpedPlan = ""
    dump(plan, to: &dumpedPlan)
    let outcome = ProbeOutcome(
      target: "mx.probe.test",
      attempts: [
        HostAttempt(host: "mx.probe.test", port: 587, session: result, verdict: result.verdict)
      ], verdict: result.verdict)
    let outputs = [
      ProbeTextRenderer(now: UnixTime(seconds: 1_700_000_000)).render(result),
      ProbeTextRenderer(color: true, now: UnixTime(seconds: 1_700_000_000)).render(result),
      ProbeTextRenderer(now: UnixTime(seconds: 1_700_000_000)).render(outcome),
      ProbeJSONRenderer(now: UnixTime(seconds: 1_700_000_000)).render(outcome),
      String(describing: result), String(reflecting: result), dumped,
      String(describing: plan), dumpedPlan, result.verdict.summary,
      result.notes.joined(separator: "\n"),
    ]
    for output in outputs {
      for secret in Self.secretForms {
        #expect(!output.contains(secret), "\(name): \(secret) leaked")
      }
    }
    #expect(
      ProbeTextRenderer(now: UnixTime(seconds: 1_700_000_000)).render(outcome).contains(
        "<redacted>"))
    #expect(
      ProbeJSONRenderer(now: UnixTime(seconds: 1_700_000_000)).render(outcome).contains(
        "<redacted>"))
  }
}
