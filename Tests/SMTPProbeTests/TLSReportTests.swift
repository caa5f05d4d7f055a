import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct TLSReportTests {
  static let valid2030 = UnixTime(seconds: 1_906_502_400)  // 2030-06-01
  static let after2046 = UnixTime(seconds: 2_398_377_600)  // 2046-01-01
  static let before2024 = UnixTime(seconds: 1_717_200_000)  // 2024-06-01

  struct VerifyCase: CustomTestStringConvertible, Sendable {
    var id: String
    var chain: String
    var trusted: String
    var name: String
    var time: UnixTime
    var expected: [TLSVerificationFault]
    var testDescription: String { id }
  }

  static let verifyCases: [VerifyCase] = [
    VerifyCase(
      id: "valid chain and name", chain: TestCertificates.leaf, trusted: TestCertificates.ca,
      name: "mx.probe.test", time: valid2030, expected: []),
    VerifyCase(
      id: "wildcard covers one label", chain: TestCertificates.leaf,
      trusted: TestCertificates.ca, name: "smtp.wild.probe.test", time: valid2030, expected: []),
    VerifyCase(
      id: "wildcard does not cover two labels", chain: TestCertificates.leaf,
      trusted: TestCertificates.ca, name: "a.b.wild.probe.test", time: valid2030,
      expected: [
        .hostnameMismatch(
          expected: "a.b.wild.probe.test",
          presented: ["mx.probe.test", "*.wild.probe.test", "127.0.0.1"])
      ]),
    VerifyCase(
      id: "IP literal matches an IP SAN", chain: TestCertificates.leaf,
      trusted: TestCertificates.ca, name: "127.0.0.1", time: valid2030, expected: []),
    VerifyCase(
      id: "other IP does not match", chain: TestCertificates.leaf, trusted: TestCertificates.ca,
      name: "127.0.0.2", time: valid2030,
      expected: [
        .hostnameMismatch(
          expected: "127.0.0.2", presented: ["mx.probe.test", "*.wild.probe.test", "127.0.0.1"])
      ]),
    VerifyCase(
      id: "expired", chain: TestCertificates.leaf, trusted: TestCertificates.ca,
      name: "mx.probe.test", time: after2046, expected: [.expired]),
    VerifyCase(
      id: "not yet valid", chain: TestCertificates.leaf, trusted: TestCertificates.ca,
      name: "mx.probe.test", time: before2024, expected: [.notYetValid]),
    VerifyCase(
      id: "unknown CA", chain: TestCertificates.leaf, trusted: "", name: "mx.probe.test",
      time: valid2030, expected: [.unknownCA]),
    VerifyCase(
      id: "root sent but not trusted", chain: TestCertificates.leaf + TestCertificates.ca,
      trusted: "", name: "mx.probe.test", time: valid2030, expected: [.selfSignedInChain]),
    VerifyCase(
      id: "self-signed and wrong host", chain: TestCertificates.selfSigned, trusted: "",
      name: "mx.probe.test", time: valid2030,
      expected: [
        .selfSigned, .hostnameMismatch(expected: "mx.probe.test", presented: ["self.probe.test"]),
      ]),
    VerifyCase(
      id: "expired and wrong host both named", chain: TestCertificates.leaf,
      trusted: TestCertificates.ca, name: "other.test", time: after2046,
      expected: [
        .expired,
        .hostnameMismatch(
          expected: "other.test", presented: ["mx.probe.test", "*.wild.probe.test", "127.0.0.1"]),
      ]),
  ]

  @Test(arguments: verifyCases)
  func namesEveryFault(_ c: VerifyCase) {
    let verification = ChainVerifier.verify(
      pemChain: c.chain, trustedPEM: c.trusted, expectedName: c.name, time: c.time)
    #expect(verification.faults == c.expected)
    #expect(verification.isTrusted == c.expected.isEmpty)
  }

  struct CodeCase: CustomTestStringConvertible, Sendable {
    var id: String
    var code: Int
    var expected: TLSVerificationFault?
    var testDescription: String { id }
  }

  static let codeCases: [CodeCase] = [
    CodeCase(id: "0 ok", code: 0, expected: nil),
    CodeCase(id: "10 expired", code: 10, expected: .expired),
    CodeCase(id: "9 not yet valid", code: 9, expected: .notYetValid),
    CodeCase(id: "18 depth zero self-signed", code: 18, expected: .selfSigned),
    CodeCase(id: "19 self-signed in chain", code: 19, expected: .selfSignedInChain),
    CodeCase(id: "20 local issuer", code: 20, expected: .unknownCA),
    CodeCase(id: "2 issuer", code: 2, expected: .unknownCA),
    CodeCase(id: "21 leaf signature", code: 21, expected: .unknownCA),
    CodeCase(id: "23 revoked", code: 23, expected: .other(code: 23, text: "text")),
  ]

  @Test(arguments: codeCases)
  func faultFromVerifyCode(_ c: CodeCase) {
    #expect(TLSVerificationFault(verifyCode: c.code, text: "text") == c.expected)
  }

  @Test func everyFaultExplainsAndFixes() {
    let faults: [TLSVerificationFault] = [
      .expired, .notYetValid, .selfSigned, .selfSignedInChain, .unknownCA,
      .hostnameMismatch(expected: "mx.example", presented: ["other.example"]),
      .other(code: 23, text: "certificate revoked"),
    ]
    for fault in faults {
      #expect(!fault.explanation.isEmpty)
      #expect(!fault.fix.isEmpty)
    }
    #expect(TLSVerificationFault.expired.fix.contains("certbot renew"))
    #expect(
      TLSVerificationFault.hostnameMismatch(expected: "mx.example", presented: ["other.example"])
        .explanation == "The certificate is for other.example, not for mx.example.")
  }

  static func report(faults: [TLSVerificationFault], required: Bool, version: String = "TLSv1.3")
    -> TLSReport
  {
    let leaf = CertificateInfo.certificates(pem: TestCertificates.leaf)
    return TLSReport(
      protocolVersion: version, cipher: "TLS_AES_256_GCM_SHA384", cipherBits: 256,
      serverName: "mx.probe.test", chain: leaf,
      verification: TLSVerification(
        expectedName: "mx.probe.test", trustStore: .caFile("/tmp/ca.crt"), faults: faults),
      verificationRequired: required)
  }

  @Test func untrustedIsAWarningUnlessRequired() {
    #expect(Self.report(faults: [.unknownCA], required: false).isAcceptable)
    #expect(!Self.report(faults: [.unknownCA], required: true).isAcceptable)
    #expect(Self.report(faults: [], required: true).isAcceptable)
  }

  @Test func describesLikeAnAdminReadsIt() {
    let lines = Self.report(faults: [], required: false).describe(now: Self.valid2030)
    #expect(
      lines == [
        "TLS TLSv1.3, cipher TLS_AES_256_GCM_SHA384 (256 bits)",
        "  SNI: mx.probe.test",
        "  certificate 0: mx.probe.test",
        "    subject: CN = mx.probe.test, O = smtpprobe fixtures",
        "    issuer: O = smtpprobe fixtures, CN = Fixture CA",
        "    names: DNS:mx.probe.test, DNS:*.wild.probe.test, IP:127.0.0.1",
        "    valid: 2025-01-01T00:00:00Z to 2045-01-01T00:00:00Z (5328 days left)",
        "    key: EC 256 bits, signature ecdsa-with-SHA256, serial 01",
        "  verification: trusted for mx.probe.test (CA file /tmp/ca.crt)",
      ])
  }

  @Test func describesFaultsWithSeverity() {
    let lines = Self.report(faults: [.expired], required: true).describe(now: Self.after2046)
    #expect(
      lines.contains(
        "    valid: 2025-01-01T00:00:00Z to 2045-01-01T00:00:00Z (expired 365 days ago)"))
    #expect(
      lines.contains(
        "  verification: NOT trusted for mx.probe.test (CA file /tmp/ca.crt) [error]"))
    #expect(lines.contains("      fix: \(TLSVerificationFault.expired.fix)"))
  }

  @Test func warnsAboutOldProtocolsAndNearExpiry() {
    let old = Self.report(faults: [], required: false, version: "TLSv1")
    #expect(old.usesDeprecatedProtocol)
    #expect(
      old.warnings(now: Self.valid2030) == [
        "TLSv1 is deprecated (RFC 8996); enable TLS 1.2 or 1.3 in the MTA."
      ])
    let soon = UnixTime(seconds: 2_366_841_600 - 5 * 86_400)
    let warnings = Self.report(faults: [], required: false).warnings(now: soon)
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasPrefix("The certificate expires in 5 days.") == true)
    #expect(!Self.report(faults: [], required: false, version: "TLSv1.2").usesDeprecatedProtocol)
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var id: String
    var error: TLSError
    var expected: String
    var testDescription: String { id }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "plain text port", error: .handshakeFailed(reason: "wrong version number"),
      expected:
        "TLS handshake failed: wrong version number (the server may not speak TLS on this port)"),
    ErrorCase(
      id: "no hint", error: .handshakeFailed(reason: "bad signature"),
      expected: "TLS handshake failed: bad signature"),
    ErrorCase(
      id: "closed", error: .closedDuringHandshake,
      expected: "TLS handshake failed: the server closed the connection during the handshake"),
    ErrorCase(
      id: "timeout", error: .handshakeTimedOut(seconds: 2.5),
      expected: "TLS handshake timed out after 2.5 s"),
    ErrorCase(
      id: "cafile", error: .caFileUnreadable(path: "/nope.pem", reason: "no such file"),
      expected: "cannot load CA file /nope.pem: no such file"),
    ErrorCase(
      id: "untrusted",
      error: .untrusted(
        TLSReport(
          protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", cipherBits: 256,
          serverName: "mx.probe.test", chain: [],
          verification: TLSVerification(
            expectedName: "mx.probe.test", trustStore: .system, faults: [.expired, .unknownCA]),
          verificationRequired: true)),
      expected: "TLS certificate not trusted for mx.probe.test: expired, unknown-ca"),
  ]

  @Test(arguments: errorCases)
  func errorMessages(_ c: ErrorCase) {
    #expect(c.error.description == c.expected)
  }

  @Test func ipLiterals() {
    #expect(IPLiteral.isIPLiteral("127.0.0.1"))
    #expect(IPLiteral.isIPLiteral("::1"))
    #expect(IPLiteral.isIPLiteral("[2001:db8::1]"))
    #expect(!IPLiteral.isIPLiteral("mx.probe.test"))
    #expect(!IPLiteral.isIPLiteral("1.2.3"))
  }
}
