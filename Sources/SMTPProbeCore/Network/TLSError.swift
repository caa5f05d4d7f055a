/// Why TLS could not be set up, with the context for one clear line.
///
/// OpenSSL's own reason (`ERR_reason_error_string`, else `ERR_error_string_n`) is kept, and
/// the common ones get a hint in plain words.
public enum TLSError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Setting up OpenSSL failed before any byte was sent (`call` is the C function).
  case setupFailed(call: String, reason: String)
  /// The CA file given with `--cafile` could not be loaded.
  case caFileUnreadable(path: String, reason: String)
  /// The plain transport cannot hand over its socket (not a `FileDescriptorTransport`).
  case transportNotUpgradable
  /// The handshake failed with an OpenSSL error.
  case handshakeFailed(reason: String)
  /// The server closed the connection during the handshake.
  case closedDuringHandshake
  /// The deadline passed during the handshake.
  case handshakeTimedOut(seconds: Double)
  /// A system call failed during the handshake.
  case system(call: String, errno: Int32, message: String)
  /// The certificate is not trusted and the caller asked for verification (`--tls-verify`).
  ///
  /// Carries the whole report (the connection is closed), so the chain and each fault with
  /// its fix can still be shown.
  case untrusted(TLSReport)

  public var description: String {
    switch self {
    case .setupFailed(let call, let reason):
      "TLS setup failed: \(call): \(reason)"
    case .caFileUnreadable(let path, let reason):
      "cannot load CA file \(path): \(reason)"
    case .transportNotUpgradable:
      "this connection cannot be upgraded to TLS (no socket to hand over)"
    case .handshakeFailed(let reason):
      if let hint = Self.hint(for: reason) {
        "TLS handshake failed: \(reason) (\(hint))"
      } else {
        "TLS handshake failed: \(reason)"
      }
    case .closedDuringHandshake:
      "TLS handshake failed: the server closed the connection during the handshake"
    case .handshakeTimedOut(let seconds):
      "TLS handshake timed out after \(Self.format(seconds)) s"
    case .system(let call, let errno, let message):
      "TLS handshake failed: \(call) failed: \(message) (errno \(errno))"
    case .untrusted(let report):
      "TLS certificate not trusted for \(report.verification.expectedName): "
        + report.verification.faults.map(\.name).joined(separator: ", ")
    }
  }

  /// A plain-words hint for OpenSSL reasons a mail admin meets often; nil when we have none.
  public static func hint(for reason: String) -> String? {
    let reason = reason.lowercased()
    let hints: [(String, String)] = [
      ("wrong version number", "the server may not speak TLS on this port"),
      ("packet length too long", "the server may not speak TLS on this port"),
      ("unsupported protocol", "no TLS version in common; the server may only speak SSLv3"),
      ("protocol version", "no TLS version in common with the server"),
      ("no protocols available", "no TLS version in common with the server"),
      ("no shared cipher", "no cipher suite in common with the server"),
      ("handshake failure", "the server rejected the handshake: no common cipher or version"),
      ("dh key too small", "the server uses a weak Diffie-Hellman group"),
      ("unexpected eof", "the server closed the connection during the handshake"),
    ]
    return hints.first { reason.contains($0.0) }?.1
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(format1(seconds))
  }

  private static func format1(_ seconds: Double) -> String {
    String(Double(Int((seconds * 10).rounded())) / 10)
  }
}
