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
}
