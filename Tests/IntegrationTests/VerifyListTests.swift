import Foundation
import Testing

/// `smtpprobe verify` on lists, the real binary against scripted-smtpd and the test Postfix:
/// reconnecting after "too many recipients", a 421 or a drop; one recipient per session for
/// the null sender; concurrency that keeps the input order; `--state`; a polite Ctrl-C.
@Suite struct VerifyListTests {
  static let greeting = """
    send 220 scripted.test ESMTP
    expect EHLO
    send 250 scripted.test
    expect MAIL
    send 250 2.1.0 ok
    """

  static let closing = """
    expect RSET
    send 250 2.0.0 ok
    expect QUIT
    send 221 2.0.0 bye
    """

  /// A session whose RCPTs get `replies` in order, then RSET and QUIT.
  static func session(_ replies: [String]) -> String {
    ([greeting] + replies.map { "expect RCPT\nsend \($0)" } + [closing]).joined(separator: "\n")
  }

  static func addresses(_ count: Int) -> [String] {
    (1...count).map { "user\($0)@probe.test" }
  }

  static func run(_ server: ScriptedServer, _ arguments: [String]) throws -> RunResult {
    try VerifyTests.verify(
      arguments + ["--server", "127.0.0.1:\(server.port)", "--json", "--catch-all", "skip"])
  }

  static func rcptCount(_ server: ScriptedServer) -> Int {
    server.clientLines().filter { $0.hasPrefix("RCPT") }.count
  }

  @Test func tooManyRecipientsReconnectsWithTheRest() throws {
    let accepted = "250 2.1.5 ok"
    let tooMany = "452 4.5.3 Error: too many recipients"
    // The rest go in one new session: two transactions of two, RSET between.
    let transaction = """
      expect MAIL
      send 250 2.1.0 ok
      expect RCPT
      send \(accepted)
      expect RCPT
      send \(accepted)
      expect RSET
      send 250 2.0.0 ok
      """
    let server = try ScriptedServer(
      script: Self.session([accepted, accepted] + Array(repeating: tooMany, count: 4)),
      connections: 2,
      laterScripts: [
        """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250 scripted.test
        \(transaction)
        \(transaction)
        expect QUIT
        send 221 2.0.0 bye
        """
      ])
    let result = try Self.run(server, Self.addresses(6))
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = try VerifyTests.lines(result)
    #expect(lines.map { $0["address"] as? String } == Self.addresses(6))
    #expect(lines.allSatisfy { $0["verdict"] as? String == "deliverable" })
    // Two accepted, then chunks of two (the limit the server showed): 6 + 2 + 2 RCPTs.
    #expect(Self.rcptCount(server) == 10)
    #expect(server.clientLines().filter { $0.hasPrefix("EHLO") }.count == 2)
    #expect(lines.map { $0["attempts"] as? Int } == [1, 1, 2, 2, 2, 2])
  }

  @Test func a421MidListIsRetriedAfterABackOff() throws {
    let server = try ScriptedServer(
      script: """
        \(Self.greeting)
        expect RCPT
        send 250 2.1.5 ok
        expect RCPT
        send 421 4.3.2 Service shutting down, try again later
        close
        """,
      connections: 2, laterScripts: [Self.session(["250 2.1.5 ok", "250 2.1.5 ok"])])
    let result = try Self.run(server, Self.addresses(3))
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = try VerifyTests.lines(result)
    #expect(lines.map { $0["address"] as? String } == Self.addresses(3))
    #expect(
      lines.map { $0["verdict"] as? String } == ["deliverable", "deliverable", "deliverable"])
    #expect(lines.map { $0["attempts"] as? Int } == [1, 2, 2])
  }

  @Test func aDropMidListIsRetried() throws {
    let server = try ScriptedServer(
      script: """
        \(Self.greeting)
        expect RCPT
        send 550 5.1.1 <user1@probe.test>: Recipient address rejected: User unknown
        reset
        """,
      connections: 2, laterScripts: [Self.session(["250 2.1.5 ok"])])
    let result = try Self.run(server, Self.addresses(2))
    let lines = try VerifyTests.lines(result)
    #expect(
      lines.map { $0["verdict"] as? String } == ["undeliverable", "deliverable"], "\(result.stderr)"
    )
  }

  @Test func oneSessionCarriesSeveralChunksWithRSETBetween() throws {
    let chunk = """
      expect MAIL
      send 250 2.1.0 ok
      expect RCPT
      send 250 2.1.5 ok
      expect RCPT
      send 550 5.1.1 Recipient address rejected: User unknown
      expect RSET
      send 250 2.0.0 ok
      """
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250 scripted.test
        \(chunk)
        \(chunk)
        expect QUIT
        send 221 2.0.0 bye
        """)
    let result = try Self.run(server, Self.addresses(4) + ["--rcpt-per-session", "2"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = try VerifyTests.lines(result)
    #expect(lines.map { $0["address"] as? String } == Self.addresses(4))
    #expect(
      lines.map { $0["verdict"] as? String } == [
        "deliverable", "undeliverable", "deliverable", "undeliverable",
      ])
    // One connection: two transactions, RSET between them.
    #expect(
      server.clientLines().map { String($0.prefix(4)) } == [
        "EHLO", "MAIL", "RCPT", "RCPT", "RSET", "MAIL", "RCPT", "RCPT", "RSET", "QUIT",
      ])
  }

  @Test func oneRecipientForTheNullSenderGetsASessionPerAddress() throws {
    let server = try ScriptedServer(
      script: Self.session([
        "250 2.1.5 ok", "452 4.5.3 Too many recipients: a bounce has one recipient",
        "452 4.5.3 Too many recipients: a bounce has one recipient",
      ]),
      connections: 3, laterScripts: [Self.session(["250 2.1.5 ok"])])
    let result = try Self.run(server, Self.addresses(3))
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = try VerifyTests.lines(result)
    #expect(lines.allSatisfy { $0["verdict"] as? String == "deliverable" })
    #expect(lines.allSatisfy { $0["session_note"] as? String == "one-recipient-for-null-sender" })
    #expect(server.clientLines().filter { $0.hasPrefix("MAIL FROM:<>") }.count == 3)
    // The text output says why.
    let again = try ScriptedServer(
      script: Self.session(["250 2.1.5 ok", "452 4.5.3 Too many recipients"]),
      connections: 2, laterScripts: [Self.session(["250 2.1.5 ok"])])
    let text = try VerifyTests.verify(
      Self.addresses(2) + ["--server", "127.0.0.1:\(again.port)", "--catch-all", "skip"])
    #expect(
      text.stdout.split(separator: "\n").allSatisfy { $0.contains("one recipient per message") },
      "\(text.stdout)")
  }

  @Test(.enabled(if: TestServers.postfixEnabled, "Postfix is not running"))
  func concurrentHostsGiveTheSameVerdictsInInputOrder() throws {
    let dns = try DNSTestServer.port()
    let port = String(try TestServers.postfixPort())
    let list = [
      "a@aonly.test", "b@equal.test", "c@nullmx.test", "d@good.test", "e@aonly.test",
      "f@equal.test", "g@cname.test", "h@good.test", "i@noaddr.test", "j@cname.test",
    ]
    let common = list + ["--dns-server", "127.0.0.1:\(dns)", "--port", port, "--json"]
    let serial = try VerifyTests.verify(common + ["--concurrency", "1"])
    let parallel = try VerifyTests.verify(
      common + ["--concurrency", "16", "--per-host", "2", "--rcpt-per-session", "1"])
    let first = try VerifyTests.lines(serial)
    let second = try VerifyTests.lines(parallel)
    #expect(first.map { $0["address"] as? String } == list)
    #expect(second.map { $0["address"] as? String } == list)
    #expect(first.map { $0["verdict"] as? String } == second.map { $0["verdict"] as? String })
    #expect(first.map { $0["reason"] as? String } == second.map { $0["reason"] as? String })
    #expect(serial.status == parallel.status)
  }

  static func stateFile() -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("verify-state-\(UUID().uuidString).jsonl")
  }

  @Test func stateResumesWhereTheLastRunStopped() throws {
    let state = Self.stateFile()
    defer { try? FileManager.default.removeItem(at: state) }
    let first = try ScriptedServer(
      script: Self.session([
        "250 2.1.5 ok", "550 5.1.1 <user2@probe.test>: Recipient address rejected: User unknown",
      ]))
    let run1 = try Self.run(first, Self.addresses(2) + ["--state", state.path])
    #expect(run1.status == 0, "\(run1.stderr)")
    // The rerun asks only about the third address and prints all three in order.
    let second = try ScriptedServer(script: Self.session(["250 2.1.5 ok"]))
    let run2 = try Self.run(second, Self.addresses(3) + ["--state", state.path])
    #expect(run2.status == 0, "\(run2.stderr)")
    let lines = try VerifyTests.lines(run2)
    #expect(lines.map { $0["address"] as? String } == Self.addresses(3))
    #expect(
      lines.map { $0["verdict"] as? String } == ["deliverable", "undeliverable", "deliverable"])
    #expect(lines[1]["reason"] as? String == "mailbox-unknown")
    #expect(second.clientLines().filter { $0.hasPrefix("RCPT") } == ["RCPT TO:<user3@probe.test>"])
    let recorded = try String(contentsOf: state, encoding: .utf8).split(separator: "\n")
    #expect(recorded.count == 4)
  }

  @Test func aForeignStateFileIsAUsageError() throws {
    let state = Self.stateFile()
    defer { try? FileManager.default.removeItem(at: state) }
    try "address,verdict\nalice@probe.test,deliverable\n".write(
      to: state, atomically: true, encoding: .utf8)
    let result = try VerifyTests.verify([
      "alice@probe.test", "--server", "127.0.0.1:1", "--state", state.path,
    ])
    #expect(result.status == 64)
    #expect(result.stderrLines.filter { !$0.isEmpty }.count == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func aProvidersDomainAsIdentityIsRefusedUnlessForced() throws {
    let helo = try RunBinary.run([
      "verify", "alice@probe.test", "--server", "127.0.0.1:1", "--helo", "mail.gmail.com",
    ])
    #expect(helo.status == 64)
    #expect(helo.stderrLines.filter { !$0.isEmpty }.count == 1)
    #expect(helo.stderr.contains("--helo"))
    let from = try VerifyTests.verify([
      "alice@probe.test", "--server", "127.0.0.1:1", "--from", "someone@outlook.com",
    ])
    #expect(from.status == 64)
    #expect(from.stderr.contains("--from"))
    let forced = try VerifyTests.verify([
      "alice@probe.test", "--server", "127.0.0.1:1", "--from", "someone@outlook.com",
      "--force-identity", "--connect-timeout", "2",
    ])
    // Port 1 refuses the connection: a verdict, not a usage error.
    #expect(forced.status == 3, "\(forced.stderr)")
  }

  @Test(arguments: zip([SIGINT, SIGTERM], [Int32(130), 143]))
  func aSignalMidListQuitsPolitelyAndPrintsWhatIsDone(signal: Int32, status: Int32) throws {
    let state = Self.stateFile()
    defer { try? FileManager.default.removeItem(at: state) }
    // No PIPELINING: one RCPT at a time. The second RCPT is never answered.
    let server = try ScriptedServer(
      script: """
        \(Self.greeting)
        expect RCPT
        send 250 2.1.5 ok
        expect RCPT
        expect QUIT
        send 221 2.0.0 bye
        """)
    let process = Process()
    process.executableURL = try RunBinary.binaryURL()
    process.arguments =
      ["verify"] + Self.addresses(3) + [
        "--server", "127.0.0.1:\(server.port)", "--helo", "client.probe.test", "--json",
        "--catch-all", "skip", "--timeout", "20", "--state", state.path,
      ]
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = Pipe()
    let start = Date()
    try process.run()
    // Poll the server's log (bounded), not the clock: the run waits once the second RCPT is in.
    var waited = 0
    while Self.rcptCount(server) < 2, waited < 2000 {
      usleep(5000)
      waited += 1
    }
    kill(process.processIdentifier, signal)
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == status)
    #expect(Date().timeIntervalSince(start) < 10)
    let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 1, "\(lines)")
    #expect(lines.first?.contains("\"address\":\"user1@probe.test\"") == true)
    #expect(lines.first?.contains("\"verdict\":\"deliverable\"") == true)
    var polls = 0
    while !server.clientLines().contains("QUIT"), polls < 400 {
      usleep(5000)
      polls += 1
    }
    #expect(server.clientLines().contains("QUIT"), "\(server.clientLines())")
    let recorded = try String(contentsOf: state, encoding: .utf8).split(separator: "\n")
    #expect(recorded.count == 2)
    #expect(recorded.last?.contains("user1@probe.test") == true)
  }
}
