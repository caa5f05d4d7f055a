/// Turns a connected plain transport into a TLS one (after STARTTLS, RFC 3207 section 4).
///
/// The dialogue driver holds one of these; the OpenSSL implementation lives in `Network/`, and
/// tests may inject a fake.
public protocol TLSUpgrading {
  /// Performs the TLS handshake over `transport` by `deadline`, returning the encrypted
  /// transport and what the handshake established.
  func upgrade(_ transport: any Transport, serverName: String, deadline: Deadline) throws
    -> (any Transport, TLSReport)
}
