import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// A listening socket opened by a test on a loopback address, port 0 (the kernel picks one).
final class LoopbackListener {
  let fd: Int32
  let address: SocketAddress

  init(host: String = "127.0.0.1", port: Int = 0, backlog: Int32 = 8) throws {
    guard let wanted = SocketAddress(numericHost: host, port: port) else {
      throw SyscallError(call: "inet_pton", errno: EINVAL)
    }
    fd = try Syscall.socket(family: wanted.addressFamily, nonBlocking: false)
    do {
      try Syscall.setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
      try Syscall.bind(fd, to: wanted)
      try Syscall.listen(fd, backlog: backlog)
      address = try Syscall.localAddress(fd)
    } catch {
      Syscall.close(fd)
      throw error
    }
  }

  deinit { Syscall.close(fd) }

  var port: Int { address.port }

  /// Accepts one connection (blocking).
  func accept() throws -> Int32 { try Syscall.accept(fd) }

  /// A port that nothing listens on: bound, then closed.
  static func closedPort() throws -> Int {
    try LoopbackListener().port
  }
}
