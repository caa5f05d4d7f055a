import CheckOutputGrammars
import Foundation
import SMTPProbeCore
import Testing

/// `smtpprobe check --relay-test` run as a binary: the open-relay matrix in one session of its
/// own, against scripted peers that accept or refuse every form.
@Suite struct CheckRelayScriptedTests {
  /// The first session: the inbound checks, stopping after MAIL FROM (no recipients asked).
  static func checkSession(pipelining: Bool) -> String {
    """
    send 220 scripted.test ESMTP
    expect EHLO
    \(ehlo(pipelining))
    expect MAIL
    send 250 2.1.0 ok
    expect RSET
    send 250 2.0.0 ok
    expect QUIT
    send 221 bye
    """
  }

  static func ehlo(_ pipelining: Bool) -> String {
    pipelining ? "send 250-scripted.test\nsend 250 PIPELINING" : "send 250 scripted.test"
  }

  /// The relay session: every form gets `mail` to MAIL FROM and, when it is sent, `rcpt` to
  /// RCPT TO; RSET after each.
  static func relaySession(
    pipelining: Bool, mail: String = "250 2.1.0 ok", rcpt: String? = "250 2.1.5 ok"
  ) -> String {
    var lines = ["send 220 scripted.test ESMTP", "expect EHLO", ehlo(pipelining)]
    for _ in RelaySession.forms {
      lines += ["expect MAIL", "send \(mail)"]
      if let rcpt { lines += ["expect RCPT", "send \(rcpt)"] }
      lines += ["expect RSET", "send 250 2.0.0 ok"]
    }
    lines += ["expect QUIT", "send 221 bye"]
    return lines.joined(separator: "\n")
  }

  static func run(_ relay: String, pipelining: Bool, _ arguments: [String] = []) throws
    -> (RunResult, [String])
  {
    let server = try ScriptedServer(
      script: checkSession(pipelining: pipelining), connections: 2, laterScripts: [relay])
    let result = try RunBinary.run(
      [
        "check", "--server", "127.0.0.1:\(server.port)", "--helo", "client.probe.test",
        "--relay-test",
      ] + arguments)
    return (result, CheckScriptedTests.clientLines(server))
  }

  /// The `relay` finding of the only host, from JSON output.
  static func relayFinding(_ stdout: String) throws -> [String: Any] {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    let targets = try #require(json["targets"] as? [[String: Any]])
    let hosts = try #require(targets.first?["hosts"] as? [[String: Any]])
    let findings = try #require(hosts.first?["findings"] as? [[String: Any]])
    return try #require(findings.first { $0["check"] as? String == "relay" })
  }

  @Test(arguments: [false, true])
  func anOpenRelayIsCriticalAndNamesEveryForm(pipelining: Bool) throws {
    let (result, lines) = try Self.run(
      Self.relaySession(pipelining: pipelining), pipelining: pipelining, ["--format", "json"])
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    let relay = try Self.relayFinding(result.stdout)
    #expect(relay["state"] as? String == "critical")
    let summary = try #require(relay["summary"] as? String)
    for form in RelaySession.forms {
      #expect(summary.contains(form.title), "\(form)")
    }
    let evidence = try #require(relay["evidence"] as? [String: Any])
    #expect(evidence["answered"] as? String == "RCPT")
    // One session for the matrix, RSET after every form, never DATA.
    #expect(!lines.contains { $0.uppercased().hasPrefix("DATA") })
    #expect(lines.filter { $0 == "RSET" }.count == RelaySession.forms.count + 1)
    // The IP-literal form names the address actually connected to.
    // With --server 127.0.0.1 the percent hack at the target reads the same.
    #expect(
      lines.filter { $0 == "RCPT TO:<relay-test%example.net@[127.0.0.1]>" }.count == 2,
      "\(lines)")
    #expect(lines.contains("RCPT TO:<@[127.0.0.1]:relay-test@example.net>"))
    #expect(lines.contains("MAIL FROM:<>"))
  }

  @Test func everyFormRefusedIsOKInNagiosOutput() throws {
    let relay = Self.relaySession(
      pipelining: false, rcpt: "554 5.7.1 <relay-test@example.net>: Relay access denied")
    let (result, _) = try Self.run(relay, pipelining: false, ["--format", "nagios"])
    let output = try NagiosOutput.parse(result.stdout)
    let line = try #require(CheckScriptedTests.line(output, "relay"), "\(result.stdout)")
    #expect(line.hasPrefix("OK"), "\(line)")
  }

  @Test func a530IsAuthenticationRequiredNotARelay() throws {
    let relay = Self.relaySession(
      pipelining: false, mail: "530 5.7.0 Authentication required", rcpt: nil)
    let (result, lines) = try Self.run(relay, pipelining: false, ["--format", "json"])
    let finding = try Self.relayFinding(result.stdout)
    #expect(finding["state"] as? String == "ok", "\(result.stdout)")
    // Without PIPELINING a refused MAIL FROM is followed by RSET, not by its RCPT.
    #expect(lines.filter { $0.hasPrefix("RCPT") }.isEmpty)
  }

  @Test func aSessionDroppedMidwayIsAnIncompleteMatrix() throws {
    let relay = """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250 scripted.test
      expect MAIL
      send 250 2.1.0 ok
      expect RCPT
      send 554 5.7.1 Relay access denied
      expect RSET
      send 250 2.0.0 ok
      expect MAIL
      send 421 4.7.0 scripted.test too many errors
      close
      """
    let (result, _) = try Self.run(relay, pipelining: false, ["--format", "json"])
    let finding = try Self.relayFinding(result.stdout)
    #expect(finding["state"] as? String == "warning", "\(result.stdout)")
  }
}

/// `check --relay-test` against the test Postfix (Scripts/servers/postfix.sh), which refuses
/// relaying for 127.0.0.1 (`mynetworks` leaves it out) and offers PIPELINING.
@Suite(
  .enabled(if: TestServers.postfixEnabled, "Postfix is not running (Scripts/test-servers start)"))
struct CheckRelayPostfixTests {
  @Test func relayCorrectlyDeniedIsOKForEveryForm() throws {
    let port = try TestServers.postfixPort()
    let result = try RunBinary.run([
      "check", "--server", "127.0.0.1:\(port)", "--helo", "client.probe.test", "--relay-test",
      "--format", "json",
    ])
    let relay = try CheckRelayScriptedTests.relayFinding(result.stdout)
    #expect(relay["state"] as? String == "ok", "\(result.stdout)")
    #expect(relay["applicable"] as? Bool == true)
    let nagios = try RunBinary.run([
      "check", "--server", "127.0.0.1:\(port)", "--helo", "client.probe.test", "--relay-test",
      "--format", "nagios",
    ])
    let output = try NagiosOutput.parse(nagios.stdout)
    #expect(CheckScriptedTests.line(output, "relay")?.hasPrefix("OK") == true, "\(nagios.stdout)")
  }
}
