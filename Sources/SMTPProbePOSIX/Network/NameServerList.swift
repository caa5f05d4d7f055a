import CResolv
import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// The name servers, per-try timeout and tries of /etc/resolv.conf, as libresolv reads them.
///
/// Only the configuration comes from libresolv (`res_ninit`, resolv.conf(5)): its defaults
/// (127.0.0.1 when no `nameserver` line, RES_TIMEOUT 5 s, RES_DFLRETRY 2 tries) and its
/// `options timeout:n attempts:n`. The exchange itself is ours (DNSUDPExchange), so that
/// every wait has a deadline.
struct NameServerList: Sendable {
  var servers: [SocketAddress]
  var timeoutSeconds: Int
  var tries: Int

  /// Reads the system configuration.
  ///
  /// The corresponding C functions are `res_ninit` and `res_nclose`.
  static func system() throws(DNSError) -> NameServerList {
    guard let state = smtpprobe_res_new() else {
      let code = errno
      throw .system(call: "res_ninit", errno: code, message: String(cString: strerror(code)))
    }
    defer { smtpprobe_res_free(state) }
    var servers: [SocketAddress] = []
    for index in 0..<smtpprobe_res_count(state) {
      guard let address = smtpprobe_res_server(state, index) else { continue }
      let length =
        address.pointee.sa_family == sa_family_t(AF_INET6)
        ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size
      let bytes = Array(UnsafeRawBufferPointer(start: address, count: length))
      if let server = SocketAddress(sockaddrBytes: bytes) { servers.append(server) }
    }
    if servers.isEmpty, let loopback = SocketAddress(numericHost: "127.0.0.1", port: 53) {
      servers = [loopback]
    }
    return NameServerList(
      servers: servers, timeoutSeconds: Int(smtpprobe_res_timeout(state)),
      tries: Int(smtpprobe_res_tries(state)))
  }
}
