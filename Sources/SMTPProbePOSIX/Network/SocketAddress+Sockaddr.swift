import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

extension SocketAddress {
  /// Makes an address from `sockaddr` bytes as the kernel or `getaddrinfo` return them; nil for a
  /// family other than IPv4 or IPv6.
  package init?(sockaddrBytes bytes: [UInt8]) {
    guard bytes.count >= MemoryLayout<sa_family_t>.size else { return nil }
    let rawFamily = bytes.withUnsafeBytes { $0.loadUnaligned(as: sa_family_t.self) }
    switch Int32(rawFamily) {
    case AF_INET where bytes.count >= MemoryLayout<sockaddr_in>.size:
      var v4 = sockaddr_in()
      withUnsafeMutableBytes(of: &v4) { $0.copyBytes(from: bytes.prefix($0.count)) }
      self.init(
        addressBytes: withUnsafeBytes(of: v4.sin_addr) { Array($0) },
        port: Int(UInt16(bigEndian: v4.sin_port)), scopeID: 0)
    case AF_INET6 where bytes.count >= MemoryLayout<sockaddr_in6>.size:
      var v6 = sockaddr_in6()
      withUnsafeMutableBytes(of: &v6) { $0.copyBytes(from: bytes.prefix($0.count)) }
      self.init(
        addressBytes: withUnsafeBytes(of: v6.sin6_addr) { Array($0) },
        port: Int(UInt16(bigEndian: v6.sin6_port)), scopeID: v6.sin6_scope_id)
    default:
      return nil
    }
  }

  /// `AF_INET` or `AF_INET6`.
  package var addressFamily: Int32 { family == .ipv4 ? AF_INET : AF_INET6 }

  /// Calls `body` with a `sockaddr_in` or `sockaddr_in6` for this address and its length.
  package func withSockaddr<Result>(
    _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
  ) -> Result {
    var storage = sockaddr_storage()
    let length: Int
    switch family {
    case .ipv4:
      var v4 = sockaddr_in()
      v4.sin_family = sa_family_t(AF_INET)
      v4.sin_port = in_port_t(UInt16(port).bigEndian)
      withUnsafeMutableBytes(of: &v4.sin_addr) { $0.copyBytes(from: addressBytes) }
      withUnsafeMutableBytes(of: &storage) { raw in
        withUnsafeBytes(of: v4) { raw.copyMemory(from: $0) }
      }
      length = MemoryLayout<sockaddr_in>.size
    case .ipv6:
      var v6 = sockaddr_in6()
      v6.sin6_family = sa_family_t(AF_INET6)
      v6.sin6_port = in_port_t(UInt16(port).bigEndian)
      v6.sin6_scope_id = scopeID
      withUnsafeMutableBytes(of: &v6.sin6_addr) { $0.copyBytes(from: addressBytes) }
      withUnsafeMutableBytes(of: &storage) { raw in
        withUnsafeBytes(of: v6) { raw.copyMemory(from: $0) }
      }
      length = MemoryLayout<sockaddr_in6>.size
    }
    return withUnsafePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(length)) }
    }
  }
}
