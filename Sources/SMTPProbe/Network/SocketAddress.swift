#if canImport(Glibc)
  import Glibc
#endif

/// One IPv4 or IPv6 socket address (numeric host and port), as `connect` takes it.
///
/// It keeps the raw `sockaddr_in`/`sockaddr_in6` bytes (so an IPv6 scope id survives) next to
/// the numeric text, written `192.0.2.1:25` or `[2001:db8::1]:25` as in RFC 3986 section 3.2.2.
public struct SocketAddress: Hashable, Sendable, CustomStringConvertible {
  /// The IP version of an address.
  public enum Family: String, Hashable, Sendable {
    case ipv4
    case ipv6
  }

  public let family: Family
  /// The numeric host: `127.0.0.1` or `::1`.
  public let host: String
  public let port: Int
  /// The `sockaddr_in` or `sockaddr_in6` bytes.
  package let sockaddrBytes: [UInt8]

  /// Makes an address from an IPv4 or IPv6 address (brackets allowed, `IPAddress`'s forms only)
  /// and a port; nil when `numericHost` is not an IP address.
  public init?(numericHost: String, port: Int) {
    guard let address = IPAddress(unbracketing: numericHost) else { return nil }
    self.init(address, port: port)
  }

  /// Makes the `sockaddr_in` or `sockaddr_in6` for `address` and `port`; nil for a port
  /// outside 0-65535.
  public init?(_ address: IPAddress, port: Int) {
    guard (0...65535).contains(port) else { return nil }
    switch address {
    case .v4(let bytes):
      var v4 = sockaddr_in()
      v4.sin_family = sa_family_t(AF_INET)
      v4.sin_port = in_port_t(UInt16(port).bigEndian)
      withUnsafeMutableBytes(of: &v4.sin_addr) { $0.copyBytes(from: bytes) }
      self.init(sockaddrBytes: withUnsafeBytes(of: v4) { Array($0) })
    case .v6(let bytes):
      var v6 = sockaddr_in6()
      v6.sin6_family = sa_family_t(AF_INET6)
      v6.sin6_port = in_port_t(UInt16(port).bigEndian)
      withUnsafeMutableBytes(of: &v6.sin6_addr) { $0.copyBytes(from: bytes) }
      self.init(sockaddrBytes: withUnsafeBytes(of: v6) { Array($0) })
    }
  }

  /// Makes an address from `sockaddr` bytes as the kernel or `getaddrinfo` return them.
  ///
  /// nil for a family other than IPv4 or IPv6. The host text is `IPAddress`'s.
  package init?(sockaddrBytes bytes: [UInt8]) {
    guard bytes.count >= MemoryLayout<sa_family_t>.size else { return nil }
    let rawFamily = bytes.withUnsafeBytes { $0.loadUnaligned(as: sa_family_t.self) }
    switch Int32(rawFamily) {
    case AF_INET where bytes.count >= MemoryLayout<sockaddr_in>.size:
      var v4 = sockaddr_in()
      withUnsafeMutableBytes(of: &v4) { $0.copyBytes(from: bytes.prefix($0.count)) }
      host = IPAddress.v4(withUnsafeBytes(of: v4.sin_addr) { Array($0) }).description
      family = .ipv4
      port = Int(UInt16(bigEndian: v4.sin_port))
      sockaddrBytes = withUnsafeBytes(of: v4) { Array($0) }
    case AF_INET6 where bytes.count >= MemoryLayout<sockaddr_in6>.size:
      var v6 = sockaddr_in6()
      withUnsafeMutableBytes(of: &v6) { $0.copyBytes(from: bytes.prefix($0.count)) }
      host = IPAddress.v6(withUnsafeBytes(of: v6.sin6_addr) { Array($0) }).description
      family = .ipv6
      port = Int(UInt16(bigEndian: v6.sin6_port))
      sockaddrBytes = withUnsafeBytes(of: v6) { Array($0) }
    default:
      return nil
    }
  }

  /// `AF_INET` or `AF_INET6`.
  package var addressFamily: Int32 { family == .ipv4 ? AF_INET : AF_INET6 }

  /// `host:port`, with the IPv6 host in brackets.
  public var description: String {
    family == .ipv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  /// Calls `body` with a `sockaddr` pointer and its length.
  package func withSockaddr<Result>(
    _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
  ) -> Result {
    var storage = sockaddr_storage()
    withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: sockaddrBytes) }
    let length = socklen_t(sockaddrBytes.count)
    return withUnsafePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
    }
  }
}
