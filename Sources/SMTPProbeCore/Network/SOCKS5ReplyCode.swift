/// The REP field of a SOCKS5 reply to CONNECT (RFC 1928 section 6), with its meaning.
///
/// 0x00 is success; 0x01 to 0x08 are the failures RFC 1928 assigns; 0x09 to 0xFF are
/// unassigned and kept as `unassigned` so a proxy's own code is still shown.
public enum SOCKS5ReplyCode: Hashable, Sendable, CustomStringConvertible {
  /// X'00' succeeded.
  case succeeded
  /// X'01' general SOCKS server failure.
  case generalFailure
  /// X'02' connection not allowed by ruleset.
  case notAllowedByRuleset
  /// X'03' Network unreachable.
  case networkUnreachable
  /// X'04' Host unreachable.
  case hostUnreachable
  /// X'05' Connection refused.
  case connectionRefused
  /// X'06' TTL expired.
  case ttlExpired
  /// X'07' Command not supported.
  case commandNotSupported
  /// X'08' Address type not supported.
  case addressTypeNotSupported
  /// X'09' to X'FF', unassigned.
  case unassigned(UInt8)

  /// The code read from the REP octet.
  public init(rawValue: UInt8) {
    switch rawValue {
    case 0x00: self = .succeeded
    case 0x01: self = .generalFailure
    case 0x02: self = .notAllowedByRuleset
    case 0x03: self = .networkUnreachable
    case 0x04: self = .hostUnreachable
    case 0x05: self = .connectionRefused
    case 0x06: self = .ttlExpired
    case 0x07: self = .commandNotSupported
    case 0x08: self = .addressTypeNotSupported
    default: self = .unassigned(rawValue)
    }
  }

  /// The REP octet.
  public var rawValue: UInt8 {
    switch self {
    case .succeeded: 0x00
    case .generalFailure: 0x01
    case .notAllowedByRuleset: 0x02
    case .networkUnreachable: 0x03
    case .hostUnreachable: 0x04
    case .connectionRefused: 0x05
    case .ttlExpired: 0x06
    case .commandNotSupported: 0x07
    case .addressTypeNotSupported: 0x08
    case .unassigned(let code): code
    }
  }

  /// What the code means, after RFC 1928 section 6's list.
  public var meaning: String {
    switch self {
    case .succeeded: "succeeded"
    case .generalFailure: "general SOCKS server failure"
    case .notAllowedByRuleset: "connection not allowed by the proxy's ruleset"
    case .networkUnreachable: "network unreachable from the proxy"
    case .hostUnreachable: "host unreachable from the proxy"
    case .connectionRefused: "connection refused by destination host"
    case .ttlExpired: "TTL expired on the way to the destination"
    case .commandNotSupported: "command not supported by the proxy"
    case .addressTypeNotSupported: "address type not supported by the proxy"
    case .unassigned: "a reply code RFC 1928 does not assign"
    }
  }

  /// Whether the code reports the path from the proxy to the destination (unreachable,
  /// refused, TTL expired) rather than the proxy's own refusal or limits.
  public var isAboutDestination: Bool {
    switch self {
    case .networkUnreachable, .hostUnreachable, .connectionRefused, .ttlExpired: true
    default: false
    }
  }

  /// "connection refused by destination host (SOCKS5 reply 0x05)".
  public var description: String {
    "\(meaning) (SOCKS5 reply \(Hex.octet(rawValue)))"
  }
}

/// Octets written as `0x05`, for protocol messages.
enum Hex {
  /// `0x05`, `0xff`.
  static func octet(_ value: UInt8) -> String {
    let digits = String(value, radix: 16)
    return "0x" + (digits.count == 1 ? "0" + digits : digits)
  }
}
