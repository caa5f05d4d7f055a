/// Why no connection could be made to a host: resolution failed, or every address failed.
public enum ConnectFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// The host name did not resolve to a usable address.
  case resolution(SocketError)
  /// Every address was tried and failed; `attempts` lists each, in order.
  case allAttemptsFailed(host: String, port: Int, attempts: [ConnectAttempt])

  /// The addresses tried, in order (empty when resolution failed).
  public var attempts: [ConnectAttempt] {
    switch self {
    case .resolution: []
    case .allAttemptsFailed(_, _, let attempts): attempts
    }
  }

  /// "cannot connect to mx.example.org port 25: 192.0.2.1:25: connection refused; ...".
  public var description: String {
    switch self {
    case .resolution(let error):
      "cannot resolve \(error)"
    case .allAttemptsFailed(let host, let port, let attempts):
      "cannot connect to \(host) port \(port): "
        + attempts.map(\.description).joined(separator: "; ")
    }
  }
}

extension ConnectFailure {
  /// The SOCKS5 proxy's failure, when the last attempt went through a proxy that failed.
  public var proxyFailure: ProxyFailure? {
    guard case .proxy(let failure)? = attempts.last?.error else { return nil }
    return failure
  }
}
