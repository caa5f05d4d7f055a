/// Why a connection through the SOCKS5 proxy failed, and at which hop: the proxy itself, its
/// authentication, or the proxy's own connection to the destination.
///
/// Kept in the connect attempt of the destination address (`SocketError.proxy`), so the text
/// and JSON renderers show it where they show any other connect failure, and judgements can
/// tell a proxy's failure from the destination's silence (a proxy failure never says port 25
/// is blocked here, and never that an address is undeliverable).
public struct ProxyFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// The link of the chain that failed.
  public enum Hop: String, Hashable, Sendable {
    /// We could not reach the proxy, or it did not speak SOCKS5 properly.
    case proxy
    /// The proxy refused our authentication, or offers no method we can use.
    case authentication
    /// The proxy could not reach the destination (RFC 1928 section 6's unreachable, refused
    /// and TTL codes, or no CONNECT reply in time).
    case destination
  }

  /// What happened.
  public enum Kind: Hashable, Sendable {
    /// The TCP connection to the proxy failed.
    case unreachable(SocketError)
    /// The proxy did not finish its reply to `step` within the connect timeout.
    case timedOut(step: SOCKS5Handshake.Step, seconds: Double)
    /// Reading or writing the proxy connection failed during `step`.
    case transport(step: SOCKS5Handshake.Step, TransportError)
    /// The proxy's reply said no, or was not SOCKS5.
    case handshake(SOCKS5Error)
  }

  /// The proxy as dialled, `HOST:PORT` (never the user name or password).
  public var proxy: String
  public var kind: Kind

  public init(proxy: String, kind: Kind) {
    self.proxy = proxy
    self.kind = kind
  }

  /// Which hop failed.
  public var hop: Hop {
    switch kind {
    case .unreachable, .transport: .proxy
    case .timedOut(let step, _): step == .connect ? .destination : .proxy
    case .handshake(let error):
      switch error {
      case .noAcceptableMethod, .unofferedMethod, .authenticationRefused: .authentication
      case .connectFailed(let code): code.isAboutDestination ? .destination : .proxy
      default: .proxy
      }
    }
  }

  /// Whether the failure came before the proxy was asked for a destination (connecting to
  /// it, method selection, authentication), so every other address would fail the same way;
  /// a refused CONNECT (RFC 1928 6), even by the proxy's ruleset, concerns one destination.
  public var precedesConnect: Bool {
    switch kind {
    case .unreachable: true
    case .timedOut(let step, _), .transport(let step, _): step != .connect
    case .handshake(let error):
      switch error {
      case .notSOCKS5(let step, _), .closed(let step), .unexpectedOctets(let step):
        step != .connect
      case .noAcceptableMethod, .unofferedMethod, .authenticationRefused: true
      case .connectFailed, .unknownAddressType: false
      }
    }
  }

  /// One line naming the hop first: "proxy unreachable: ...", "proxy authentication refused:
  /// ...", "the proxy could not reach the host: ...".
  public var description: String {
    switch (hop, kind) {
    case (_, .unreachable(let error)):
      "proxy unreachable: \(error.description)"
    case (.destination, .timedOut(_, let seconds)):
      "the proxy \(proxy) could not reach the host: no CONNECT reply within "
        + "\(TimeText.seconds(seconds)) s"
    case (_, .timedOut(let step, let seconds)):
      "proxy unreachable: \(proxy) did not answer the \(step) within \(TimeText.seconds(seconds)) s"
    case (_, .transport(let step, let error)):
      "proxy unreachable: \(proxy) failed during the \(step): \(error)"
    case (.authentication, .handshake(let error)):
      "proxy authentication refused: \(proxy) \(error.reason)"
    case (.destination, .handshake(let error)):
      "the proxy \(proxy) could not reach the host: \(error.reason)"
    case (_, .handshake(let error)):
      "proxy failed: \(proxy) \(error.reason)"
    }
  }
}
