import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

extension SocketError {
  /// Maps the errno of a failed connect to `address` onto a case.
  package init(connectErrno code: Int32, call: String = "connect", address: SocketAddress) {
    switch code {
    case ECONNREFUSED: self = .refused(address)
    case ENETUNREACH: self = .networkUnreachable(address)
    case EHOSTUNREACH: self = .hostUnreachable(address)
    case EAFNOSUPPORT: self = .addressFamilyNotSupported(address)
    default:
      self = .system(
        call: call, errno: code, message: String(cString: strerror(code)), address: address)
    }
  }
}
