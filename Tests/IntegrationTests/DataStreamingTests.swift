import Foundation
import Testing

/// `--data FILE` is checked before connecting, compared with the server's SIZE before MAIL,
/// and streamed from disk in blocks: byte-identical on arrival, its faults noted.
@Suite struct DataStreamingTests {
  /// A file of `size` bytes that takes no disk space (it is never read when over SIZE).
  static func sparseFile(size: UInt64) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("smtpprobe-big-\(UUID().uuidString).eml")
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: size)
    try handle.close()
    return url
  }

  static func write(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("smtpprobe-data-\(UUID().uuidString).eml")
    try Data(bytes).write(to: url)
    return url
  }

  @Test func aFileOverTheServersSizeSendsNoByteOfIt() throws {
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250-scripted.test\\r\\n250 SIZE 1000000
        expect MAIL
        send 250 2.1.0 ok
        expect RCPT
        send 250 2.1.5 ok
        expect RSET
        send 250 ok
        expect QUIT
        send 221 bye
        """)
    let file = try Self.sparseFile(size: 30 * 1024 * 1024)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(server.port)", "--from", "a@probe.test", "--to", "b@probe.test",
      "--tls", "off", "--data", file.path, "--json",
    ])
    // The server took MAIL anyway: the message would be refused, so the verdict is permanent.
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(
      server.clientLines() == [
        "EHLO client.probe.test", "MAIL FROM:<a@probe.test> SIZE=31457280",
        "RCPT TO:<b@probe.test>", "RSET", "QUIT",
      ])
    let json = try ProbeRun.json(result)
    #expect(!ProbeRun.sent(json).contains("DATA"))
  }

  @Test func aMissingDirectoryOrDeviceFileIsRefusedBeforeConnecting() throws {
    let directory = FileManager.default.temporaryDirectory.path
    for path in ["/nonexistent/x.eml", directory, "/dev/null"] {
      let result = try ProbeRun.run([
        "--server", "127.0.0.1:9", "--to", "b@probe.test", "--data", path,
      ])
      #expect(result.status == 64, "\(path): \(result.stderr)")
      #expect(result.stderrLines.count == 1)
      #expect(result.stderr.contains(path))
      #expect(result.stdout.isEmpty)
    }
  }

  @Test func aFileFromStandardInputIsStreamedWithoutASize() throws {
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250-scripted.test\\r\\n250 SIZE 1000000
        expect MAIL
        send 250 2.1.0 ok
        expect RCPT
        send 250 2.1.5 ok
        expect DATA
        send 354 go
        expect-data
        send 250 2.0.0 queued
        expect QUIT
        send 221 bye
        """)
    // Standard input is a pipe here, as in `cat message | smtpprobe probe … --data -`.
    let process = Process()
    process.executableURL = try RunBinary.binaryURL()
    process.arguments = [
      "probe", "--server", "127.0.0.1:\(server.port)", "--helo", "client.probe.test",
      "--from", "a@probe.test", "--to", "b@probe.test", "--tls", "off", "--data", "-",
    ]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    input.fileHandleForWriting.write(Data("Subject: piped\n\n.dot\nbody\n".utf8))
    try input.fileHandleForWriting.close()
    let stdout = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(stdout)")
    let lines = server.clientLines()
    // No SIZE= for a pipe: its size is known only once read.
    #expect(lines.contains("MAIL FROM:<a@probe.test>"), "\(lines)")
    #expect(lines.contains("..dot"))
  }
}

/// The same against the loopback Postfix, whose Maildir shows what arrived.
@Suite(
  .enabled(if: TestServers.postfixEnabled, "Postfix is not running (Scripts/test-servers start)"))
struct DataStreamingPostfixTests {
  static func server() throws -> String { "127.0.0.1:\(try TestServers.postfixPort())" }

  @Test func aFileOverPostfixsSizeIsRefusedAtMail() throws {
    let file = try DataStreamingTests.sparseFile(size: 30 * 1024 * 1024)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--from", "tester@example.org", "--to", "alice@probe.test",
      "--data", file.path, "--json",
    ])
    #expect(result.status == 1, "\(result.stdout)")
    let json = try ProbeRun.json(result)
    let mail = ProbeRun.sent(json).first { $0.hasPrefix("MAIL") } ?? ""
    #expect(mail.contains(" SIZE=31457280"), "\(mail)")
    #expect(!ProbeRun.sent(json).contains("DATA"))
    #expect(ProbeRun.categories(json).contains("message-too-large"))
  }

  /// A message whose 64 KiB blocks end on a CR (its LF in the next block), then before a line
  /// that starts with a dot, then in the middle of a line.
  static func awkwardMessage(marker: String) -> [UInt8] {
    let block = 64 * 1024
    var bytes = Array(
      ("From: tester@example.org\r\nTo: alice@probe.test\r\nSubject: \(marker)\r\n"
        + "Date: Sun, 6 Dec 2026 22:00:00 +0000\r\nMessage-ID: <\(marker)@probe.test>\r\n\r\n"
        + ".first line starts with a dot\r\n").utf8)
    func fill(to end: Int) {
      var number = 0
      while bytes.count + 80 < end {
        bytes += Array("line \(number) \(String(repeating: "x", count: 60))\r\n".utf8)
        number += 1
      }
      bytes += [UInt8](repeating: 0x79, count: end - bytes.count)
    }
    fill(to: block - 1)
    bytes += Array("\r".utf8)  // the last byte of block 1
    bytes += Array("\n.dot after a CR split\r\n".utf8)
    fill(to: 2 * block - 2)
    bytes += Array("\r\n".utf8)  // block 2 ends with a whole line ending
    bytes += Array("..two dots at a block start\r\nsplit ".utf8)
    fill(to: 3 * block + 10)  // a line running across the third boundary
    bytes += Array("\r\n.\r\nlast line\r\n".utf8)
    return bytes
  }

  @Test func leadingDotsAndLinesSplitAtBlockBoundariesArriveIntact() throws {
    let marker = "smtpprobe-stream-\(UUID().uuidString)"
    let bytes = Self.awkwardMessage(marker: marker)
    let file = try DataStreamingTests.write(bytes)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--from", "tester@example.org", "--to", "alice@probe.test",
      "--data", file.path,
    ])
    #expect(result.status == 0, "\(result.stdout)")
    let maildir = try TestServers.postfixMaildir().appendingPathComponent("alice/new")
    let delivered = try #require(ProbeRun.delivered(in: maildir, containing: marker))
    // A Maildir stores LF line endings; Postfix adds its own headers above ours.
    let sent = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    let body = try #require(sent.range(of: "\n\n")).upperBound
    #expect(delivered.hasSuffix("\n\n" + sent[body...]))
  }

  @Test func aLongLineAndANULAreNoted() throws {
    let marker = "smtpprobe-faults-\(UUID().uuidString)"
    let bytes =
      Array("From: tester@example.org\nSubject: \(marker)\n\nshort\n".utf8)
      + [UInt8](repeating: 0x61, count: 1200) + Array("\nnul \0 here\nend\n".utf8)
    let file = try DataStreamingTests.write(bytes)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--from", "tester@example.org", "--to", "alice@probe.test",
      "--data", file.path, "--json",
    ])
    let json = try ProbeRun.json(result)
    let session = try #require(ProbeRun.sessions(json).first)
    let message = try #require(session["message"] as? [String: Any])
    let long = try #require(message["long_lines"] as? [String: Any])
    let nul = try #require(message["nul_octets"] as? [String: Any])
    #expect(long["count"] as? Int == 1)
    #expect(long["first_line"] as? Int == 5)
    #expect(nul["count"] as? Int == 1)
    #expect(nul["first_line"] as? Int == 6)
    #expect((session["notes"] as? [String] ?? []).count >= 2)
    // The text output notes them too.
    let text = try ProbeRun.run([
      "--server", try Self.server(), "--from", "tester@example.org", "--to", "alice@probe.test",
      "--data", file.path,
    ])
    #expect(text.stdout.contains("line 5"), "\(text.stdout)")
    #expect(text.stdout.contains("line 6"), "\(text.stdout)")
  }
}
