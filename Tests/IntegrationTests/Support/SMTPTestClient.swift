import SMTPProbeCore
import SMTPProbePOSIX

/// A minimal SMTP client for integration tests: SocketTransport plus ReplyParser, one command
/// at a time, with a fixed timeout per step.
final class SMTPTestClient {
  /// The peer closed before a whole reply arrived.
  struct Closed: Error {}

  let transport: SocketTransport
  let report: ConnectReport
  private var parser = ReplyParser()
  private let timeout: Double

  init(host: String = "127.0.0.1", port: Int, timeout: Double = 10) throws {
    (transport, report) = try SocketTransport.connect(
      host: host, port: port, connectTimeout: timeout)
    self.timeout = timeout
  }

  deinit { transport.close() }

  /// Reads the next complete reply.
  func readReply() throws -> Reply {
    while true {
      if let reply = try parser.next() { return reply }
      let bytes = try transport.receive(deadline: .after(seconds: timeout))
      if bytes.isEmpty { throw Closed() }
      parser.append(bytes)
    }
  }

  /// Sends `line` and CRLF.
  func send(_ line: String) throws {
    try transport.send(Array((line + "\r\n").utf8), deadline: .after(seconds: timeout))
  }

  /// Sends `line` and reads its reply.
  func command(_ line: String) throws -> Reply {
    try send(line)
    return try readReply()
  }
}
