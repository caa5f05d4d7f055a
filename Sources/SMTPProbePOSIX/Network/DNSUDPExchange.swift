import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// One query to one server over UDP, every wait bounded by a deadline (RFC 1035 4.2.1).
///
/// The socket is connected, so only the server's datagrams arrive and an ICMP port unreachable
/// shows as ECONNREFUSED. Each try sends the query and waits `timeoutSeconds`; a datagram
/// shorter than a header or with another ID is ignored and the wait goes on (RFC 5452 9.1),
/// and if nothing else came, the error says what was ignored rather than a bare timeout.
struct DNSUDPExchange {
  var server: SocketAddress
  var timeoutSeconds: Int
  var tries: Int
  var clock: any MonotonicClock = SystemClock()

  /// The largest datagram read: a UDP payload's maximum (RFC 768).
  static let maximumDatagram = 65_535

  /// Sends `query` (whose ID is `id`) and returns the first answer with that ID, parsed.
  func run(_ query: [UInt8], id: UInt16) throws(DNSError) -> DNSMessage {
    let name = server.description
    let fd: Int32
    do {
      fd = try Syscall.datagramSocket(family: server.addressFamily)
      _ = try Syscall.connect(fd, to: server)
    } catch {
      throw DNSExchangeFailure.error(error, server: name)
    }
    defer { Syscall.close(fd) }
    var ignoredIDs = 0
    var shortest: Int?
    for _ in 0..<max(1, tries) {
      do throws(any Error) {
        _ = try Syscall.send(fd, query, from: 0)
        let deadline = Deadline.after(seconds: Double(timeoutSeconds), from: clock.nowNanoseconds())
        while true {
          var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
          guard try Syscall.poll(&fds, deadline: deadline, clock: clock) > 0 else { break }
          guard let datagram = try Syscall.receive(fd, maximum: Self.maximumDatagram) else {
            continue
          }
          guard datagram.count >= 12 else {
            shortest = min(shortest ?? datagram.count, datagram.count)
            continue
          }
          guard UInt16(datagram[0]) << 8 | UInt16(datagram[1]) == id else {
            ignoredIDs += 1
            continue
          }
          return try DNSExchangeFailure.parse(datagram, server: name)
        }
      } catch let error as SyscallError {
        throw DNSExchangeFailure.error(error, server: name)
      } catch let error as DNSError {
        throw error
      } catch {
        throw .system(call: "recv", errno: EIO, message: "\(error)")
      }
    }
    if ignoredIDs > 0 {
      throw .wrongID(server: name, ignored: ignoredIDs, seconds: timeoutSeconds, tries: tries)
    }
    if let shortest { throw .shortPacket(server: name, bytes: shortest) }
    throw .timedOut(server: name, seconds: timeoutSeconds, tries: tries)
  }
}
