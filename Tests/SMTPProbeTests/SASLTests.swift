import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct SASLTests {
  struct PlainCase: CustomTestStringConvertible, Sendable {
    var id: String
    var authzid: String
    var user: String
    var password: String
    var expected: String
    var testDescription: String { id }
  }

  /// RFC 4616 section 4 examples, plus the test server's user.
  static let plainCases: [PlainCase] = [
    PlainCase(
      id: "RFC 4616: tim without authzid", authzid: "", user: "tim",
      password: "tanstaaftanstaaf", expected: "AHRpbQB0YW5zdGFhZnRhbnN0YWFm"),
    PlainCase(
      id: "RFC 4616: Kurt acting as Ursel", authzid: "Ursel", user: "Kurt", password: "xipj3plmq",
      expected: "VXJzZWwAS3VydAB4aXBqM3BsbXE="),
    PlainCase(
      id: "realm-qualified user", authzid: "", user: "alice@probe.test",
      password: "s3cret-Test-pw", expected: "AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc="),
  ]

  @Test(arguments: plainCases)
  func plainInitialResponse(_ c: PlainCase) {
    var sasl = SASL(
      mechanism: .plain, username: c.user, password: Secret(c.password),
      authorizationIdentity: c.authzid)
    #expect(sasl.start()?.revealedString == c.expected)
  }

  @Test func plainAnswersAnEmptyChallengeWhenNoInitialResponseWasSent() throws {
    var sasl = SASL(mechanism: .plain, username: "tim", password: Secret("tanstaaftanstaaf"))
    #expect(try sasl.next(challenge: []).revealedString == "AHRpbQB0YW5zdGFhZnRhbnN0YWFm")
    #expect(throws: SASLError.unexpectedChallenge(mechanism: "PLAIN")) {
      try sasl.next(challenge: [])
    }
  }

  @Test func plainRejectsAChallengeAfterTheInitialResponse() {
    var sasl = SASL(mechanism: .plain, username: "tim", password: Secret("x"))
    _ = sasl.start()
    #expect(throws: SASLError.unexpectedChallenge(mechanism: "PLAIN")) {
      try sasl.next(challenge: [])
    }
  }

  /// RFC 2195 section 2 example; the challenge is `<1896.697170952@postoffice.reston.mci.net>`.
  @Test func cramMD5MatchesRFC2195() throws {
    var sasl = SASL(
      mechanism: .cramMD5, username: "tim", password: Secret("tanstaaftanstaaf"),
      hmacMD5: OpenSSLDigest.hmacMD5)
    #expect(sasl.start() == nil)
    let challenge = "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+"
    let response = try sasl.next(base64Challenge: challenge)
    #expect(response.revealedString == "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw")
  }

  @Test func cramMD5RejectsAnEmptyChallenge() {
    var sasl = SASL(
      mechanism: .cramMD5, username: "tim", password: Secret("x"), hmacMD5: OpenSSLDigest.hmacMD5)
    #expect(throws: SASLError.unexpectedChallenge(mechanism: "CRAM-MD5")) {
      try sasl.next(challenge: [])
    }
  }

  @Test func loginAnswersThePrompts() throws {
    var sasl = SASL(mechanism: .login, username: "alice@probe.test", password: Secret("pw"))
    #expect(sasl.start() == nil)
    // "Username:" and "Password:" in base64, as Postfix sends them.
    #expect(
      try sasl.next(base64Challenge: "VXNlcm5hbWU6").revealedString == "YWxpY2VAcHJvYmUudGVzdA==")
    #expect(try sasl.next(base64Challenge: "UGFzc3dvcmQ6").revealedString == "cHc=")
  }

  @Test func loginFallsBackToOrderForUnknownPrompts() throws {
    var sasl = SASL(mechanism: .login, username: "u", password: Secret("p"))
    #expect(try sasl.next(challenge: Array("?".utf8)).revealedString == "dQ==")
    #expect(try sasl.next(challenge: []).revealedString == "cA==")
    #expect(throws: SASLError.unexpectedChallenge(mechanism: "LOGIN")) {
      try sasl.next(challenge: [])
    }
  }

  @Test func invalidBase64ChallengeIsAnError() {
    var sasl = SASL(mechanism: .login, username: "u", password: Secret("p"))
    #expect(throws: SASLError.invalidChallenge) { try sasl.next(base64Challenge: "not base64!") }
  }

  @Test func responsesNeverPrint() {
    var sasl = SASL(mechanism: .plain, username: "tim", password: Secret("tanstaaftanstaaf"))
    let response = sasl.start()
    #expect(String(describing: response) == "Optional(<redacted>)")
    #expect("\(String(reflecting: Secret("pw")))" == "<redacted>")
  }

  struct ChoiceCase: CustomTestStringConvertible, Sendable {
    var id: String
    var offered: [String]
    var encrypted: Bool
    var requested: SASLMechanism?
    var expected: Result<SASLMechanism, SASLError>
    var testDescription: String { id }
  }

  static let choiceCases: [ChoiceCase] = [
    ChoiceCase(
      id: "TLS prefers PLAIN", offered: ["CRAM-MD5", "LOGIN", "PLAIN"], encrypted: true,
      expected: .success(.plain)),
    ChoiceCase(
      id: "TLS takes LOGIN when PLAIN is missing", offered: ["login", "CRAM-MD5"],
      encrypted: true, expected: .success(.login)),
    ChoiceCase(
      id: "clear prefers CRAM-MD5", offered: ["PLAIN", "LOGIN", "CRAM-MD5"], encrypted: false,
      expected: .success(.cramMD5)),
    ChoiceCase(
      id: "requested mechanism wins", offered: ["PLAIN", "LOGIN"], encrypted: true,
      requested: .login, expected: .success(.login)),
    ChoiceCase(
      id: "requested mechanism not offered", offered: ["PLAIN"], encrypted: true,
      requested: .cramMD5,
      expected: .failure(.mechanismNotOffered(requested: "CRAM-MD5", offered: ["PLAIN"]))),
    ChoiceCase(
      id: "nothing we support", offered: ["SCRAM-SHA-256", "XOAUTH2"], encrypted: true,
      expected: .failure(.noCommonMechanism(offered: ["SCRAM-SHA-256", "XOAUTH2"]))),
  ]

  @Test(arguments: choiceCases)
  func choosesMechanism(_ c: ChoiceCase) {
    let result = Result { () throws(SASLError) -> SASLMechanism in
      try SASLMechanism.choose(offered: c.offered, encrypted: c.encrypted, requested: c.requested)
    }
    #expect(result == c.expected)
  }

  @Test func refusesCredentialsInClearUnlessAllowed() {
    #expect(throws: SASLError.insecureConnection) {
      try SASL.checkTransportSecurity(encrypted: false, allowInsecure: false)
    }
    #expect(throws: Never.self) {
      try SASL.checkTransportSecurity(encrypted: false, allowInsecure: true)
      try SASL.checkTransportSecurity(encrypted: true, allowInsecure: false)
    }
    #expect(
      SASLError.insecureConnection.description
        == "refusing to send credentials over an unencrypted connection; use --tls require or "
        + "--auth-insecure")
  }

  struct RedactCase: CustomTestStringConvertible, Sendable {
    var id: String
    var text: String
    var expected: String
    var testDescription: String { id }
  }

  static let redactCases: [RedactCase] = [
    RedactCase(
      id: "PLAIN initial response",
      text: "AUTH PLAIN AGFsaWNlQHByb2JlLnRlc3QAczNjcmV0LVRlc3QtcHc=",
      expected: "AUTH PLAIN <redacted>"),
    RedactCase(id: "LOGIN password line", text: "czNjcmV0LVRlc3QtcHc=", expected: "<redacted>"),
    RedactCase(
      id: "password in clear", text: "pass=s3cret-Test-pw end", expected: "pass=<redacted> end"),
    RedactCase(
      id: "user name stays", text: "334 VXNlcm5hbWU6 YWxpY2VAcHJvYmUudGVzdA==",
      expected: "334 VXNlcm5hbWU6 YWxpY2VAcHJvYmUudGVzdA=="),
  ]

  @Test(arguments: redactCases)
  func redactsThePasswordInAnyForm(_ c: RedactCase) {
    #expect(SASL.redact(c.text, password: Secret("s3cret-Test-pw")) == c.expected)
  }
}

@Suite struct SASLRedactionTests {
  @Test func redactsThePasswordAndItsBase64Forms() {
    let password = Secret("s3cret pass")
    let plainBlob = Base64.encode(Array("\u{0}alice\u{0}s3cret pass".utf8))
    let text =
      "535 5.7.8 bad credentials for s3cret pass; you sent <\(plainBlob)>, "
      + Base64.encode(Array("s3cret pass".utf8))
    let redacted = SASL.redact(text, password: password)
    #expect(!redacted.contains("s3cret"))
    #expect(!redacted.contains(plainBlob))
    #expect(redacted.hasPrefix("535 5.7.8 bad credentials for <redacted>; you sent <<redacted>>"))
  }

  @Test func leavesOrdinaryTextAlone() {
    let text = "535 5.7.8 Authentication credentials invalid"
    #expect(SASL.redact(text, password: Secret("hunter2")) == text)
  }
}
