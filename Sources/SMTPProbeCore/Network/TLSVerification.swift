/// The outcome of checking a server's certificate chain and host name.
///
/// The handshake always completes (verify mode none) and the chain is checked afterwards, so a
/// probe can report every fault instead of a bare handshake failure. Whether an untrusted
/// certificate is a warning or an error is the caller's choice (`--tls-verify`): mail servers
/// often run opportunistic TLS (RFC 7435), where any certificate is accepted.
public struct TLSVerification: Hashable, Sendable {
  /// Where the trust anchors came from.
  public enum TrustStore: Hashable, Sendable, CustomStringConvertible {
    /// The system CA store (`SSL_CTX_set_default_verify_paths`).
    case system
    /// A PEM file given with `--cafile`.
    case caFile(String)

    public var description: String {
      switch self {
      case .system: "the system CA store"
      case .caFile(let path): "CA file \(path)"
      }
    }
  }

  /// The host name the certificate was checked against (the MX host name, never an address
  /// we resolved), or the IP literal when the user dialled one.
  public var expectedName: String
  /// The trust anchors used.
  public var trustStore: TrustStore
  /// Every fault found, most fundamental first; empty when the chain is trusted.
  public var faults: [TLSVerificationFault]

  public init(expectedName: String, trustStore: TrustStore, faults: [TLSVerificationFault]) {
    self.expectedName = expectedName
    self.trustStore = trustStore
    self.faults = faults
  }

  /// Whether the chain verifies against the trust store and matches the expected name.
  public var isTrusted: Bool { faults.isEmpty }

  /// Whether `fault` (by name, ignoring associated values) was found.
  public func has(_ name: String) -> Bool { faults.contains { $0.name == name } }
}
