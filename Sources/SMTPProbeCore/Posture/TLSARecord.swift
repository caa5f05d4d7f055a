/// One TLSA record: which certificate a TLS server must present (RFC 6698 2.1).
///
/// The three one-octet fields are kept as numbers so that an unassigned value is reported,
/// not refused; `data` is the certificate association data (a full DER structure or its
/// SHA-256/SHA-512 digest, RFC 6698 2.1.4).
public struct TLSARecord: Hashable, Sendable, CustomStringConvertible {
  /// Why TLSA RDATA does not decode.
  public enum DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer than the three fields and one octet of data (RFC 6698 2.1).
    case tooShort(length: Int)

    public var description: String {
      switch self {
      case .tooShort(let length): "\(length) bytes, fewer than the 4 a TLSA record needs"
      }
    }
  }

  /// The certificate usage field (RFC 6698 2.1.1, RFC 7218 2.1 acronyms).
  public var usage: UInt8
  /// The selector: 0 the full certificate, 1 its SubjectPublicKeyInfo (RFC 6698 2.1.2).
  public var selector: UInt8
  /// The matching type: 0 exact, 1 SHA-256, 2 SHA-512 (RFC 6698 2.1.3).
  public var matchingType: UInt8
  /// The certificate association data.
  public var data: [UInt8]

  public init(usage: UInt8, selector: UInt8, matchingType: UInt8, data: [UInt8]) {
    self.usage = usage
    self.selector = selector
    self.matchingType = matchingType
    self.data = data
  }

  /// Decodes RDATA: usage, selector, matching type, then the data (RFC 6698 2.1).
  public init(rdata: [UInt8]) throws(DecodingError) {
    guard rdata.count >= 4 else { throw .tooShort(length: rdata.count) }
    self.init(
      usage: rdata[0], selector: rdata[1], matchingType: rdata[2], data: Array(rdata.dropFirst(3)))
  }

  /// PKIX-TA (0): a CA that must also pass PKIX validation (RFC 6698 2.1.1).
  public static let pkixTA: UInt8 = 0
  /// PKIX-EE (1): the server certificate, also PKIX-validated.
  public static let pkixEE: UInt8 = 1
  /// DANE-TA (2): a trust anchor of the server's chain (RFC 7671 5.2).
  public static let daneTA: UInt8 = 2
  /// DANE-EE (3): the server certificate or key itself (RFC 7671 5.1).
  public static let daneEE: UInt8 = 3

  /// The usage's acronym (RFC 7218 2.1), or its number when unassigned.
  public var usageName: String {
    switch usage {
    case Self.pkixTA: "PKIX-TA"
    case Self.pkixEE: "PKIX-EE"
    case Self.daneTA: "DANE-TA"
    case Self.daneEE: "DANE-EE"
    default: "usage \(usage)"
    }
  }

  /// The selector's acronym (RFC 7218 2.2).
  public var selectorName: String {
    switch selector {
    case 0: "Cert"
    case 1: "SPKI"
    default: "selector \(selector)"
    }
  }

  /// The matching type's acronym (RFC 7218 2.3).
  public var matchingTypeName: String {
    switch matchingType {
    case 0: "Full"
    case 1: "SHA2-256"
    case 2: "SHA2-512"
    default: "matching type \(matchingType)"
    }
  }

  /// The data in lower-case hexadecimal, as zone files write it (RFC 6698 2.2).
  public var dataHex: String {
    let digits = Array("0123456789abcdef".unicodeScalars)
    var text = ""
    for byte in data {
      text.unicodeScalars.append(digits[Int(byte >> 4)])
      text.unicodeScalars.append(digits[Int(byte & 0xF)])
    }
    return text
  }

  /// The record in presentation form: `3 1 1 8cb0...` (RFC 6698 2.2).
  public var description: String { "\(usage) \(selector) \(matchingType) \(dataHex)" }
}
