/// Why a SOCKS5 handshake failed, as the proxy's bytes showed it (RFC 1928, RFC 1929).
///
/// Pure facts of the exchange; which hop failed, and the sentence, come from `ProxyFailure`.
public enum SOCKS5Error: Error, Hashable, Sendable {
  /// The first octet of a reply was not the protocol version (5, or 1 for RFC 1929's
  /// sub-negotiation): the peer is no SOCKS5 proxy (an SMTP or HTTP server answers "22" or
  /// "HT"). `octets` are the first bytes it sent.
  case notSOCKS5(step: SOCKS5Handshake.Step, octets: [UInt8])
  /// The proxy accepts none of the methods offered (METHOD X'FF', RFC 1928 section 3).
  case noAcceptableMethod(offeredPassword: Bool)
  /// The proxy chose a method that was not offered.
  case unofferedMethod(UInt8)
  /// The proxy refused the user name and password (a non-zero STATUS, RFC 1929 section 2).
  case authenticationRefused(status: UInt8)
  /// The proxy answered CONNECT with a failure code (RFC 1928 section 6).
  case connectFailed(SOCKS5ReplyCode)
  /// The CONNECT reply carries an address type RFC 1928 section 5 does not define.
  case unknownAddressType(UInt8)
  /// The proxy closed the connection before its reply to `step` was complete.
  case closed(step: SOCKS5Handshake.Step)
  /// The proxy sent more octets than its reply to `step` has, before we spoke again.
  case unexpectedOctets(step: SOCKS5Handshake.Step)

  /// What went wrong, in a clause: "refused the user name and password (RFC 1929 status
  /// 0x01)".
  public var reason: String {
    switch self {
    case .notSOCKS5(let step, let octets):
      "does not speak SOCKS5: its reply to the \(step) starts "
        + octets.prefix(2).map(Hex.octet).joined(separator: " ")
    case .noAcceptableMethod(let offeredPassword):
      offeredPassword
        ? "accepts neither no authentication nor a user name and password (RFC 1928 3)"
        : "requires authentication: give --proxy socks5://USER@HOST:PORT and "
          + "SMTPPROBE_PROXY_PASSWORD"
    case .unofferedMethod(let method):
      "chose authentication method \(Hex.octet(method)), which was not offered (RFC 1928 3)"
    case .authenticationRefused(let status):
      "refused the user name and password (RFC 1929 status \(Hex.octet(status)))"
    case .connectFailed(let code):
      code.description
    case .unknownAddressType(let type):
      "sent address type \(Hex.octet(type)) in its CONNECT reply, which RFC 1928 5 does not define"
    case .closed(let step):
      "closed the connection during the \(step)"
    case .unexpectedOctets(let step):
      "sent more than its reply during the \(step)"
    }
  }
}
