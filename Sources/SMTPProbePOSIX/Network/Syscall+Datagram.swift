import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

extension Syscall {
  /// Creates a close-on-exec, non-blocking UDP socket (what a DNS query over UDP needs).
  ///
  /// The corresponding C function is `socket`.
  package static func datagramSocket(family: Int32) throws(SyscallError) -> Int32 {
    let type =
      Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
    let fd = Glibc.socket(family, type, 0)
    if fd == -1 { throw SyscallError(call: "socket", errno: errno) }
    return fd
  }
}
