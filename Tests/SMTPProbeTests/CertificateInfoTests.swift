import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct CertificateInfoTests {
  static let notAfter = UnixTime(seconds: 2_366_841_600)  // 2045-01-01T00:00:00Z

  static func certificate(notAfter: UnixTime = notAfter) -> CertificateInfo {
    CertificateInfo(
      commonName: "mx.probe.test", subject: "CN = mx.probe.test", issuerCommonName: "CA",
      issuer: "CN = CA", alternativeNames: [.dns("mx.probe.test"), .ip("127.0.0.1")],
      notBefore: UnixTime(seconds: 1_735_689_600), notAfter: notAfter,
      serialNumber: "01", keyType: "EC", keyBits: 256,
      signatureAlgorithm: "ecdsa-with-SHA256", isSelfSigned: false)
  }

  struct DaysCase: CustomTestStringConvertible, Sendable {
    var id: String
    var now: TimeInterval
    var expected: Int
    var testDescription: String { id }
  }

  static let daysCases: [DaysCase] = [
    DaysCase(id: "exactly 30 days before", now: 2_366_841_600 - 30 * 86_400, expected: 30),
    DaysCase(id: "36 hours before is 1 day", now: 2_366_841_600 - 36 * 3_600, expected: 1),
    DaysCase(id: "1 hour before is 0 days", now: 2_366_841_600 - 3_600, expected: 0),
    DaysCase(id: "at notAfter is 0 days", now: 2_366_841_600, expected: 0),
    DaysCase(id: "1 hour after is -1", now: 2_366_841_600 + 3_600, expected: -1),
    DaysCase(id: "10 days after is -10", now: 2_366_841_600 + 10 * 86_400, expected: -10),
  ]

  @Test(arguments: daysCases)
  func daysLeft(_ c: DaysCase) {
    #expect(Self.certificate().daysLeft(now: UnixTime(seconds: Int64(c.now))) == c.expected)
  }

  @Test func validityChecks() {
    let cert = Self.certificate()
    #expect(cert.isExpired(now: UnixTime(seconds: 2_366_841_601)))
    #expect(!cert.isExpired(now: UnixTime(seconds: 2_366_841_600)))
    #expect(cert.isNotYetValid(now: UnixTime(seconds: 1_735_689_599)))
    #expect(!cert.isNotYetValid(now: UnixTime(seconds: 1_735_689_600)))
  }

  @Test func iso8601InUTC() {
    #expect(Self.notAfter.iso8601 == "2045-01-01T00:00:00Z")
    #expect(
      UnixTime(seconds: 1_906_502_399).iso8601 == "2030-05-31T23:59:59Z")
    #expect(UnixTime(seconds: 0).iso8601 == "1970-01-01T00:00:00Z")
  }

  @Test func presentedNamesPreferSANsAndFallBackToCN() {
    var cert = Self.certificate()
    #expect(cert.presentedNames == ["mx.probe.test", "127.0.0.1"])
    #expect(cert.alternativeNames.map(\.description) == ["DNS:mx.probe.test", "IP:127.0.0.1"])
    cert.alternativeNames = []
    #expect(cert.presentedNames == ["mx.probe.test"])
  }

  @Test func readsEveryFieldFromPEM() throws {
    let certs = CertificateInfo.certificates(pem: TestCertificates.leaf + TestCertificates.ca)
    try #require(certs.count == 2)
    let leaf = certs[0]
    #expect(leaf.commonName == "mx.probe.test")
    #expect(leaf.subject == "CN = mx.probe.test, O = smtpprobe fixtures")
    #expect(leaf.issuerCommonName == "Fixture CA")
    #expect(leaf.issuer == "O = smtpprobe fixtures, CN = Fixture CA")
    #expect(
      leaf.alternativeNames == [.dns("mx.probe.test"), .dns("*.wild.probe.test"), .ip("127.0.0.1")])
    #expect(leaf.notBefore.iso8601 == "2025-01-01T00:00:00Z")
    #expect(leaf.notAfter.iso8601 == "2045-01-01T00:00:00Z")
    #expect(leaf.serialNumber == "01")
    #expect(leaf.keyType == "EC")
    #expect(leaf.keyBits == 256)
    #expect(leaf.signatureAlgorithm == "ecdsa-with-SHA256")
    #expect(!leaf.isSelfSigned)
    #expect(certs[1].isSelfSigned)
    #expect(certs[1].commonName == "Fixture CA")
  }

  @Test func garbageIsNoCertificate() {
    #expect(CertificateInfo.certificates(pem: "not a certificate").isEmpty)
  }
}
