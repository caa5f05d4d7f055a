import Foundation
import Testing

/// `smtpprobe verify`, the real binary: syntax without network, routing through the dnsmasq
/// zones, the loopback Postfix (alice@ and bob@probe.test exist, others get 550 5.1.1), and
/// scripted-smtpd for what Postfix will not do on demand.
@Suite struct VerifyTests {
  /// `smtpprobe verify arguments…` with a fixed EHLO name.
  static func verify(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
    try RunBinary.run(["verify"] + arguments + ["--helo", "client.probe.test"], stdin: stdin)
  }

  /// The JSON Lines of a list run, one object per line.
  static func lines(_ result: RunResult) throws -> [[String: Any]] {
    try result.stdout.split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
      return try #require(object as? [String: Any])
    }
  }

  /// The commands the client sent, from `-v`'s transcripts on stderr.
  static func sent(_ result: RunResult, _ verb: String) -> [String] {
    result.stderrLines.filter { $0.contains("-> \(verb)") }
  }

  /// Verifies `addresses` against a fresh scripted server; `laterScripts` for connections 2...
  static func scripted(
    _ script: String, laterScripts: [String] = [], connections: Int? = 1,
    _ addresses: [String] = ["alice@probe.test"], _ extra: [String] = []
  ) throws -> (RunResult, [String: Any]) {
    let server = try ScriptedServer(
      script: script, connections: connections, laterScripts: laterScripts)
    let result = try Self.verify(
      addresses + ["--server", "127.0.0.1:\(server.port)", "--json"] + extra)
    let object = try ProbeRun.json(result)
    return (result, object)
  }

  // MARK: Syntax, no network

  @Test func anInvalidAddressIsUndeliverableWithoutNetwork() throws {
    // Port 1 on loopback: nothing listens; a connection attempt would say so.
    let result = try Self.verify(["alice..b@probe.test", "--server", "127.0.0.1:1", "--json"])
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    let object = try ProbeRun.json(result)
    #expect(object["verdict"] as? String == "undeliverable")
    #expect(object["reason"] as? String == "address-syntax")
    #expect(object["mx_host"] is NSNull)
    let error = try #require(object["syntax_error"] as? [String: Any])
    #expect(error["position"] as? Int == 6)
  }

  @Test func aFileOrAddressesNotBoth() throws {
    let result = try Self.verify(["alice@probe.test", "--file", "-"])
    #expect(result.status == 64)
    let none = try Self.verify([])
    #expect(none.status == 64)
  }

  // MARK: Postfix

  @Test(.enabled(if: TestServers.postfixEnabled, "Postfix is not running"))
  func oneSessionChecksTheWholeList() throws {
    let port = try TestServers.postfixPort()
    let result = try Self.verify([
      "alice@probe.test", "nobody@probe.test", "bob@probe.test", "--server",
      "127.0.0.1:\(port)", "--json", "-v",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = try Self.lines(result)
    #expect(
      lines.map { $0["address"] as? String } == [
        "alice@probe.test", "nobody@probe.test", "bob@probe.test",
      ])
    #expect(
      lines.map { $0["verdict"] as? String } == ["deliverable", "undeliverable", "deliverable"])
    #expect(lines[1]["reason"] as? String == "mailbox-unknown")
    // Postfix refuses the random local part with 550 5.1.1: not a catch-all.
    #expect(lines.allSatisfy { $0["catch_all"] as? String == "no" })
    // One session: one MAIL, the three RCPTs, then the catch-all probe after them, no DATA.
    #expect(Self.sent(result, "MAIL FROM").count == 1)
    let rcpts = Self.sent(result, "RCPT TO")
    #expect(rcpts.count == 4)
    #expect(rcpts.last?.contains("smtpprobe-check-") == true)
    #expect(Self.sent(result, "DATA").isEmpty)
  }

  @Test(.enabled(if: TestServers.postfixEnabled, "Postfix is not running"))
  func chunksOpenOneSessionEach() throws {
    let port = try TestServers.postfixPort()
    let result = try Self.verify([
      "alice@probe.test", "bob@probe.test", "carol@probe.test", "--server", "127.0.0.1:\(port)",
      "--rcpt-per-session", "2", "--catch-all", "skip", "-v",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(Self.sent(result, "MAIL FROM").count == 2)
    #expect(Self.sent(result, "RCPT TO").count == 3)
    #expect(result.stdout.contains("carol@probe.test  undeliverable  mailbox-unknown  127.0.0.1"))
    #expect(result.stdout.contains("alice@probe.test  deliverable  ok  127.0.0.1"))
  }

  @Test(.enabled(if: TestServers.postfixEnabled, "Postfix is not running"))
  func singleAddressExitCodesAndFailOn() throws {
    let server = "127.0.0.1:\(try TestServers.postfixPort())"
    #expect(try Self.verify(["alice@probe.test", "--server", server]).status == 0)
    #expect(try Self.verify(["nobody@probe.test", "--server", server]).status == 1)
    let list = ["alice@probe.test", "nobody@probe.test", "--server", server]
    #expect(try Self.verify(list).status == 0)
    #expect(try Self.verify(list + ["--fail-on", "undeliverable"]).status == 1)
    #expect(try Self.verify(list + ["--fail-on", "risky,unknown"]).status == 0)
    #expect(try Self.verify(list + ["--fail-on", "maybe"]).status == 64)
  }

  @Test(.enabled(if: TestServers.postfixEnabled, "Postfix is not running"))
  func aFileWithCommentsDuplicatesAndCSV() throws {
    let server = "127.0.0.1:\(try TestServers.postfixPort())"
    let result = try Self.verify(
      ["--file", "-", "--server", server, "--csv"],
      stdin: "# sign-ups\nalice@probe.test\n\nnobody@probe.test\nalice@probe.test\nnot an address\n"
    )
    #expect(result.status == 0, "\(result.stderr)")
    let records = result.stdout.split(separator: "\r\n").map(String.init)
    #expect(records.count == 5)
    #expect(records[0].hasPrefix("address,verdict,reason,mx_host,catch_all"))
    #expect(records[1].hasPrefix("alice@probe.test,deliverable,ok,127.0.0.1,no"))
    #expect(records[2].hasPrefix("nobody@probe.test,undeliverable,mailbox-unknown"))
    // The duplicate reuses the first line's result.
    #expect(records[3].hasPrefix("alice@probe.test,deliverable,ok,127.0.0.1,no"))
    #expect(records[4].hasPrefix("not an address,undeliverable,address-syntax"))
  }

  // MARK: Routing through the dnsmasq zones

  @Test(.enabled(if: TestServers.postfixEnabled, "Postfix is not running"))
  func routingAsProbeComputesIt() throws {
    let dns = try DNSTestServer.port()
    let result = try Self.verify([
      "a@nullmx.test", "a@noaddr.test", "a@nxdomain.test", "alice@good.test", "--dns-server",
      "127.0.0.1:\(dns)", "--port", String(try TestServers.postfixPort()), "--json",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let lines = try Self.lines(result)
    #expect(
      lines.map { $0["verdict"] as? String } == [
        "undeliverable", "undeliverable", "undeliverable", "unknown",
      ])
    #expect(
      lines.map { $0["reason"] as? String } == [
        "null-mx", "no-mail-host", "domain-unknown", "prober-refused",
      ])
    // good.test: past the dead MX to mx.probe.test, whose relay refusal says nothing about
    // the address.
    #expect(lines[3]["mx_host"] as? String == "mx.probe.test")
    #expect(lines[3]["refusal_category"] as? String == "relay-denied")
  }

  // MARK: Scripted peers

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

  static func rcpts(_ real: String, _ probe: String) -> String {
    "\(greeting)\nexpect RCPT\nsend \(real)\nexpect RCPT\nsend \(probe)\n\(closing)"
  }

  @Test func aBlocklistedProberIsNeverUndeliverable() throws {
    let refusal =
      "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org;"
      + " https://www.spamhaus.org/query/ip/127.0.0.1"
    let (result, object) = try Self.scripted(Self.rcpts(refusal, refusal))
    #expect(result.status == 3, "\(result.stdout)")
    #expect(object["verdict"] as? String == "unknown")
    #expect(object["reason"] as? String == "prober-refused")
    #expect(object["refusal_category"] as? String == "blocklisted-ip")
  }

  @Test func aRefusedSenderIsProberRefused() throws {
    let (result, object) = try Self.scripted(
      """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250 scripted.test
      expect MAIL
      send 553 5.7.1 <>: Sender address rejected: Access denied
      expect *
      send 221 2.0.0 bye
      """)
    #expect(result.status == 3, "\(result.stdout)")
    #expect(object["verdict"] as? String == "unknown")
    #expect(object["reason"] as? String == "prober-refused")
  }

  @Test func aCatchAllThatAcceptsEverythingIsRisky() throws {
    let (result, object) = try Self.scripted(Self.rcpts("250 2.1.5 ok", "250 2.1.5 ok"))
    #expect(result.status == 2, "\(result.stdout)")
    #expect(object["verdict"] as? String == "risky")
    #expect(object["reason"] as? String == "catch-all")
    #expect(object["catch_all"] as? String == "yes")
  }

  @Test func aCatchAllProbeAnswered4xxIsInconclusive() throws {
    let (result, object) = try Self.scripted(
      Self.rcpts("250 2.1.5 ok", "451 4.3.0 temporary lookup failure"))
    #expect(result.status == 0, "\(result.stdout)")
    #expect(object["verdict"] as? String == "deliverable")
    #expect(object["catch_all"] as? String == "inconclusive")
  }

  static let greylisted =
    "450 4.7.1 <alice@probe.test>: Recipient address rejected: Greylisted, see"
    + " http://postgrey.schweikert.ch/help/probe.test.html"

  @Test func greylistingIsRetriedAfterTheWait() throws {
    let (result, object) = try Self.scripted(
      Self.rcpts(Self.greylisted, Self.greylisted),
      laterScripts: [Self.rcpts("250 2.1.5 ok", "550 5.1.1 no such user")], connections: 2,
      ["alice@probe.test"], ["--greylist-wait", "0.2"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(object["verdict"] as? String == "deliverable")
    #expect(object["attempts"] as? Int == 2)
  }

  @Test func greylistingGivesUpWithRetryAfter() throws {
    let (result, object) = try Self.scripted(
      Self.rcpts(Self.greylisted, Self.greylisted), connections: nil, ["alice@probe.test"],
      ["--greylist-wait", "0.1", "--greylist-max", "0.25"])
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    #expect(object["verdict"] as? String == "risky")
    #expect(object["reason"] as? String == "greylisted")
    #expect(object["retry_after"] is String)
    #expect(object["attempts"] as? Int == 3)
  }

  static let acceptsOne = "\(greeting)\nexpect RCPT\nsend 250 2.1.5 ok\n\(closing)"

  @Test func aRoleAccountIsFlaggedRisky() throws {
    let (result, object) = try Self.scripted(
      Self.acceptsOne, ["postmaster@probe.test"], ["--catch-all", "skip"])
    #expect(result.status == 2, "\(result.stdout)")
    #expect(object["reason"] as? String == "role-account")
    #expect(object["role_account"] as? Bool == true)
    #expect(object["catch_all"] as? String == "not-run")
  }

  @Test func aDisposableDomainFromTheUsersList() throws {
    let list = FileManager.default.temporaryDirectory
      .appendingPathComponent("disposable-\(UUID().uuidString).txt")
    try "# throwaway domains\nprobe.test\n".write(to: list, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: list) }
    let (result, object) = try Self.scripted(
      Self.acceptsOne, ["alice@mail.probe.test"],
      ["--catch-all", "skip", "--disposable-list", list.path])
    #expect(result.status == 2, "\(result.stdout)")
    #expect(object["reason"] as? String == "disposable")
    #expect(object["disposable"] as? Bool == true)
  }

  @Test func anAddressLiteralIsItsOwnRoute() throws {
    let server = try ScriptedServer(script: Self.acceptsOne)
    let result = try Self.verify([
      "alice@[127.0.0.1]", "--port", String(server.port), "--catch-all", "skip", "--json",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let object = try ProbeRun.json(result)
    #expect(object["verdict"] as? String == "deliverable")
    #expect(object["mx_host"] as? String == "127.0.0.1")
    #expect(server.clientLines().contains("RCPT TO:<alice@[127.0.0.1]>"))
  }
}
