import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Bytes from hex, spaces ignored.
private func bytes(_ hex: String) -> [UInt8] {
  let digits = Array(hex.filter { !$0.isWhitespace })
  return stride(from: 0, to: digits.count, by: 2).compactMap { index in
    UInt8(String(digits[index..<index + 2]), radix: 16)
  }
}

/// TLSA records from the wire (RFC 6698 2.1, type 52), the AD bit (RFC 4035 3.2.3), and each
/// record compared with the DER of real certificates.
@Suite struct DANETests {
  /// Digests of `TestCertificates.leaf` and `.ca`, computed with the openssl CLI:
  /// `openssl x509 -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256`,
  /// and `openssl x509 -outform DER | openssl dgst -sha256` (or -sha512).
  static let leafSPKISHA256 = "a2031e05e48c0d9b4c33b19252979320bedafb3951220bd5772d7a5378519e97"
  static let leafCertSHA256 = "28a252f4e0df95c77d1013449dd1fa40d5fd3e143fa0df2e508273cda414d5a2"
  static let leafCertSHA512 =
    "252532d977f6c5eff0b0d13ac7978f5219fd8347f09c0e8e8d527818e1a9ed7e"
    + "c5cca807417a9f8e7fb8e94611c8f00f5a16d2f140b8b0c736ec334d2d43b66e"
  static let leafSPKISHA512 =
    "538cd0000b53500103508e18436336b5fcd9b9b3f845e45927f146476d14f922"
    + "5e03c174964dbd4cbc9685e45c3bca367ab931320d249b2b13198e2bce59ab90"
  static let caCertSHA256 = "b8ce78622464ca89784bb7cca474f8c4deb18f034141448bd48a405e0ced9564"
  static let caSPKISHA256 = "3aa9dfc2b10afbbb22603f0d29d0ff6c9a23ee5f0bcc24c47a4b30661545f93b"

  static let chain = CertificateInfo.certificates(pem: TestCertificates.leaf + TestCertificates.ca)

  static func tlsa(_ usage: UInt8, _ selector: UInt8, _ matching: UInt8, _ hex: String)
    -> TLSARecord
  {
    TLSARecord(usage: usage, selector: selector, matchingType: matching, data: bytes(hex))
  }

  /// A response to `_25._tcp.mx.test TLSA` with one 3 1 1 record; `flags` is the header's
  /// second word (0x8180: QR RD RA; 0x81A0 adds AD).
  static func response(flags: UInt16, rdata: [UInt8]) -> [UInt8] {
    let name: [UInt8] =
      [3] + Array("_25".utf8) + [4] + Array("_tcp".utf8) + [2]
      + Array("mx".utf8) + [4] + Array("test".utf8) + [0]
    return [0x12, 0x34, UInt8(flags >> 8), UInt8(flags & 0xFF), 0, 1, 0, 1, 0, 0, 0, 0] + name
      + [0, 52, 0, 1] + [0xC0, 0x0C, 0, 52, 0, 1, 0, 0, 1, 0x2C]
      + [UInt8(rdata.count >> 8), UInt8(rdata.count & 0xFF)] + rdata
  }

  @Test func tlsaIsDecodedAndTheADBitRead() throws {
    let rdata = [3, 1, 1] + bytes(Self.leafSPKISHA256)
    for (flags, validated) in [(UInt16(0x81A0), true), (0x8180, false)] {
      let message = try DNSMessage(parsing: Self.response(flags: flags, rdata: rdata))
      #expect(message.authenticData == validated)
      let answer = try DNSAnswer.interpret(
        message, name: "_25._tcp.mx.test", type: .tlsa, server: "127.0.0.1")
      #expect(answer.authenticated == validated)
      let facts = DANEFacts(host: "mx.test", lookup: .success(answer))
      #expect(facts.validated == validated)
      #expect(facts.records == [Self.tlsa(3, 1, 1, Self.leafSPKISHA256)])
      #expect(facts.records.first?.description == "3 1 1 " + Self.leafSPKISHA256)
    }
  }

  @Test func tlsaShorterThanItsFieldsIsBadData() {
    #expect(throws: DNSMessageError.self) {
      try DNSMessage(parsing: Self.response(flags: 0x8180, rdata: [3, 1, 1]))
    }
  }

  @Test func tlsaQuestionsAskForTheADBitAndOthersDoNot() throws {
    #expect(try LibresolvResolver.makeQuery("_25._tcp.mx.test", .tlsa, id: 1).encoded()[3] == 0x20)
    #expect(try LibresolvResolver.makeQuery("mx.test", .mx, id: 1).encoded()[3] == 0x00)
  }

  @Test func associationDataIsTheDERAndItsDigests() throws {
    try #require(Self.chain.count == 2)
    let leaf = try #require(Self.chain[0].association)
    #expect(leaf.publicKey.count == 91)  // an EC P-256 SubjectPublicKeyInfo
    #expect(leaf.publicKeySHA256 == bytes(Self.leafSPKISHA256))
    #expect(leaf.certificateSHA256 == bytes(Self.leafCertSHA256))
    #expect(leaf.certificateSHA512 == bytes(Self.leafCertSHA512))
    #expect(leaf.publicKeySHA512 == bytes(Self.leafSPKISHA512))
    #expect(Self.chain[1].association?.certificateSHA256 == bytes(Self.caCertSHA256))
  }

  static let cases: [(TLSARecord, DANEMatch)] = [
    (tlsa(3, 1, 1, leafSPKISHA256), .matched(depth: 0)),
    (tlsa(3, 0, 1, leafCertSHA256), .matched(depth: 0)),
    (tlsa(3, 0, 2, leafCertSHA512), .matched(depth: 0)),
    (tlsa(3, 1, 2, leafSPKISHA512), .matched(depth: 0)),
    // DANE-EE looks at the server certificate only, never the CA's.
    (tlsa(3, 1, 1, caSPKISHA256), .notMatched),
    (tlsa(2, 0, 1, caCertSHA256), .matched(depth: 1)),
    (tlsa(2, 1, 1, caSPKISHA256), .matched(depth: 1)),
    // DANE-TA names a CA above the server certificate, never the server certificate itself.
    (tlsa(2, 1, 1, leafSPKISHA256), .notMatched),
    (tlsa(3, 1, 1, String(repeating: "00", count: 32)), .notMatched),
    (tlsa(1, 1, 1, leafSPKISHA256), .unusable),
    (tlsa(0, 0, 1, caCertSHA256), .unusable),
    (tlsa(3, 2, 1, leafSPKISHA256), .unusable),
    (tlsa(3, 1, 3, leafSPKISHA256), .unusable),
  ]

  @Test(arguments: cases) func recordsAreComparedWithThePresentedChain(
    _ record: TLSARecord, _ expected: DANEMatch
  ) {
    #expect(DANEMatch.compare(record, with: Self.chain) == expected)
  }

  @Test func daneTANeedsTheLinkFromTheServerCertificateToTheAnchor() throws {
    #expect(Self.chain[0].association?.issuedByNext == true)
    #expect(Self.chain[1].association?.issuedByNext == false)  // nothing follows the CA
    // The self-signed certificate followed by the CA: the CA did not issue it.
    let unrelated = CertificateInfo.certificates(
      pem: TestCertificates.selfSigned + TestCertificates.ca)
    #expect(unrelated.first?.association?.issuedByNext == false)
    #expect(
      DANEMatch.compare(Self.tlsa(2, 0, 1, Self.caCertSHA256), with: unrelated) == .notMatched)
  }

  @Test func fullDataMatchesTheWholeSPKI() throws {
    let spki = try #require(Self.chain[0].association?.publicKey)
    let record = TLSARecord(usage: 3, selector: 1, matchingType: 0, data: spki)
    #expect(DANEMatch.compare(record, with: Self.chain) == .matched(depth: 0))
  }
}
