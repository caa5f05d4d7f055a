import Foundation
import Testing

/// `smtpprobe probe --server` against scripted-smtpd: the replies and failures a real MTA will
/// not produce on demand.
@Suite struct ProbeScriptedTests {
  /// Runs a probe against a fresh scripted server; returns the run and the server's log.
  static func probe(
    _ script: String, _ arguments: [String] = ["--to", "alice@probe.test"]
  ) throws -> (RunResult, ScriptedServer) {
    let server = try ScriptedServer(script: script)
    let result = try ProbeRun.run(["--server", "127.0.0.1:\(server.port)"] + arguments)
    return (result, server)
  }

  /// The server's log once the client's last line (or a close) is in it.
  static func settledLog(_ server: ScriptedServer) -> [String] {
    for _ in 0..<50 {
      let log = server.log()
      if log.contains(where: {
        $0.hasPrefix("*: connection 1 ") && $0.contains("closed") || $0.contains("ended")
      }) {
        return log
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return server.log()
  }

  @Test func a421GreetingIsTransient() throws {
    let (result, _) = try Self.probe(
      """
      send 421 4.3.2 scripted.test busy, try later
      expect QUIT
      send 221 bye
      """)
    #expect(result.status == 2, "\(result.stdout)")
    #expect(result.stdout.contains("verdict: transient-failure"))
    #expect(!result.stdout.contains("-> EHLO"))
  }

  @Test func a421MidSessionEndsItAsTransient() throws {
    let (result, _) = try Self.probe(
      """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250 scripted.test
      expect MAIL
      send 421 4.4.2 scripted.test closing: idle too long
      close
      """)
    #expect(result.status == 2, "\(result.stdout)")
    #expect(result.stdout.contains("<- 421 4.4.2"))
    #expect(!result.stdout.contains("-> RCPT"))
  }

  @Test func ehlo502FallsBackToHELO() throws {
    let (result, server) = try Self.probe(
      """
      send 220 scripted.test SMTP
      expect EHLO
      send 502 5.5.1 EHLO not implemented
      expect HELO
      send 250 scripted.test
      expect MAIL
      send 250 ok
      expect RCPT
      send 250 ok
      expect RSET
      send 250 ok
      expect QUIT
      send 221 bye
      """)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("-> HELO client.probe.test"))
    #expect(result.stdout.contains("capabilities: none (HELO)"))
    #expect(Self.settledLog(server).filter { $0.hasPrefix("!") }.isEmpty)
  }

  @Test func aSlowGreetingTimesOutByName() throws {
    let (result, _) = try Self.probe(
      """
      delay 4000
      send 220 too late
      """, ["--to", "alice@probe.test", "--greeting-timeout", "1"])
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("timed out after 1 s waiting for the greeting"))
  }

  @Test func aPeerClosingMidSessionCannotComplete() throws {
    let (result, _) = try Self.probe(
      """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250 scripted.test
      expect MAIL
      close
      """)
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("verdict: incomplete"))
    #expect(result.stdout.contains("closed the connection"))
  }

  @Test func withoutPipeliningOneCommandPerReply() throws {
    let (result, server) = try Self.probe(
      """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250-scripted.test
      send 250 8BITMIME
      expect MAIL
      send 250 ok
      expect RCPT
      send 250 ok
      expect RCPT
      send 250 ok
      expect RSET
      send 250 ok
      expect QUIT
      send 221 bye
      """, ["--to", "alice@probe.test", "--to", "bob@probe.test"])
    #expect(result.status == 0, "\(result.stdout)")
    let log = Self.settledLog(server).filter { $0.hasPrefix("C: ") || $0.hasPrefix("S: ") }
    // After EHLO, every client line is answered before the next one arrives.
    let afterEHLO = log.drop { !$0.hasPrefix("C: MAIL") }
    let markers = afterEHLO.map { String($0.prefix(1)) }
    #expect(markers == ["C", "S", "C", "S", "C", "S", "C", "S", "C", "S"])
    #expect(!result.stdout.contains("(pipelined)"))
  }

  @Test func anOversizedLineIsAProtocolViolation() throws {
    let long = String(repeating: "A", count: 20_000)
    let (result, _) = try Self.probe(
      """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250-\(long)
      send 250 ok
      """)
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("protocol violation"))
  }

  @Test func garbageInsteadOfAReplyCannotComplete() throws {
    let (result, _) = try Self.probe(
      """
      send HELLO THERE this is not SMTP
      expect QUIT
      send 221 bye
      """)
    #expect(result.status == 3, "\(result.stdout)")
  }

  /// Values that must never reach the wire: one stderr line, exit 64, no connection.
  struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var message: String
    var testDescription: String { name }
  }

  static let badInputs: [BadInput] = [
    BadInput(
      name: "CR LF in --from", arguments: ["--from", "a@x.org\r\nRCPT TO:<b@y.org>"],
      message: "contains the control character CR"),
    BadInput(
      name: "65-octet local part",
      arguments: ["--to", String(repeating: "a", count: 65) + "@probe.test"],
      message: "over the 64-octet limit"),
    BadInput(
      name: "--helo with a space", arguments: ["--helo", "bad name"],
      message: "EHLO name (--helo)"),
    BadInput(
      name: "--quit-after rcpt without --to", arguments: ["--quit-after", "rcpt"],
      message: "--quit-after rcpt needs at least one --to"),
  ]

  @Test(arguments: badInputs) func badInputOpensNoConnection(_ input: BadInput) throws {
    let server = try ScriptedServer(script: "send 220 sentinel", connections: 2)
    let result = try ProbeRun.run(
      ["--server", "127.0.0.1:\(server.port)"] + input.arguments)
    #expect(result.status == 64)
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains(input.message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    // The probe has exited, so any connection it opened is queued before this one: the
    // server accepts in order and greets this one only once it has logged every earlier one.
    let sentinel = try SMTPTestClient(port: server.port)
    #expect(try sentinel.readReply().code == 220)
    #expect(
      server.log().filter { $0.hasPrefix("*: connection") && $0.contains(" from ") }.count == 1)
  }

  @Test func anInvalidDomainIsAUsageError() throws {
    let result = try ProbeRun.run(["bad..domain", "--to", "alice@probe.test"])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.hasPrefix("smtpprobe: 'bad..domain' is not a valid mail domain: "))
  }

  @Test func aClosedPortIsNamed() throws {
    let port = try LoopbackListener.closedPort()
    let result = try ProbeRun.run(["--server", "127.0.0.1:\(port)", "--to", "alice@probe.test"])
    #expect(result.status == 3)
    #expect(result.stdout.contains("127.0.0.1:\(port): connection refused"))
    let json = try ProbeRun.json(
      try ProbeRun.run(["--server", "127.0.0.1:\(port)", "--to", "alice@probe.test", "--json"]))
    #expect(json["exit_code"] as? Int == 3)
    let failures = json["connect_failures"] as? [[String: Any]]
    #expect(failures?.first?["address"] as? String == "127.0.0.1")
    #expect(failures?.first?["error"] as? String == "connection refused")
  }
}
