import Foundation
import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// A DNS stub on 127.0.0.1 (UDP and TCP on one ephemeral port) that answers as a test says,
/// well or badly, in this process.
///
/// `udp` makes the datagram sent back for each query (nil: no answer); `tcp` says what the TCP
/// side does with a connection; `decoys` makes datagrams sent before the answer (a spoofer's). The server counts the queries and TCP connections it saw.
final class HostileDNSServer: @unchecked Sendable {
  /// What the TCP side does after accepting.
  enum TCPBehaviour: Sendable {
    /// Reads the query and never answers (until the client closes).
    case stall
    /// Reads the query and closes without a word.
    case close
    /// Answers with `udp`'s bytes for the query, framed with the 2-octet length.
    case answer
  }

  let port: UInt16
  private let udpFD: Int32
  private let tcpListener: LoopbackListener
  private let udp: @Sendable (DNSStubQuery) -> [UInt8]?
  private let tcp: TCPBehaviour
  private let decoys: @Sendable (DNSStubQuery) -> [[UInt8]]
  private let lock = NSLock()
  private var queries = 0
  private var connections = 0

  init(
    tcp: TCPBehaviour = .answer,
    decoys: @escaping @Sendable (DNSStubQuery) -> [[UInt8]] = { _ in [] },
    udp: @escaping @Sendable (DNSStubQuery) -> [UInt8]?
  ) throws {
    // The TCP listener picks the port; the UDP socket takes the same one.
    var tries = 0
    while true {
      let listener = try LoopbackListener()
      let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
      guard let address = SocketAddress(numericHost: "127.0.0.1", port: listener.port), fd >= 0
      else { throw SyscallError(call: "socket", errno: errno) }
      do {
        try Syscall.bind(fd, to: address)
        tcpListener = listener
        udpFD = fd
        port = UInt16(listener.port)
        break
      } catch {
        Syscall.close(fd)
        tries += 1
        if tries > 20 { throw error }
      }
    }
    self.udp = udp
    self.tcp = tcp
    self.decoys = decoys
    // Holds the server only for one poll at a time, so that dropping it ends the thread.
    Thread { [weak self] in
      while let server = self, server.serveOnce() {}
    }.start()
  }

  deinit { Syscall.close(udpFD) }

  /// `127.0.0.1:PORT`, as `--dns-server` takes it.
  var address: String { "127.0.0.1:\(port)" }

  /// UDP queries and TCP connections seen so far.
  var counts: (queries: Int, tcpConnections: Int) {
    lock.lock()
    defer { lock.unlock() }
    return (queries, connections)
  }

  /// Waits up to 100 ms for a datagram or a connection and serves it; always true.
  private func serveOnce() -> Bool {
    var fds = [
      pollfd(fd: udpFD, events: Int16(POLLIN), revents: 0),
      pollfd(fd: tcpListener.fd, events: Int16(POLLIN), revents: 0),
    ]
    guard poll(&fds, 2, 100) > 0 else { return true }
    if fds[0].revents != 0 { answerDatagram() }
    if fds[1].revents != 0, let client = try? tcpListener.accept() {
      lock.lock()
      connections += 1
      lock.unlock()
      let (udp, tcp) = (self.udp, self.tcp)
      Thread { Self.serveStream(client, tcp, udp) }.start()
    }
    return true
  }

  private func answerDatagram() {
    var buffer = [UInt8](repeating: 0, count: 4096)
    var peer = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let count = withUnsafeMutablePointer(to: &peer) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        recvfrom(udpFD, &buffer, buffer.count, 0, $0, &length)
      }
    }
    guard count > 0, let query = DNSStubQuery(Array(buffer.prefix(count))) else { return }
    lock.lock()
    queries += 1
    lock.unlock()
    for datagram in decoys(query) + [udp(query)].compactMap({ $0 }) {
      _ = withUnsafePointer(to: &peer) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          sendto(udpFD, datagram, datagram.count, 0, $0, length)
        }
      }
    }
  }

  private static func serveStream(
    _ fd: Int32, _ behaviour: TCPBehaviour, _ udp: (DNSStubQuery) -> [UInt8]?
  ) {
    defer { Syscall.close(fd) }
    var received: [UInt8] = []
    while received.count < 2 || received.count < 2 + (Int(received[0]) << 8 | Int(received[1])) {
      guard let chunk = try? Syscall.receive(fd, maximum: 4096), !chunk.isEmpty else { return }
      received += chunk
    }
    switch behaviour {
    case .close:
      return
    case .stall:
      while let chunk = try? Syscall.receive(fd, maximum: 4096), !chunk.isEmpty {}
    case .answer:
      guard let query = DNSStubQuery(Array(received.dropFirst(2))), var answer = udp(query)
      else { return }
      answer[2] &= ~0x02  // TC off: over TCP it is whole
      let framed = [UInt8(answer.count >> 8), UInt8(answer.count & 0xFF)] + answer
      _ = try? Syscall.send(fd, framed, from: 0)
      while let chunk = try? Syscall.receive(fd, maximum: 4096), !chunk.isEmpty {}
    }
  }
}

/// A query as the stub saw it, and the answers it can build (RFC 1035 4.1).
struct DNSStubQuery: Sendable {
  var id: UInt16
  /// The question name, lower-cased, without the final dot.
  var name: String
  var type: UInt16
  /// The question section's bytes, echoed in every answer.
  var question: [UInt8]

  init?(_ bytes: [UInt8]) {
    guard bytes.count > 12 else { return nil }
    id = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    var offset = 12
    var labels: [String] = []
    while offset < bytes.count, bytes[offset] != 0 {
      let length = Int(bytes[offset])
      guard offset + 1 + length < bytes.count else { return nil }
      labels.append(String(decoding: bytes[(offset + 1)...(offset + length)], as: UTF8.self))
      offset += 1 + length
    }
    guard offset + 4 < bytes.count else { return nil }
    type = UInt16(bytes[offset + 1]) << 8 | UInt16(bytes[offset + 2])
    question = Array(bytes[12...(offset + 4)])
    name = labels.joined(separator: ".").lowercased()
  }

  /// A record for the answer section: owner name, type and RDATA.
  struct Record {
    var name: String
    var type: UInt16
    var data: [UInt8]

    static func a(_ name: String, _ address: [UInt8]) -> Record {
      Record(name: name, type: 1, data: address)
    }
    static func cname(_ name: String, _ target: String) -> Record {
      Record(name: name, type: 5, data: DNSStubQuery.encode(target))
    }
    static func mx(_ name: String, _ preference: UInt16, _ exchange: String) -> Record {
      Record(
        name: name, type: 15,
        data: [UInt8(preference >> 8), UInt8(preference & 0xFF)] + DNSStubQuery.encode(exchange))
    }
  }

  /// A response with this query's ID and question: QR, RD, RA, `rcode`, TC when asked.
  func response(
    _ records: [Record] = [], rcode: UInt8 = 0, truncated: Bool = false, id: UInt16? = nil
  )
    -> [UInt8]
  {
    let id = id ?? self.id
    var bytes: [UInt8] = [
      UInt8(id >> 8), UInt8(id & 0xFF), 0x81 | (truncated ? 0x02 : 0), 0x80 | rcode,
      0, 1, UInt8(records.count >> 8), UInt8(records.count & 0xFF), 0, 0, 0, 0,
    ]
    bytes += question
    for record in records {
      bytes += Self.encode(record.name)
      bytes += [UInt8(record.type >> 8), UInt8(record.type & 0xFF), 0, 1, 0, 0, 0, 60]
      bytes += [UInt8(record.data.count >> 8), UInt8(record.data.count & 0xFF)] + record.data
    }
    return bytes
  }

  /// A name as uncompressed labels.
  static func encode(_ name: String) -> [UInt8] {
    name.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
  }
}
