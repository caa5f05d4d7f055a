/// The RCODE of a DNS response header (RFC 1035 4.1.1).
public struct DNSResponseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public var rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// No error: the answer (possibly empty: NODATA) is authoritative for the question.
  public static let noError = DNSResponseCode(rawValue: 0)
  /// The server could not interpret the query.
  public static let formatError = DNSResponseCode(rawValue: 1)
  /// The server failed to answer (SERVFAIL): a DNS problem, not an answer about the name.
  public static let serverFailure = DNSResponseCode(rawValue: 2)
  /// The name does not exist (NXDOMAIN).
  public static let nameError = DNSResponseCode(rawValue: 3)
  /// The server does not support this kind of query.
  public static let notImplemented = DNSResponseCode(rawValue: 4)
  /// The server refuses to answer us (policy).
  public static let refused = DNSResponseCode(rawValue: 5)

  public var description: String {
    switch self {
    case .noError: "NOERROR"
    case .formatError: "FORMERR"
    case .serverFailure: "SERVFAIL"
    case .nameError: "NXDOMAIN"
    case .notImplemented: "NOTIMP"
    case .refused: "REFUSED"
    default: "RCODE\(rawValue)"
    }
  }
}
