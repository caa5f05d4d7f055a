import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// How the DNS exchanges turn socket errors and unparsable bytes into `DNSError`s.
enum DNSExchangeFailure {
  /// A failed socket call as a DNSError: nothing listening or no route is `unreachable`,
  /// anything else a system error naming the call.
  static func error(_ error: SyscallError, server: String) -> DNSError {
    switch error.errno {
    case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, ECONNRESET:
      .unreachable(server: server, message: error.message)
    default:
      .system(call: error.call, errno: error.errno, message: error.message)
    }
  }

  /// Parses an answer, or says why it is malformed.
  static func parse(_ bytes: [UInt8], server: String) throws(DNSError) -> DNSMessage {
    do {
      return try DNSMessage(parsing: bytes)
    } catch {
      throw .malformedAnswer(server: server, reason: error.description)
    }
  }
}
