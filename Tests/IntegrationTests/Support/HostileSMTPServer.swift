import Foundation
import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// An SMTP peer that misbehaves on purpose, in this process, on an ephemeral loopback port.
///
/// Each accepted connection plays `script` (one `Action` after another) on its own thread, so a
/// test can run the real binary against it and then ask how many connections came and whether
/// all of them were closed by the client (`waitUntilIdle`).
final class HostileSMTPServer: @unchecked Sendable {
  /// One thing the server does on a connection.
  enum Action: Sendable {
    /// Writes the bytes (the caller writes the CRLFs).
    case send(String)
    /// Reads one line from the client (up to LF) and keeps it in `receivedLines`.
    case expectLine
    /// Reads one line, then writes what `reply` makes of it (without its CRLF).
    case reply(@Sendable (String) -> String)
    /// Writes the bytes one at a time, `milliseconds` apart.
    case drip(String, milliseconds: Int)
    /// Writes the bytes again and again until the client goes away.
    case repeatForever(String)
    /// Reads and discards until the client closes: a server that never says anything.
    case holdOpen
    /// Ends the connection with a TCP RST (SO_LINGER 0, then close).
    case reset
  }

  let port: Int
  private let listener: LoopbackListener
  private let script: [Action]
  private let lock = NSCondition()
  private var accepted = 0
  private var open = 0
  private var lines: [String] = []

  init(_ script: [Action], host: String = "127.0.0.1") throws {
    listener = try LoopbackListener(host: host)
    port = listener.port
    self.script = script
    // Holds the server only for one poll at a time, so that dropping it ends the thread.
    Thread { [weak self] in
      while let server = self, server.acceptOnce() {}
    }.start()
  }

  /// Connections accepted so far.
  var connectionCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return accepted
  }

  /// The lines the clients sent, in order.
  var receivedLines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return lines
  }

  /// Waits (at most `seconds`) until every accepted connection is finished; true if so.
  func waitUntilIdle(seconds: Double = 10) -> Bool {
    let limit = Date().addingTimeInterval(seconds)
    lock.lock()
    defer { lock.unlock() }
    while open > 0 {
      if !lock.wait(until: limit) { return open == 0 }
    }
    return true
  }

  /// Waits up to 100 ms for a connection and starts playing the script on it; always true.
  private func acceptOnce() -> Bool {
    var fds = [pollfd(fd: listener.fd, events: Int16(POLLIN), revents: 0)]
    guard poll(&fds, 1, 100) > 0, let client = try? listener.accept() else { return true }
    lock.lock()
    accepted += 1
    open += 1
    lock.unlock()
    let script = self.script
    Thread {
      HostileConnection(fd: client) { [weak self] line in self?.record(line) }.play(script)
      self.finished()
    }.start()
    return true
  }

  private func record(_ line: String) {
    lock.lock()
    lines.append(line)
    lock.unlock()
  }

  private func finished() {
    lock.lock()
    open -= 1
    lock.broadcast()
    lock.unlock()
  }
}

/// One accepted connection playing a HostileSMTPServer script with blocking socket calls.
private struct HostileConnection {
  let fd: Int32
  let record: (String) -> Void

  func play(_ script: [HostileSMTPServer.Action]) {
    defer { Syscall.close(fd) }
    for action in script {
      switch action {
      case .send(let text):
        guard write(Array(text.utf8)) else { return }
      case .expectLine:
        guard let line = readLine() else { return }
        record(line)
      case .reply(let make):
        guard let line = readLine() else { return }
        record(line)
        guard write(Array((make(line) + "\r\n").utf8)) else { return }
      case .drip(let text, let milliseconds):
        for byte in text.utf8 {
          guard write([byte]) else { return }
          usleep(useconds_t(milliseconds * 1000))
        }
      case .repeatForever(let text):
        while write(Array(text.utf8)) {}
        return
      case .holdOpen:
        while let chunk = try? Syscall.receive(fd, maximum: 4096), !chunk.isEmpty {}
        return
      case .reset:
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        return
      }
    }
    // The script is over: wait for the client to close, as a real server waits for QUIT.
    while let chunk = try? Syscall.receive(fd, maximum: 4096), !chunk.isEmpty {}
  }

  /// Writes every byte; false once the client is gone.
  private func write(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      guard let count = try? Syscall.send(fd, bytes, from: offset), count > 0 else { return false }
      offset += count
    }
    return true
  }

  /// One line up to LF (without CR LF), at most 64 KiB; nil when the client closed.
  private func readLine() -> String? {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while line.count < 65_536 {
      guard recv(fd, &byte, 1, 0) == 1 else { return nil }
      if byte == 0x0A { break }
      line.append(byte)
    }
    if line.last == 0x0D { line.removeLast() }
    return String(decoding: line, as: UTF8.self)
  }
}
