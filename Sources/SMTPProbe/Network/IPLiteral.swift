#if canImport(Glibc)
  import Glibc
#endif

/// Tells IP address literals from host names; SNI is only for host names (RFC 6066 section 3).
enum IPLiteral {
  /// `name` without the brackets of an IPv6 literal (`[::1]` → `::1`).
  static func unbracketed(_ name: String) -> String {
    if name.hasPrefix("["), name.hasSuffix("]") { return String(name.dropFirst().dropLast()) }
    return name
  }

  /// Whether `name` is an IPv4 or IPv6 address (`inet_pton`), with or without brackets.
  static func isIPLiteral(_ name: String) -> Bool {
    let bare = unbracketed(name)
    var buffer = [UInt8](repeating: 0, count: 16)
    return inet_pton(AF_INET, bare, &buffer) == 1 || inet_pton(AF_INET6, bare, &buffer) == 1
  }
}
