/// Which IP versions to connect over: `-4`, `-6`, or either.
enum AddressFamilyPreference: Hashable, Sendable {
  case any
  case ipv4Only
  case ipv6Only
}
