import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// Replays a script on one accepted connection, logging every line both ways.
final class ScriptedConnection {
  /// Why the replay stopped early.
  enum Stop: Error {
    /// The client closed or reset the connection.
    case peerClosed
    /// stdin closed: the whole server should exit.
    case shutdown
  }

  private let fd: Int32
  private let log: EventLog
  private let watchStdin: Bool
  private var buffer: [UInt8] = []

  init(fd: Int32, log: EventLog, watchStdin: Bool) {
    self.fd = fd
    self.log = log
    self.watchStdin = watchStdin
  }

  /// Runs every step; returns normally at the end of the script or on `close`.
  func run(_ script: Script) throws(Stop) {
    for step in script.steps {
      switch step {
      case .send(let bytes):
        try send(bytes)
      case .expect(let prefix):
        while true {
          let line = try readLine()
          if Self.line(line, startsWith: prefix) { break }
          let reply = "503 5.5.1 scripted-smtpd: expected \(prefix)\r\n"
          log.note("!", "expected \(prefix)")
          try send(Array(reply.utf8))
        }
      case .expectData:
        while try readLine() != [UInt8(ascii: ".")] {}
      case .delay(let milliseconds):
        usleep(UInt32(milliseconds) * 1000)
      case .close:
        return
      case .reset:
        // With a zero linger time, close() sends RST instead of FIN.
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        return
      }
    }
  }

  static func line(_ line: [UInt8], startsWith prefix: String) -> Bool {
    let wanted = Array(prefix.utf8)
    guard line.count >= wanted.count else { return false }
    return zip(line, wanted).allSatisfy { lower($0) == lower($1) }
  }

  private static func lower(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }

  private func send(_ bytes: [UInt8]) throws(Stop) {
    for line in Self.splitLines(bytes) { log.write("S", line) }
    var offset = 0
    while offset < bytes.count {
      do {
        let written = try Syscall.send(fd, bytes, from: offset)
        offset += written
      } catch {
        throw .peerClosed
      }
    }
  }

  /// The lines of `bytes` without their CRLF, for the log.
  private static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.map { $0.last == 0x0D ? $0.dropLast() : $0 }
  }

  /// The next line from the client, without CR LF (a bare LF also ends a line).
  private func readLine() throws(Stop) -> [UInt8] {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == 0x0D { line.removeLast() }
        log.write("C", line)
        return line
      }
      try waitReadable()
      let bytes: [UInt8]?
      do {
        bytes = try Syscall.receive(fd, maximum: 16 * 1024)
      } catch {
        log.note("*", "connection reset")
        throw .peerClosed
      }
      guard let bytes else { continue }
      if bytes.isEmpty {
        log.note("*", "client closed the connection")
        throw .peerClosed
      }
      buffer += bytes
    }
  }

  private func waitReadable() throws(Stop) {
    var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
    if watchStdin { fds.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
    _ = try? Syscall.poll(&fds, deadline: nil, clock: SystemClock())
    if watchStdin, fds[1].revents != 0, StdinWatch.closed() { throw .shutdown }
  }
}

/// stdin as the parent's lifeline: when it closes, the server exits.
enum StdinWatch {
  /// Reads what is waiting on stdin; true at end of file.
  static func closed() -> Bool {
    var scratch = [UInt8](repeating: 0, count: 256)
    let count = scratch.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
    return count <= 0
  }
}
