import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// One query to one server over TCP, after a truncated UDP answer (RFC 1035 4.2.2, RFC 7766).
///
/// The message travels with a two-octet length prefix. Connecting, writing and reading share
/// one deadline of `timeoutSeconds`, so a server that accepts and never answers costs that long
/// and is reported as stalled; one that closes early is reported as closed.
struct DNSTCPExchange {
  var server: SocketAddress
  var timeoutSeconds: Int
  var clock: any MonotonicClock = SystemClock()

  /// Sends `query` (whose ID is `id`) and returns the whole answer, parsed.
  func run(_ query: [UInt8], id: UInt16) throws(DNSError) -> DNSMessage {
    let name = server.description
    let deadline = Deadline.after(seconds: Double(timeoutSeconds), from: clock.nowNanoseconds())
    var received: [UInt8] = []
    do throws(any Error) {
      let fd = try Syscall.socket(family: server.addressFamily, nonBlocking: true)
      defer { Syscall.close(fd) }
      if !(try Syscall.connect(fd, to: server)) {
        guard try wait(fd, for: POLLOUT, until: deadline) else {
          throw DNSError.timedOut(server: name, seconds: timeoutSeconds, tries: 1)
        }
        let pending = try Syscall.pendingError(fd)
        if pending != 0 { throw SyscallError(call: "connect", errno: pending) }
      }
      let framed = [UInt8(query.count >> 8), UInt8(query.count & 0xFF)] + query
      var sent = 0
      while sent < framed.count {
        guard try wait(fd, for: POLLOUT, until: deadline) else {
          throw DNSError.tcpStalled(server: name, seconds: timeoutSeconds, receivedBytes: 0)
        }
        sent += try Syscall.send(fd, framed, from: sent)
      }
      while received.count < 2 || received.count < 2 + Self.length(received) {
        guard try wait(fd, for: POLLIN, until: deadline) else {
          throw DNSError.tcpStalled(
            server: name, seconds: timeoutSeconds, receivedBytes: received.count)
        }
        guard let chunk = try Syscall.receive(fd, maximum: 65_537 - received.count) else {
          continue
        }
        if chunk.isEmpty { throw DNSError.tcpClosed(server: name, receivedBytes: received.count) }
        received += chunk
      }
    } catch let error as SyscallError {
      throw DNSExchangeFailure.error(error, server: name)
    } catch let error as DNSError {
      throw error
    } catch {
      throw .system(call: "recv", errno: EIO, message: "\(error)")
    }
    let message = Array(received[2..<(2 + Self.length(received))])
    guard message.count >= 12 else { throw .shortPacket(server: name, bytes: message.count) }
    let answer = try DNSExchangeFailure.parse(message, server: name)
    guard answer.id == id else {
      throw .malformedAnswer(server: name, reason: "the TCP answer's ID does not match the query")
    }
    return answer
  }

  /// The length prefix of a framed message (RFC 1035 4.2.2).
  private static func length(_ bytes: [UInt8]) -> Int {
    Int(bytes[0]) << 8 | Int(bytes[1])
  }

  /// Waits for `event` on `fd`; false once the deadline passed.
  private func wait(_ fd: Int32, for event: Int32, until deadline: Deadline) throws(SyscallError)
    -> Bool
  {
    var fds = [pollfd(fd: fd, events: Int16(event), revents: 0)]
    return try Syscall.poll(&fds, deadline: deadline, clock: clock) > 0
  }
}
