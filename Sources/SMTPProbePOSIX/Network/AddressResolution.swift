import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Host name or numeric address to TCP socket addresses, through the system resolver.
public enum AddressResolution {
  /// Resolves `host` (a name, an IPv4 address, or an IPv6 address with or without brackets) to the
  /// addresses of `port` that `family` allows, in the resolver's order (RFC 6724 sorting by glibc).
  ///
  /// AI_ADDRCONFIG is not used, so `::1` works on machines without a global IPv6 address. The
  /// corresponding C function is `getaddrinfo`.
  public static func resolve(
    host: String, port: Int, family: AddressFamilyPreference
  ) throws(SocketError) -> [SocketAddress] {
    var name = host
    if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
    let hint: Int32 =
      switch family {
      case .any: AF_UNSPEC
      case .ipv4: AF_INET
      case .ipv6: AF_INET6
      }
    switch Syscall.getaddrinfo(host: name, port: port, family: hint) {
    case .success(let addresses):
      let allowed = addresses.filter { family.allows($0.family) }
      if allowed.isEmpty { throw .noAddress(host: host, family: family) }
      return allowed
    case .failure(let failure):
      // A name with addresses of the other family only fails here (EAI_ADDRFAMILY or
      // EAI_NODATA, GNU codes); asking for any family tells that apart from a bad name.
      if family != .any,
        case .success(let any) = Syscall.getaddrinfo(host: name, port: port, family: AF_UNSPEC),
        !any.isEmpty
      {
        throw .noAddress(host: host, family: family)
      }
      throw .resolutionFailed(host: host, message: failure.message)
    }
  }
}
