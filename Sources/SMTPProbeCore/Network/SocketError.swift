/// Why resolving a host or connecting to one of its addresses failed, in one line.
public enum SocketError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The peer answered with a reset: nothing listens on that port (ECONNREFUSED).
  case refused(SocketAddress)
  /// No answer within the connect timeout.
  case timedOut(SocketAddress, seconds: Double)
  /// No route to the network (ENETUNREACH).
  case networkUnreachable(SocketAddress)
  /// No route to the host (EHOSTUNREACH).
  case hostUnreachable(SocketAddress)
  /// This machine cannot use the address's family, as when IPv6 is disabled (EAFNOSUPPORT).
  case addressFamilyNotSupported(SocketAddress)
  /// `getaddrinfo` failed; `message` is the resolver's `gai_strerror` text.
  case resolutionFailed(host: String, message: String)
  /// The host has addresses, but none of the family the user allowed (`-4`/`-6`).
  case noAddress(host: String, family: AddressFamilyPreference)
  /// Any other system call failure, with the call, its errno and `strerror`'s text.
  case system(call: String, errno: Int32, message: String, address: SocketAddress?)
  /// The SOCKS5 proxy (`--proxy`) failed at one of its hops; the attempt names the
  /// destination address.
  indirect case proxy(ProxyFailure)

  /// The address this error is about, if any.
  public var address: SocketAddress? {
    switch self {
    case .refused(let address), .timedOut(let address, _), .networkUnreachable(let address),
      .hostUnreachable(let address), .addressFamilyNotSupported(let address):
      address
    case .system(_, _, _, let address): address
    case .resolutionFailed, .noAddress, .proxy: nil
    }
  }

  /// A short reason without the address: "refused", "timed out after 10 s".
  public var reason: String {
    switch self {
    case .refused: "connection refused"
    case .timedOut(_, let seconds): "timed out after \(TimeText.seconds(seconds)) s"
    case .networkUnreachable: "network unreachable"
    case .hostUnreachable: "host unreachable"
    case .addressFamilyNotSupported: "address family not supported on this machine"
    case .resolutionFailed(_, let message): "name resolution failed: \(message)"
    case .noAddress(_, let family): "no \(family == .ipv6 ? "IPv6" : "IPv4") address"
    case .system(let call, let code, let message, _):
      "\(call) failed: \(message) (errno \(code))"
    case .proxy(let failure): failure.description
    }
  }

  public var description: String {
    switch self {
    case .resolutionFailed(let host, _), .noAddress(let host, _):
      "\(host): \(reason)"
    default:
      address.map { "\($0): \(reason)" } ?? reason
    }
  }
}

/// Formats durations for messages: whole seconds without a fraction.
enum TimeText {
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
