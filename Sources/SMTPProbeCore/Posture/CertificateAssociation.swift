/// What a TLSA record can be compared with, for one certificate the server presented.
///
/// The DER of the certificate and of its SubjectPublicKeyInfo with their SHA-256 and SHA-512
/// digests (RFC 6698 2.1.2, 2.1.3), computed by the TLS layer from the chain the server sent
/// so that the comparison here needs no cryptography.
public struct CertificateAssociation: Hashable, Sendable {
  /// The certificate's DER encoding (selector 0).
  public var certificate: [UInt8]
  /// The DER of its SubjectPublicKeyInfo (selector 1).
  public var publicKey: [UInt8]
  public var certificateSHA256: [UInt8]
  public var certificateSHA512: [UInt8]
  public var publicKeySHA256: [UInt8]
  public var publicKeySHA512: [UInt8]
  /// Whether the next certificate of the chain the server sent issued this one.
  ///
  /// Its name is this one's issuer and its key verifies this one's signature (RFC 5280
  /// 6.1.3); DANE-TA trusts a CA only through such links (RFC 7671 5.2.2).
  public var issuedByNext: Bool

  public init(
    certificate: [UInt8], publicKey: [UInt8], certificateSHA256: [UInt8],
    certificateSHA512: [UInt8], publicKeySHA256: [UInt8], publicKeySHA512: [UInt8],
    issuedByNext: Bool = false
  ) {
    self.issuedByNext = issuedByNext
    self.certificate = certificate
    self.publicKey = publicKey
    self.certificateSHA256 = certificateSHA256
    self.certificateSHA512 = certificateSHA512
    self.publicKeySHA256 = publicKeySHA256
    self.publicKeySHA512 = publicKeySHA512
  }

  /// The bytes a record with `selector` and `matchingType` is compared with; nil for a
  /// selector or matching type RFC 6698 does not assign.
  public func value(selector: UInt8, matchingType: UInt8) -> [UInt8]? {
    switch (selector, matchingType) {
    case (0, 0): certificate
    case (0, 1): certificateSHA256
    case (0, 2): certificateSHA512
    case (1, 0): publicKey
    case (1, 1): publicKeySHA256
    case (1, 2): publicKeySHA512
    default: nil
    }
  }

  /// Whether `record`'s selector, matching type and data match this certificate.
  public func matches(_ record: TLSARecord) -> Bool {
    value(selector: record.selector, matchingType: record.matchingType) == record.data
  }
}
