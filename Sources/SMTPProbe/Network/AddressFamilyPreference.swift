/// Which IP address families a connection may use: `-4` restricts to IPv4, `-6` to IPv6.
public enum AddressFamilyPreference: Sendable, Hashable {
  /// IPv4 and IPv6 (the default).
  case any
  /// IPv4 only (`-4`).
  case ipv4
  /// IPv6 only (`-6`).
  case ipv6
}
