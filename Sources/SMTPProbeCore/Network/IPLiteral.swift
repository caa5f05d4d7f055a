/// Tells IP address literals from host names; SNI is only for host names (RFC 6066 section 3).
package enum IPLiteral {
  /// `name` without the brackets of an IPv6 literal (`[::1]` → `::1`).
  package static func unbracketed(_ name: String) -> String {
    if name.hasPrefix("["), name.hasSuffix("]") { return String(name.dropFirst().dropLast()) }
    return name
  }

  /// Whether `name` is an IPv4 or IPv6 address, with or without brackets.
  package static func isIPLiteral(_ name: String) -> Bool {
    IPAddressBytes.parse(unbracketed(name)) != nil
  }
}
