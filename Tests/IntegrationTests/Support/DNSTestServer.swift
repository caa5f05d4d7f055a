import SMTPProbeCore
import SMTPProbePOSIX
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The dnsmasq instance Scripts/servers/dnsmasq.sh starts, as the integration tests find it.
///
/// Locally a missing server skips the test; in CI (`CI=true`) it fails it, so a broken setup
/// can never pass silently.
enum DNSTestServer {
  /// Why the DNS test server cannot be used.
  struct Unavailable: Error, CustomStringConvertible {
    let description: String
  }

  /// The port dnsmasq answers on at 127.0.0.1, after checking that it answers.
  static func port() throws -> Int {
    guard let text = environment("SMTPPROBE_TEST_DNS_PORT"), let port = UInt16(text) else {
      try unavailable(
        "SMTPPROBE_TEST_DNS_PORT is not set; start dnsmasq with Scripts/test-servers start")
    }
    do {
      _ = try resolver(port: Int(port), timeoutSeconds: 1, tries: 2).mx("good.test")
    } catch {
      try unavailable("dnsmasq on 127.0.0.1:\(port) does not answer for good.test MX: \(error)")
    }
    return Int(port)
  }

  /// A libresolv resolver asking the test dnsmasq.
  static func resolver(timeoutSeconds: Int = 2, tries: Int = 2) throws -> LibresolvResolver {
    try resolver(port: port(), timeoutSeconds: timeoutSeconds, tries: tries)
  }

  static func resolver(port: Int, timeoutSeconds: Int, tries: Int) throws -> LibresolvResolver {
    let server = try DNSServerAddress(address: "127.0.0.1", port: UInt16(port))
    return LibresolvResolver(
      configuration: ResolverConfiguration(
        server: server, timeoutSeconds: timeoutSeconds, tries: tries))
  }

  /// Fails in CI, skips elsewhere.
  private static func unavailable(_ message: String) throws -> Never {
    if environment("CI") == "true" { throw Unavailable(description: message) }
    try Test.cancel(Comment(rawValue: message))
  }

  private static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}

/// A UDP socket on loopback that never answers: a DNS server that times out.
final class SilentUDPServer {
  let port: UInt16
  private let descriptor: Int32

  /// Binds 127.0.0.1 (or ::1) on a free port; nil if the family is unavailable here.
  init?(ipv6: Bool = false) {
    let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    var bound: Int32
    var found: UInt16 = 0
    if ipv6 {
      var address = sockaddr_in6()
      address.sin6_family = sa_family_t(AF_INET6)
      address.sin6_addr = in6addr_loopback
      var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
      bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
          bind(fd, raw, length) == 0 ? getsockname(fd, raw, &length) : -1
        }
      }
      found = UInt16(bigEndian: address.sin6_port)
    } else {
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
          bind(fd, raw, length) == 0 ? getsockname(fd, raw, &length) : -1
        }
      }
      found = UInt16(bigEndian: address.sin_port)
    }
    guard bound == 0 else {
      close(fd)
      return nil
    }
    descriptor = fd
    port = found
  }

  deinit {
    close(descriptor)
  }
}
