/// Which IP versions a connection may use: the CLI's `-4` and `-6`.
public enum AddressFamilyPreference: String, Hashable, Sendable, CaseIterable {
  /// IPv4 and IPv6, in the order the resolver returns them.
  case any
  /// Only IPv4 (`-4`).
  case ipv4
  /// Only IPv6 (`-6`).
  case ipv6

  /// Whether an address of `family` may be used.
  public func allows(_ family: SocketAddress.Family) -> Bool {
    switch self {
    case .any: true
    case .ipv4: family == .ipv4
    case .ipv6: family == .ipv6
    }
  }
}
