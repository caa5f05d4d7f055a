import Foundation
import Testing

/// Limits a probe meets on the wire: the server's SIZE (RFC 1870), replies that never end,
/// IPv6 and host names with `--server`, and messages to some recipients only.
@Suite struct ProbeLimitsTests {
  /// A temporary file of `count` bytes of message text (lines of 76 letters).
  static func message(bytes count: Int) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("smtpprobe-size-\(UUID().uuidString).eml")
    let line = Array(repeating: UInt8(ascii: "a"), count: 76) + [13, 10]
    var data = Data("Subject: size test\r\n\r\n".utf8)
    while data.count < count { data.append(contentsOf: line) }
    try data.write(to: url)
    return url
  }

  static let sizeGreeting = """
    send 220 scripted.test ESMTP
    expect EHLO
    send 250-scripted.test\\r\\n250-PIPELINING\\r\\n250 SIZE 1000
    """

  @Test func aMessageOverSIZEIsDeclaredAndTheServers552Explained() throws {
    let file = try Self.message(bytes: 2000)
    defer { try? FileManager.default.removeItem(at: file) }
    let server = try ScriptedServer(
      script: Self.sizeGreeting + """

        expect MAIL
        send 552 5.3.4 Message size exceeds fixed limit
        expect RCPT
        send 503 5.5.1 need MAIL command
        expect RSET
        send 250 ok
        expect QUIT
        send 221 bye
        """)
    let result = try ProbeRun.run(
      ["--server", "127.0.0.1:\(server.port)", "--to", "alice@probe.test", "--data", file.path])
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("the server's SIZE limit is 1000 (RFC 1870)"))
    #expect(result.stdout.contains("552 5.3.4"))
    #expect(!server.clientLines().contains("DATA"))
    #expect(server.clientLines().first { $0.hasPrefix("MAIL") }?.contains("SIZE=") == true)
  }

  @Test func aServerThatTakesMAILAnywayIsNotSentTheMessage() throws {
    let file = try Self.message(bytes: 2000)
    defer { try? FileManager.default.removeItem(at: file) }
    let server = try ScriptedServer(
      script: Self.sizeGreeting + """

        expect MAIL
        send 250 2.1.0 ok
        expect RCPT
        send 250 2.1.5 ok
        expect RSET
        send 250 ok
        expect QUIT
        send 221 bye
        """)
    let result = try ProbeRun.run(
      ["--server", "127.0.0.1:\(server.port)", "--to", "alice@probe.test", "--data", file.path])
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("so it was not sent"))
    #expect(!server.clientLines().contains("DATA"))
    #expect(server.clientLines().contains("RSET"))
  }

  @Test(
    .enabled(if: TestServers.postfixEnabled, "Postfix is not running (Scripts/test-servers start)"))
  func postfixRefusesAnElevenMegabyteMessageAtMAIL() throws {
    let file = try Self.message(bytes: 11 * 1024 * 1024)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(try TestServers.postfixPort())", "--tls", "off",
      "--from", "sender@probe.test", "--to", "alice@probe.test", "--data", file.path,
    ])
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("552 5.3.4"))
    #expect(result.stdout.contains("the server's SIZE limit is 10485760 (RFC 1870)"))
    #expect(!result.stdout.contains("-> DATA"))
  }

  /// One byte every 500 ms, never a full line: `--timeout` bounds the whole reply.
  @Test func aTricklingReplyTimesOutAsAWhole() throws {
    var lines = ["send 220 scripted.test ESMTP", "expect EHLO"]
    for _ in 0..<40 { lines += ["sendraw 2", "delay 500"] }
    let server = try ScriptedServer(script: lines.joined(separator: "\n"))
    let started = Date()
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(server.port)", "--to", "alice@probe.test", "--timeout", "2",
    ])
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("timed out after 2 s waiting for the reply to EHLO"))
    // Not a timing assertion on speed: only that the 20 s of trickle did not keep us.
    #expect(Date().timeIntervalSince(started) < 15)
  }

  @Test func anEndlessMultilineReplyStopsAtTheLineBound() throws {
    var lines = ["send 220 scripted.test ESMTP", "expect EHLO"]
    lines += Array(repeating: "send 250-x", count: 1500)
    let server = try ScriptedServer(script: lines.joined(separator: "\n"))
    let result = try ProbeRun.run(["--server", "127.0.0.1:\(server.port)", "--to", "a@probe.test"])
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("a reply of more than 1000 lines"))
  }

  static let plainSession = """
    send 220 scripted.test ESMTP
    expect EHLO
    send 250 scripted.test
    expect MAIL
    send 250 ok
    expect RCPT
    send 250 ok
    expect RSET
    send 250 ok
    expect QUIT
    send 221 bye
    """

  @Test func anIPv6LiteralServerIsReached() throws {
    let server = try ScriptedServer(script: Self.plainSession, listen: "[::1]:0")
    let result = try ProbeRun.run(["--server", "[::1]:\(server.port)", "--to", "a@probe.test"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("::1"))
  }

  @Test(arguments: [[], ["-4"]])
  func localhostResolvesThroughTheHostsFile(_ family: [String]) throws {
    let server = try ScriptedServer(script: Self.plainSession)
    let result = try ProbeRun.run(
      ["--server", "localhost:\(server.port)", "--to", "a@probe.test"] + family)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("127.0.0.1"))
  }

  @Test func ipv6OnlyToAnIPv4OnlyNameSaysSo() throws {
    let dns = try DNSTestServer.port()
    let result = try ProbeRun.run([
      "--server", "mx.probe.test:2525", "-6", "--dns-server", "127.0.0.1:\(dns)",
      "--to", "a@probe.test",
    ])
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("no AAAA record"))
  }

  /// `--send-test-message` with one refused recipient: the message goes to the others only.
  @Test func aMessageGoesOnlyToTheAcceptedRecipients() throws {
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250-scripted.test\\r\\n250 PIPELINING
        expect MAIL
        send 250 ok
        expect RCPT
        send 250 ok
        expect RCPT
        send 550 5.1.1 no such user
        expect RCPT
        send 250 ok
        expect DATA
        send 354 go ahead
        expect-data
        send 250 2.0.0 Ok: queued as ABC123
        expect QUIT
        send 221 bye
        """)
    let recipients = ["a", "b", "c"].flatMap { ["--to", "\($0)@probe.test"] }
    let result = try ProbeRun.run(
      ["--server", "127.0.0.1:\(server.port)", "--send-test-message"] + recipients)
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("2 of 3 recipients accepted"))
    #expect(result.stdout.contains("message accepted for the 2 accepted recipients only"))
  }

  @Test func quitAfterRcptSaysTheMessageWasNotSent() throws {
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250 scripted.test
        expect MAIL
        send 250 ok
        expect RCPT
        send 250 ok
        expect RCPT
        send 550 5.1.1 no such user
        expect RSET
        send 250 ok
        expect QUIT
        send 221 bye
        """)
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(server.port)", "--send-test-message", "--quit-after", "rcpt",
      "--to", "a@probe.test", "--to", "b@probe.test",
    ])
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("stopped after rcpt as asked, so the message was not sent"))
    #expect(!server.clientLines().contains("DATA"))
  }
}
