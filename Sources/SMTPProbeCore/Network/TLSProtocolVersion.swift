/// A TLS protocol version we can require as the minimum (RFC 8446, RFC 5246, RFC 4346, RFC 2246).
///
/// RFC 8996 deprecates TLS 1.0 and 1.1; we still allow them so a probe can say that a server
/// only speaks them, and flag them as a warning.
public enum TLSProtocolVersion: String, CaseIterable, Comparable, Hashable, Sendable {
  case tls1_0 = "TLSv1"
  case tls1_1 = "TLSv1.1"
  case tls1_2 = "TLSv1.2"
  case tls1_3 = "TLSv1.3"

  /// The wire version number, as OpenSSL's `TLS1_VERSION` through `TLS1_3_VERSION`.
  public var wireValue: Int32 {
    switch self {
    case .tls1_0: 0x0301
    case .tls1_1: 0x0302
    case .tls1_2: 0x0303
    case .tls1_3: 0x0304
    }
  }

  /// Parses OpenSSL's spelling (`SSL_get_version`): `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3`.
  public init?(openSSLName: String) {
    self.init(rawValue: openSSLName)
  }

  /// Whether RFC 8996 deprecates this version.
  public var isDeprecated: Bool { self < .tls1_2 }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.wireValue < rhs.wireValue }
}
