/// Why a TLS handshake could not bring TLS up.
public enum TLSFailure: Hashable, Sendable {
  /// This build has no TLS support, yet the server said 220 to STARTTLS.
  case unsupported
  /// The server sent `count` bytes after its 220 to STARTTLS and before the handshake, which
  /// would be taken as if they came over TLS (RFC 3207 5, the injection of CVE-2011-0411).
  case bytesBeforeHandshake(count: Int)
  /// The handshake itself failed; `reason` is the TLS layer's one-line error.
  case handshake(String)
}
