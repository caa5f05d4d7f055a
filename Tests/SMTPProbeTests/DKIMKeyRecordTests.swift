import Testing

@testable import SMTPProbeCore

/// DKIM key records (RFC 6376 3.6.1) and the key size read from the DER of `p=`: real keys
/// generated once with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:N` and
/// `openssl pkey -pubout -outform DER | base64`.
@Suite struct DKIMKeyRecordTests {
  static let rsa512 =
    "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAMkCYbfUGv4jW7DltlDDtQKS3yrn8kbU4FWgMVjBdPgzp8yRMqbfo6vscGJ95+ZAmHoUIOimb0B4ls6LvMrd3asCAwEAAQ=="
  static let rsa1024 =
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQD12teCoRNTS3OMQf/a4DCGRjqmM11kn5B3EXeJv8SxyUZVzCjuRojY6vf2FhmZ4JD3DAWQO5u7y6ZIr2HqzWamQnZXfBtq28WPbRcy2y4khLW+zu5OvIM0BSlSpgYqayCi+GZjeab0eQfJewMiluoZiNAaJ3K8l9+X/1y6NZrwBQIDAQAB"
  static let rsa2048 =
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtuFp9Rzv72JJ/I9q/Cq8p6WEfyHnEQU7tnvADhA8cNFetY"
    + "aZOicZUFFxmEQl699b6szSSWY4pDZktBOpcSG13bj8m27WAIMrf4eXSNkBEt0HtAaZqoF3WxVDVH6194fC5lGxUW1D"
    + "auI0w1P9NFMgOeEaBE/tWZrodbifohWbpShnKNg2gJgfTz3GAag8kX1QPIUW/X91xoRgqhq8Q4M/RKv+9vM3uwU2kz"
    + "s9P3tU/QvfOW1s8JiwdWgyhu3RlocPm0Vka/2RKQG9R4QqbNJ4DxwtOso7/RJht3KqPQSsLilwcpHtYDl9z2xKHCOh"
    + "AAU50wXGzWf/lp4rhQHZHf4QBQIDAQAB"
  /// The 1024-bit key as a bare PKCS #1 RSAPublicKey (`openssl rsa -RSAPublicKey_out`).
  static let rsa1024PKCS1 =
    "MIGJAoGBAPXa14KhE1NLc4xB/9rgMIZGOqYzXWSfkHcRd4m/xLHJRlXMKO5GiNjq9/YWGZngkPcMBZA7m7vLpkivYerNZqZCdld8G2rbxY9tFzLbLiSEtb7O7k68gzQFKVKmBiprIKL4ZmN5pvR5B8l7AyKW6hmI0BoncryX35f/XLo1mvAFAgMBAAE="

  @Test func rsaKeySizesComeFromTheModulus() throws {
    for (key, bits) in [(Self.rsa512, 512), (Self.rsa1024, 1024), (Self.rsa2048, 2048)] {
      let record = try DKIMKeyRecord.parse("v=DKIM1; k=rsa; p=\(key)")
      #expect(record.key == PublicKeyInfo(algorithm: .rsa, bits: bits))
      #expect(!record.revoked)
    }
    #expect(try DKIMKeyRecord.parse("p=\(Self.rsa1024PKCS1)").key?.bits == 1024)
  }

  @Test func foldedBase64AndFlagsAreRead() throws {
    let folded = Self.rsa2048.prefix(100) + " \t" + Self.rsa2048.dropFirst(100)
    let record = try DKIMKeyRecord.parse("v=DKIM1; t=y:s; h=sha256; p=\(folded)")
    #expect(record.key?.bits == 2048)
    #expect(record.testing)
    #expect(record.strict)
  }

  @Test func anEmptyKeyIsRevokedAndEd25519Is256Bits() throws {
    #expect(try DKIMKeyRecord.parse("v=DKIM1; p=").revoked)
    let ed = try DKIMKeyRecord.parse(
      "v=DKIM1; k=ed25519; p=mIrugzhky5QRlFhoNex2FaRT+qTQxTEhw5lYNiOH4t0=")
    #expect(ed.key == PublicKeyInfo(algorithm: .ed25519, bits: 256))
  }

  @Test func unusableRecordsSayWhy() {
    #expect(throws: DKIMKeyRecord.Problem.missingKey) { try DKIMKeyRecord.parse("v=DKIM1; k=rsa") }
    #expect(throws: DKIMKeyRecord.Problem.invalidVersion) {
      try DKIMKeyRecord.parse("k=rsa; v=DKIM1; p=")
    }
    #expect(throws: DKIMKeyRecord.Problem.keyNotBase64) { try DKIMKeyRecord.parse("p=not*base64") }
    #expect(throws: DKIMKeyRecord.Problem.keyNotReadable("RSA")) {
      try DKIMKeyRecord.parse("p=AAAA")
    }
    // A truncated key: the DER length runs past the end.
    #expect(throws: DKIMKeyRecord.Problem.keyNotReadable("RSA")) {
      try DKIMKeyRecord.parse("p=\(Self.rsa1024.prefix(100))")
    }
  }

  @Test func theSelectorIsLookedUpUnderDomainkey() {
    let zones = StaticResolver(entries: [
      "s1._domainkey.example.org": [.txt: .records([.txt(["v=DKIM1; p=", "\(Self.rsa1024)"])])]
    ])
    let found = DKIMKeyPosture.lookUp(selector: "s1", domain: "example.org", resolver: zones)
    #expect(found.record?.key?.bits == 1024)
    let missing = DKIMKeyPosture.lookUp(selector: "s2", domain: "example.org", resolver: zones)
    #expect(missing.lookup == .none)
    #expect(missing.name == "s2._domainkey.example.org")
  }
}
