/// A DNS resource record type (RFC 1035 3.2.2, RFC 3596 for AAAA), kept open for unknown types.
public struct DNSRecordType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: UInt16

  public init(rawValue: UInt16) {
    self.rawValue = rawValue
  }

  /// An IPv4 host address.
  public static let a = DNSRecordType(rawValue: 1)
  /// An authoritative name server.
  public static let ns = DNSRecordType(rawValue: 2)
  /// The canonical name for an alias.
  public static let cname = DNSRecordType(rawValue: 5)
  /// The start of a zone of authority; carried in negative answers (RFC 2308).
  public static let soa = DNSRecordType(rawValue: 6)
  /// A domain name pointer, used for reverse lookups.
  public static let ptr = DNSRecordType(rawValue: 12)
  /// A mail exchanger (RFC 1035 3.3.9, RFC 5321 5.1).
  public static let mx = DNSRecordType(rawValue: 15)
  /// Text strings (SPF, DMARC, ...).
  public static let txt = DNSRecordType(rawValue: 16)
  /// An IPv6 host address (RFC 3596).
  public static let aaaa = DNSRecordType(rawValue: 28)
  /// A TLS certificate association for DANE (RFC 6698 7.1).
  public static let tlsa = DNSRecordType(rawValue: 52)

  public var description: String {
    switch self {
    case .a: "A"
    case .ns: "NS"
    case .cname: "CNAME"
    case .soa: "SOA"
    case .ptr: "PTR"
    case .mx: "MX"
    case .txt: "TXT"
    case .aaaa: "AAAA"
    case .tlsa: "TLSA"
    default: "TYPE\(rawValue)"
    }
  }
}
