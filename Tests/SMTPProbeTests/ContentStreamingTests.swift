import Synchronization
import Testing

@testable import SMTPProbeCore

/// The driver streams `--data` content from its source in blocks, never whole, and a source
/// that fails half-way ends the session without delivering anything.
@Suite struct ContentStreamingTests {
  typealias Item = ScriptedTransport.Item

  /// A flag the test's `Cancellation` reads, as a signal handler would set it.
  final class Flag: Sendable {
    let value = Mutex(false)
  }

  /// Opens every file as `bytes`, failing after `failAfter` blocks when given.
  struct FakeFiles: MessageSourceOpening {
    var bytes: [UInt8]
    var failAfter: Int?
    /// Sets the flag when this block (from 1) is read.
    var signalOnBlock: (Int, Flag)?

    func open(_ file: MessageFile) throws(MessageSourceError) -> any MessageSource {
      Source(bytes: bytes, failAfter: failAfter, path: file.path, signalOnBlock: signalOnBlock)
    }

    final class Source: MessageSource {
      let inner: BytesMessageSource
      var failAfter: Int?
      let path: String
      let signalOnBlock: (Int, Flag)?
      var blocks = 0
      init(bytes: [UInt8], failAfter: Int?, path: String, signalOnBlock: (Int, Flag)?) {
        inner = BytesMessageSource(bytes)
        self.failAfter = failAfter
        self.path = path
        self.signalOnBlock = signalOnBlock
      }
      func nextBlock(maximum: Int) throws(MessageSourceError) -> [UInt8] {
        blocks += 1
        if let (block, flag) = signalOnBlock, block == blocks { flag.value.withLock { $0 = true } }
        if let left = failAfter {
          guard left > 0 else { throw MessageSourceError(path: path, reason: "Input/output error") }
          failAfter = left - 1
        }
        return inner.nextBlock(maximum: maximum)
      }
      func close() {}
    }
  }

  static let ehlo: [Item] = [
    .server("220 mx.probe.test ESMTP\r\n"), .client("EHLO probe.test\r\n"),
    .server("250-mx.probe.test\r\n250-SIZE 1000000\r\n250 8BITMIME\r\n"),
  ]

  static func plan(size: Int?) -> DialoguePlan {
    DialoguePlan(
      ehloName: "probe.test", from: Address(valid: "alice@x.test"),
      recipients: [Address(valid: "bob@y.test")], tls: .off, pipelining: false,
      message: .file(MessageFile(path: "big.eml", size: size)))
  }

  static func drive(
    _ script: [Item], _ plan: DialoguePlan, files: FakeFiles,
    cancellation: Cancellation = .never
  ) -> (SessionRecord, ScriptedTransport) {
    let clock = FakeClock()
    let transport = ScriptedTransport(script, clock: clock)
    let driver = SessionDriver(
      plan: plan, clock: clock, cancellation: cancellation, messageFiles: files)
    return (driver.run(over: transport), transport)
  }

  /// Lines that put a leading dot right at each 64 KiB block boundary.
  static func message() -> [UInt8] {
    let block = SessionDriver.contentBlockBytes
    var bytes: [UInt8] = []
    while bytes.count < 3 * block + 100 {
      let line = Array("line \(bytes.count)\n".utf8)
      let boundary = (bytes.count / block + 1) * block
      if bytes.count + line.count > boundary {
        bytes += [UInt8](repeating: 0x78, count: boundary - bytes.count - 1) + [0x0A]
        bytes += Array(".dot at a block start\n".utf8)
      } else {
        bytes += line
      }
    }
    return bytes
  }

  @Test func aFileGoesOutInBlocksByteForByteAsStuffedWhole() {
    let bytes = Self.message()
    let stuffed = String(decoding: DotStuffing.stuff(bytes), as: UTF8.self)
    let script =
      Self.ehlo + [
        .client("MAIL FROM:<alice@x.test> SIZE=\(bytes.count) BODY=8BITMIME\r\n"),
        .server("250 ok\r\n"), .client("RCPT TO:<bob@y.test>\r\n"), .server("250 ok\r\n"),
        .client("DATA\r\n"), .server("354 go\r\n"), .client(stuffed),
        .server("250 2.0.0 queued\r\n"), .client("QUIT\r\n"), .server("221 bye\r\n"), .close,
      ]
    let (record, transport) = Self.drive(
      script, Self.plan(size: bytes.count), files: FakeFiles(bytes: bytes))
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.messageAccepted)
    // One write per 64 KiB block read, then the final ".": never the whole file in one.
    #expect(transport.writes.count >= 4 + 5)
    #expect(transport.writes.allSatisfy { $0.count < 2 * SessionDriver.contentBlockBytes })
    #expect(record.facts.content?.octets == DotStuffing.normalizeLineEndings(bytes).count)
    #expect(
      record.steps.last { $0.command == .endOfData }?.commandLine
        == "<message: big.eml, \(bytes.count) bytes, streamed>")
  }

  @Test func aFileThatCannotBeReadHalfWayIsNeverEnded() {
    let bytes = Self.message()
    let script =
      Self.ehlo + [
        .client("MAIL FROM:<alice@x.test> SIZE=\(bytes.count) BODY=8BITMIME\r\n"),
        .server("250 ok\r\n"), .client("RCPT TO:<bob@y.test>\r\n"), .server("250 ok\r\n"),
        .client("DATA\r\n"), .server("354 go\r\n"),
      ]
    let (record, transport) = Self.drive(
      script, Self.plan(size: bytes.count), files: FakeFiles(bytes: bytes, failAfter: 1))
    #expect(
      record.problem
        == .messageUnreadable(MessageSourceError(path: "big.eml", reason: "Input/output error")))
    // Neither the final "." (it would deliver half a message) nor QUIT (it would be data).
    #expect(!transport.sentText.hasSuffix("\r\n.\r\n"))
    #expect(!transport.sentText.hasSuffix("QUIT\r\n"))
    #expect(transport.closed)
    #expect(record.facts.content?.octets ?? 0 > 0)
  }

  @Test func aFileOverTheServersSizeIsNeverSent() {
    let script =
      Self.ehlo + [
        .client("MAIL FROM:<alice@x.test> SIZE=31457280 BODY=8BITMIME\r\n"),
        .server("552 5.3.4 Message size exceeds fixed limit\r\n"), .client("QUIT\r\n"),
        .server("221 bye\r\n"), .close,
      ]
    let (record, transport) = Self.drive(
      script, Self.plan(size: 31_457_280), files: FakeFiles(bytes: []))
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.facts.oversize == SizeExcess(octets: 31_457_280, limit: 1_000_000))
    #expect(!record.steps.contains { $0.command == .data })
  }

  @Test func longLinesAndNULsAreNoted() {
    let bytes = Array("a\n".utf8) + [UInt8](repeating: 0x61, count: 1200) + Array("\nb\0\n".utf8)
    let stuffed = String(decoding: DotStuffing.stuff(bytes), as: UTF8.self)
    let script =
      Self.ehlo + [
        .client("MAIL FROM:<alice@x.test> SIZE=\(bytes.count) BODY=8BITMIME\r\n"),
        .server("250 ok\r\n"), .client("RCPT TO:<bob@y.test>\r\n"), .server("250 ok\r\n"),
        .client("DATA\r\n"), .server("354 go\r\n"), .client(stuffed),
        .server("250 2.0.0 queued\r\n"), .client("QUIT\r\n"), .server("221 bye\r\n"), .close,
      ]
    let (record, _) = Self.drive(
      script, Self.plan(size: bytes.count), files: FakeFiles(bytes: bytes))
    #expect(record.notes.contains(.messageLinesTooLong(count: 1, firstLine: 2)))
    #expect(record.notes.contains(.messageNULOctets(count: 1, firstLine: 3)))
  }

  @Test func aSignalHalfWayClosesWithoutTheFinalDotOrQUIT() {
    let bytes = Self.message()
    let script =
      Self.ehlo + [
        .client("MAIL FROM:<alice@x.test> SIZE=\(bytes.count) BODY=8BITMIME\r\n"),
        .server("250 ok\r\n"), .client("RCPT TO:<bob@y.test>\r\n"), .server("250 ok\r\n"),
        .client("DATA\r\n"), .server("354 go\r\n"),
      ]
    // The signal arrives while the second block is read: the first has gone out.
    let signalled = Flag()
    let cancellation = Cancellation { signalled.value.withLock { $0 } }
    let clock = FakeClock()
    let transport = ScriptedTransport(script, clock: clock)
    let record = SessionDriver(
      plan: Self.plan(size: bytes.count), clock: clock, cancellation: cancellation,
      messageFiles: FakeFiles(bytes: bytes, signalOnBlock: (2, signalled))
    ).run(over: transport)
    #expect(transport.sentText.contains("line 0"))
    #expect(
      record.problem == .transport(.interrupted(phase: "the server to take the message data")))
    #expect(!transport.sentText.hasSuffix("\r\n.\r\n"))
    #expect(!transport.sentText.contains("QUIT"))
    #expect(transport.closed)
  }
}
