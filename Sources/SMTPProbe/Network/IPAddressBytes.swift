#if canImport(Glibc)
  import Glibc
#endif

/// Text to bytes for IP addresses.
///
/// The corresponding C function is `inet_pton`.
enum IPAddressBytes {
  /// The 4 (IPv4) or 16 (IPv6) bytes of `text`, or nil if it is not an IP address.
  static func parse(_ text: String) -> [UInt8]? {
    var v4 = in_addr()
    if inet_pton(AF_INET, text, &v4) == 1 {
      return withUnsafeBytes(of: &v4) { Array($0) }
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, text, &v6) == 1 {
      return withUnsafeBytes(of: &v6) { Array($0) }
    }
    return nil
  }

  /// The text form of 4 or 16 address bytes: dotted quad, or RFC 5952 IPv6.
  static func text(_ bytes: [UInt8]) -> String {
    bytes.count == 16 ? ipv6Text(bytes) : bytes.map(String.init).joined(separator: ".")
  }

  /// An IPv6 address in RFC 5952 form: lower-case hex, the longest run (2+) of zero groups as "::".
  static func ipv6Text(_ bytes: [UInt8]) -> String {
    let groups = (0..<8).map { UInt16(bytes[$0 * 2]) << 8 | UInt16(bytes[$0 * 2 + 1]) }
    var bestStart = -1
    var bestLength = 1
    var index = 0
    while index < 8 {
      guard groups[index] == 0 else {
        index += 1
        continue
      }
      var runEnd = index
      while runEnd < 8 && groups[runEnd] == 0 { runEnd += 1 }
      if runEnd - index > bestLength {
        bestStart = index
        bestLength = runEnd - index
      }
      index = runEnd
    }
    let hex = groups.map { String($0, radix: 16) }
    guard bestStart >= 0 else { return hex.joined(separator: ":") }
    let head = hex[..<bestStart].joined(separator: ":")
    let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
    return head + "::" + tail
  }
}
