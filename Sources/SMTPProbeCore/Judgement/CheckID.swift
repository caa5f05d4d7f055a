/// The name of one health check, as it appears in every output format (`connect`, `relay`).
///
/// A value rather than an enum so that a later check can be added without touching the
/// renderers; the names below are the ones the inbound and submission profiles produce.
public struct CheckID: RawRepresentable, Hashable, Sendable, Comparable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  public static func < (lhs: CheckID, rhs: CheckID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The TCP connection to the host (RFC 5321 3.1).
  public static let connect: CheckID = "connect"
  /// The server's 220 greeting (RFC 5321 4.3.1, 3.1).
  public static let greeting: CheckID = "greeting"
  /// The answer to EHLO, or HELO after a refused EHLO (RFC 5321 4.1.1.1).
  public static let ehlo: CheckID = "ehlo"
  /// Whether STARTTLS is advertised (RFC 3207 4).
  public static let startTLSOffered: CheckID = "starttls-offered"
  /// Whether the TLS handshake after STARTTLS succeeds (RFC 3207 4.1).
  public static let startTLSNegotiated: CheckID = "starttls-negotiated"
  /// Whether the chain and the host name verify (RFC 6125, RFC 7672 for MX hosts).
  public static let tlsVerified: CheckID = "tls-verified"
  /// The TLS protocol version and cipher (RFC 8996 deprecates TLS 1.0 and 1.1).
  public static let tlsProtocol: CheckID = "tls-protocol"
  /// Days left before a certificate of the chain expires (RFC 5280 4.1.2.5).
  public static let certDays: CheckID = "cert-days"
  /// Whether a session without TLS is refused at MAIL FROM (RFC 3207 4, 530 5.7.0).
  public static let startTLSEnforced: CheckID = "starttls-enforced"
  /// Whether `postmaster@DOMAIN` is accepted (RFC 5321 4.5.1).
  public static let postmaster: CheckID = "postmaster"
  /// The outcome of one `--rcpt ADDR=accept|reject` assertion (RFC 5321 4.1.1.3).
  public static let rcpt: CheckID = "rcpt"
  /// The open-relay matrix (RFC 5321 3.9, RFC 2505).
  public static let relay: CheckID = "relay"
  /// The PTR and forward-confirmed reverse DNS of the address (RFC 1912 2.1).
  public static let ptr: CheckID = "ptr"
  /// Whether AUTH is offered before TLS on a submission port (RFC 4954 4, RFC 8314 3.3).
  public static let authBeforeTLS: CheckID = "auth-before-tls"
  /// Whether the credentials are accepted (RFC 4954 6).
  public static let auth: CheckID = "auth"
  /// Whether MAIL FROM is accepted (RFC 5321 4.1.1.2).
  public static let mailFrom: CheckID = "mail-from"
  /// How long each phase and the whole session took, against the thresholds.
  public static let phaseTime: CheckID = "phase-time"
  /// Whether the greeting's host name matches the reverse DNS or the MX name (RFC 5321 4.3.1).
  public static let greetingName: CheckID = "greeting-name"
  /// The negotiated cipher suite's strength (RFC 9325 4.1, RFC 7465).
  public static let tlsCipher: CheckID = "tls-cipher"
  /// Whether the test message was accepted and queued (RFC 5321 4.1.1.4, RFC 6409).
  public static let message: CheckID = "message"
}
