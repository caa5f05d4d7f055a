import Synchronization
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A scripted in-memory SMTP peer (STYLE A2 `faker`, rule 15): server chunks in, client bytes
/// recorded, for exact-transcript tests without a socket.
///
/// A server chunk is released only after the client has written every `.client` item before
/// it, so a client that waits for a reply when it should have spoken is caught (the receive
/// throws a timeout and `stalled` is set).
final class ScriptedTransport: Transport {
  /// How server chunks reach the client (STYLE rule 15 and A6's decoder verifier).
  enum Delivery: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Each `.server` item in one receive.
    case whole
    /// All consecutive `.server` items in one receive.
    case oneRead
    /// One byte per receive.
    case byteByByte

    var testDescription: String { rawValue }
  }

  /// One step of the script.
  enum Item: Sendable {
    /// Bytes the server sends.
    case server(String)
    /// Bytes the client is expected to write before the script goes on.
    case client(String)
    /// The server closes the connection: receive returns no bytes from here on.
    case close
    /// The receive deadline passes: the fake clock jumps to it and receive throws.
    case timeout
    /// The server resets the connection.
    case reset
    /// The server waits this many milliseconds (the fake clock advances).
    case delay(Int)
    /// The TLS handshake happens here (see `FakeTLS`).
    case tls
  }

  let script: [Item]
  let delivery: Delivery
  let clock: FakeClock
  /// Every byte the client wrote, in order.
  private(set) var sent: [UInt8] = []
  /// Each `send` call's bytes (one entry per write: pipelined groups are one entry).
  private(set) var writes: [[UInt8]] = []
  /// Whether the client waited for a reply while the script expected it to write.
  private(set) var stalled = false
  private(set) var closed = false
  private(set) var tlsDone = false
  private var position = 0
  private var offset = 0
  private var expectedBytes = 0

  init(_ script: [Item], delivery: Delivery = .whole, clock: FakeClock = FakeClock()) {
    self.script = script
    self.delivery = delivery
    self.clock = clock
  }

  /// What the client was expected to write, all `.client` items joined.
  var expectedClient: String {
    script.map { if case .client(let text) = $0 { text } else { "" } }.joined()
  }

  /// The client's bytes as text.
  var sentText: String { String(decoding: sent, as: UTF8.self) }

  func send(_ bytes: [UInt8], deadline: Deadline) throws(TransportError) {
    if closed { throw .closed }
    sent += bytes
    writes.append(bytes)
  }

  func receive(deadline: Deadline) throws(TransportError) -> [UInt8] {
    if closed { throw .closed }
    while position < script.count {
      switch script[position] {
      case .client(let text):
        if sent.count < expectedBytes + text.utf8.count {
          stalled = true
          clock.advance(to: deadline)
          throw .timedOut(phase: "scripted", seconds: 0)
        }
        expectedBytes += text.utf8.count
        position += 1
      case .delay(let milliseconds):
        clock.advance(milliseconds: milliseconds)
        position += 1
      case .close:
        return []
      case .timeout:
        position += 1
        clock.advance(to: deadline)
        throw .timedOut(phase: "scripted", seconds: 0)
      case .reset:
        position += 1
        throw .connectionReset
      case .tls:
        // The client reads before the handshake: nothing arrives until it upgrades.
        stalled = true
        throw .timedOut(phase: "scripted", seconds: 0)
      case .server(let text):
        let bytes = Array(text.utf8)
        switch delivery {
        case .whole:
          position += 1
          return bytes
        case .byteByByte:
          let byte = bytes[offset]
          offset += 1
          if offset == bytes.count {
            offset = 0
            position += 1
          }
          return [byte]
        case .oneRead:
          var out = bytes
          position += 1
          while position < script.count, case .server(let more) = script[position] {
            out += Array(more.utf8)
            position += 1
          }
          return out
        }
      }
    }
    return []
  }

  func close() {
    closed = true
  }

  /// Called by `FakeTLS`: the script must be at its `.tls` item (client items before it done).
  func performTLS() -> Bool {
    while position < script.count, case .client(let text) = script[position],
      sent.count >= expectedBytes + text.utf8.count
    {
      expectedBytes += text.utf8.count
      position += 1
    }
    guard position < script.count, case .tls = script[position] else { return false }
    position += 1
    tlsDone = true
    return true
  }
}

/// A monotonic clock that moves only when told to.
final class FakeClock: MonotonicClock {
  private let now = Mutex<UInt64>(1_000_000_000)

  func nowNanoseconds() -> UInt64 { now.withLock { $0 } }

  func advance(milliseconds: Int) {
    now.withLock { $0 += UInt64(milliseconds) * 1_000_000 }
  }

  func advance(to deadline: Deadline) {
    now.withLock { $0 = max($0, deadline.nanoseconds) }
  }
}

/// A TLS upgrader that "handshakes" by advancing the script past its `.tls` item.
struct FakeTLS: TLSUpgrading {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  var report = TLSReport(protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384")
  var fails = false

  func upgrade(_ transport: any Transport, serverName: String, deadline: Deadline) throws
    -> (any Transport, TLSReport)
  {
    if fails { throw Failure(description: "certificate verify failed") }
    guard let scripted = transport as? ScriptedTransport, scripted.performTLS() else {
      throw Failure(description: "the script did not expect a TLS handshake here")
    }
    return (scripted, report)
  }
}

extension Address {
  /// A known-valid address for test fixtures; traps on a typo in the test itself.
  init(valid text: String) {
    do {
      try self.init(text)
    } catch {
      fatalError("test fixture address \(text) is invalid: \(error)")
    }
  }
}
