extension AddressFamilyPreference {
  /// The address record types to ask for: A for IPv4, AAAA for IPv6 (RFC 1035, RFC 3596).
  var addressRecordTypes: [DNSRecordType] {
    switch self {
    case .any: [.a, .aaaa]
    case .ipv4: [.a]
    case .ipv6: [.aaaa]
    }
  }
}
