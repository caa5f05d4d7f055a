/// A byte pipe to an SMTP server: the only thing the dialogue driver does I/O through.
///
/// `SocketTransport` implements it over POSIX sockets, a TLS transport over OpenSSL, and tests
/// use a scripted in-memory peer. Every call takes a deadline; none blocks past it.
public protocol Transport: AnyObject {
  /// Writes all of `bytes`, or throws.
  func send(_ bytes: [UInt8], deadline: Deadline) throws(TransportError)
  /// Returns the next bytes available (at least one), or an empty array when the peer closed.
  func receive(deadline: Deadline) throws(TransportError) -> [UInt8]
  /// Closes the connection; safe to call twice.
  func close()
}

/// Why a transport operation failed, with the context for one clear line.
public enum TransportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The deadline passed; `phase` names what we were waiting for ("greeting", "reply to RCPT").
  case timedOut(phase: String, seconds: Double)
  /// The peer reset the connection or a write found it gone.
  case connectionReset
  /// A system call failed; `call` is the C function, `errno` its error number.
  case system(call: String, errno: Int32, message: String)
  /// The connection is already closed.
  case closed
  /// The whole run's limit (`--max-time`, `seconds`) passed while waiting for `phase` ("the
  /// reply to RCPT TO", or "to send MAIL FROM" at a command boundary).
  case runTimeLimit(phase: String, seconds: Double)
  /// The user asked the run to stop (a signal) while it waited for `phase`.
  case interrupted(phase: String)

  public var description: String {
    switch self {
    case .timedOut(let phase, let seconds):
      "timed out after \(Self.format(seconds)) s waiting for \(phase)"
    case .connectionReset:
      "the server reset the connection"
    case .system(let call, let errno, let message):
      "\(call) failed: \(message) (errno \(errno))"
    case .closed:
      "the connection is closed"
    case .runTimeLimit(let phase, let seconds):
      "--max-time \(Self.format(seconds)) s reached while waiting "
        + "\(phase.hasPrefix("to ") ? "" : "for ")\(phase)"
    case .interrupted(let phase):
      "interrupted while waiting \(phase.hasPrefix("to ") ? "" : "for ")\(phase)"
    }
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
