import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Process-wide settings a program using the socket layer makes once, at start.
public enum ProcessSetup {
  /// Ignores SIGPIPE, so writing to a connection the peer closed fails with EPIPE (reported as
  /// `TransportError.connectionReset`) instead of killing the process.
  ///
  /// Sends already use MSG_NOSIGNAL; this also covers OpenSSL's own writes. Idempotent. The
  /// corresponding C function is `signal`.
  public static func ignoreSIGPIPE() {
    _ = signal(SIGPIPE, SIG_IGN)
  }
}
