/// One certificate of the chain a server sent, as `openssl x509 -text` would summarise it.
///
/// A value built from the DER by `TLSTransport` (RFC 5280 section 4.1); everything here is
/// plain data so reports and tests need no OpenSSL.
public struct CertificateInfo: Hashable, Sendable {
  /// A name the certificate is valid for (RFC 5280 section 4.2.1.6).
  public enum AlternativeName: Hashable, Sendable, CustomStringConvertible {
    case dns(String)
    case ip(String)

    public var description: String {
      switch self {
      case .dns(let name): "DNS:\(name)"
      case .ip(let address): "IP:\(address)"
      }
    }
  }

  /// The subject's common name (CN), if it has one.
  public var commonName: String?
  /// The full subject distinguished name on one line, for example `CN = mx.example, O = Example`.
  public var subject: String
  /// The issuer's common name, if it has one.
  public var issuerCommonName: String?
  /// The full issuer distinguished name on one line.
  public var issuer: String
  /// The subject alternative names (DNS names and IP addresses), in certificate order.
  public var alternativeNames: [AlternativeName]
  /// The start of the validity period (`notBefore`).
  public var notBefore: UnixTime
  /// The end of the validity period (`notAfter`).
  public var notAfter: UnixTime
  /// The serial number in upper-case hexadecimal.
  public var serialNumber: String
  /// The public key algorithm: `RSA`, `EC`, `ED25519`, ...
  public var keyType: String
  /// The key size in bits (the curve size for EC keys).
  public var keyBits: Int
  /// The signature algorithm, for example `sha256WithRSAEncryption`.
  public var signatureAlgorithm: String
  /// Whether subject and issuer are the same and the certificate verifies with its own key.
  public var isSelfSigned: Bool
  /// The DER and digests DANE compares with TLSA records; nil when not computed.
  public var association: CertificateAssociation?

  public init(
    commonName: String?, subject: String, issuerCommonName: String?, issuer: String,
    alternativeNames: [AlternativeName], notBefore: UnixTime, notAfter: UnixTime,
    serialNumber: String,
    keyType: String, keyBits: Int, signatureAlgorithm: String, isSelfSigned: Bool,
    association: CertificateAssociation? = nil
  ) {
    self.association = association
    self.commonName = commonName
    self.subject = subject
    self.issuerCommonName = issuerCommonName
    self.issuer = issuer
    self.alternativeNames = alternativeNames
    self.notBefore = notBefore
    self.notAfter = notAfter
    self.serialNumber = serialNumber
    self.keyType = keyType
    self.keyBits = keyBits
    self.signatureAlgorithm = signatureAlgorithm
    self.isSelfSigned = isSelfSigned
  }

  /// Whole days from `now` until `notAfter`, rounded down; negative once expired.
  ///
  /// A certificate that expires in 36 hours has 1 day left; one that expired an hour ago has -1,
  /// so "0 days left" always means "expires within the next 24 hours".
  public func daysLeft(now: UnixTime) -> Int { now.days(until: notAfter) }

  /// Whether `now` lies outside the validity period.
  public func isExpired(now: UnixTime) -> Bool { now > notAfter }

  /// Whether the validity period has not started at `now`.
  public func isNotYetValid(now: UnixTime) -> Bool { now < notBefore }

  /// The DNS names and IP addresses, falling back to the CN when there are no SANs, as a mail
  /// admin would list "the names on the certificate".
  public var presentedNames: [String] {
    let names = alternativeNames.map { name -> String in
      switch name {
      case .dns(let dns): dns
      case .ip(let address): address
      }
    }
    if names.isEmpty, let commonName { return [commonName] }
    return names
  }
}
