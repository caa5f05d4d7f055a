import CheckOutputGrammars
import Foundation
import Testing

/// `smtpprobe check` run as a binary against scripted peers: the faults a real MTA will not
/// produce on demand, each read back through the strict grammar of the output format.
@Suite struct CheckScriptedTests {
  /// Runs `smtpprobe check --server` against a fresh scripted server.
  static func check(
    _ script: String, _ arguments: [String] = [], environment: [String: String] = [:]
  ) throws -> (RunResult, ScriptedServer) {
    let server = try ScriptedServer(script: script)
    let result = try RunBinary.run(
      ["check", "--server", "127.0.0.1:\(server.port)", "--helo", "client.probe.test"]
        + arguments, environment: environment)
    return (result, server)
  }

  /// The lines the client sent, once the session is over.
  static func clientLines(_ server: ScriptedServer) -> [String] {
    for _ in 0..<50 {
      if server.log().contains(where: { $0.contains("closed") || $0.contains("ended") }) { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return server.clientLines()
  }

  /// The long-text line of `check` in parsed Nagios output.
  static func line(_ output: NagiosOutput, _ check: String) -> String? {
    output.lines.first { $0.contains(" \(check): ") || $0.contains(" \(check) ") }
  }

  static let plainSession = """
    send 220 scripted.test ESMTP
    expect EHLO
    send 250 scripted.test
    expect MAIL
    send 250 2.1.0 ok
    expect QUIT
    send 221 bye
    """

  @Test func a554GreetingIsCriticalExplainedAndEndsWithQuit() throws {
    let (result, server) = try Self.check(
      """
      send 554 5.7.1 scripted.test no SMTP service here
      expect QUIT
      send 221 bye
      """, ["--format", "json"])
    #expect(result.status == 2, "\(result.stdout)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["state"] as? String == "critical")
    #expect(json["exit_code"] as? Int == 2)
    let targets = try #require(json["targets"] as? [[String: Any]])
    let hosts = try #require(targets.first?["hosts"] as? [[String: Any]])
    let findings = try #require(hosts.first?["findings"] as? [[String: Any]])
    let greeting = try #require(findings.first { $0["check"] as? String == "greeting" })
    #expect(greeting["state"] as? String == "critical")
    #expect(!(greeting["explanation"] as? String ?? "").isEmpty)
    let evidence = try #require(greeting["evidence"] as? [String: Any])
    #expect(evidence["diagnosis"] is [String: Any])
    // Nothing after a refused greeting but QUIT (RFC 5321 3.1).
    #expect(!findings.contains { $0["check"] as? String == "ehlo" })
    #expect(Self.clientLines(server) == ["QUIT"])
  }

  @Test func a421GreetingIsCritical() throws {
    let (result, server) = try Self.check(
      """
      send 421 4.3.2 scripted.test busy, try later
      expect QUIT
      send 221 bye
      """)
    #expect(result.status == 2, "\(result.stdout)")
    let output = try NagiosOutput.parse(result.stdout)
    #expect(output.state == "CRITICAL")
    #expect(Self.line(output, "greeting")?.hasPrefix("CRITICAL") == true)
    #expect(Self.clientLines(server) == ["QUIT"])
  }

  @Test func aSlowGreetingBeyondThePhaseLimitIsWarning() throws {
    let (result, _) = try Self.check(
      "delay 700\n" + Self.plainSession, ["--phase-warn", "greeting=0.3"])
    #expect(result.status == 1, "\(result.stdout)")
    let output = try NagiosOutput.parse(result.stdout)
    #expect(output.state == "WARNING")
    #expect(Self.line(output, "phase-time")?.hasPrefix("WARNING") == true)
    let greeting = try #require(output.perfdata.first { $0.label == "time_greeting" })
    // The server waits 700 ms after accept(); the session clock starts after our own connect
    // returns, so under load a few tens of ms of that wait happen before it: most, not all.
    #expect(try #require(Double(greeting.value)) >= 0.5)
    #expect(greeting.unit == "s")
    #expect(greeting.warning == "0.3")
  }

  @Test func a530AtMailFromIsCritical() throws {
    let (result, server) = try Self.check(
      """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250 scripted.test
      expect MAIL
      send 530 5.7.0 Must issue a STARTTLS command first
      expect QUIT
      send 221 bye
      """)
    #expect(result.status == 2, "\(result.stdout)")
    let output = try NagiosOutput.parse(result.stdout)
    #expect(output.state == "CRITICAL")
    #expect(Self.line(output, "mail-from")?.hasPrefix("CRITICAL") == true)
    #expect(Self.clientLines(server).last == "QUIT")
  }

  @Test func aSilentServerIsCriticalWithinTheTimeout() throws {
    let server = try ScriptedServer(script: "delay 3000\nclose")
    let start = Date()
    let result = try RunBinary.run(
      ["check", "--server", "127.0.0.1:\(server.port)", "--timeout", "1", "--helo", "c.probe.test"])
    let elapsed = Date().timeIntervalSince(start)
    #expect(result.status == 2, "\(result.stdout)")
    #expect(elapsed < 2, "took \(elapsed) s: \(result.stdout)")
    let output = try NagiosOutput.parse(result.stdout)
    #expect(Self.line(output, "greeting")?.hasPrefix("CRITICAL") == true)
  }

  @Test func recipientAssertionsAreJudged() throws {
    let (result, server) = try Self.check(
      """
      send 220 scripted.test ESMTP
      expect EHLO
      send 250 scripted.test
      expect MAIL
      send 250 2.1.0 ok
      expect RCPT
      send 250 2.1.5 ok
      expect RCPT
      send 250 2.1.5 ok
      expect RSET
      send 250 ok
      expect QUIT
      send 221 bye
      """,
      ["--rcpt", "abuse@scripted.test=accept", "--rcpt", "nobody@scripted.test=reject"])
    #expect(result.status == 2, "\(result.stdout)")
    let output = try NagiosOutput.parse(result.stdout)
    #expect(Self.line(output, "rcpt abuse@scripted.test")?.hasPrefix("OK") == true)
    #expect(Self.line(output, "rcpt nobody@scripted.test")?.hasPrefix("CRITICAL") == true)
    // Never DATA: the session stops after RCPT.
    #expect(!Self.clientLines(server).contains("DATA"))
  }

  @Test func everyFormatParsesAndReportFilesAreWritten() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let junit = directory.appendingPathComponent("check.xml")
    let prom = directory.appendingPathComponent("smtp.prom")
    let summary = directory.appendingPathComponent("summary.md")
    try Data("earlier step\n".utf8).write(to: summary)
    let (result, _) = try Self.check(
      Self.plainSession,
      [
        "--format", "github", "--report", "junit:\(junit.path)", "--report",
        "prometheus:\(prom.path)",
      ], environment: ["GITHUB_STEP_SUMMARY": summary.path])
    // No STARTTLS: a WARNING, exit 1, in every format.
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    let annotations = result.stdout.split(separator: "\n")
    #expect(!annotations.isEmpty)
    for line in annotations {
      #expect(line.hasPrefix("::warning title=") || line.hasPrefix("::error title="))
      #expect(line.dropFirst(2).contains("::"))
    }
    let summaryText = try String(contentsOf: summary, encoding: .utf8)
    #expect(summaryText.hasPrefix("earlier step\n"))
    #expect(summaryText.contains("|"))

    let exposition = try PrometheusExposition.parse(String(contentsOf: prom, encoding: .utf8))
    let status = exposition.samples.first {
      $0.name == "smtpprobe_check_status" && $0.labels["check"] == "starttls-offered"
    }
    #expect(status?.value == 1)

    let elements = try JUnitReader.read(String(contentsOf: junit, encoding: .utf8))
    let root = try #require(elements.first)
    #expect(root.name == "testsuites")
    #expect(root.attributes["failures"] == "1")
    let failed = elements.indices.filter { elements[$0].name == "failure" }
      .compactMap { elements[$0].parent }.compactMap { elements[$0].attributes["name"] }
    #expect(failed.contains { $0.contains("starttls-offered") }, "\(failed)")
  }

  @Test func starttlsEnforcedWhenThePlainSessionGets530() throws {
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250 scripted.test
        expect MAIL
        send 530 5.7.0 Must issue a STARTTLS command first
        expect QUIT
        send 221 bye
        """, connections: 2)
    let result = try RunBinary.run([
      "check", "--server", "127.0.0.1:\(server.port)", "--helo", "client.probe.test",
      "--require-starttls",
    ])
    let output = try NagiosOutput.parse(result.stdout)
    #expect(Self.line(output, "starttls-enforced")?.hasPrefix("OK") == true, "\(result.stdout)")
  }

  @Test func badArgumentsAreUnknown() throws {
    let result = try RunBinary.run(["check", "--server", "127.0.0.1:1", "--cert-warn", "x"])
    #expect(result.status == 3)
    #expect(result.stderrLines.count == 1)
    let missing = try RunBinary.run(["check"])
    #expect(missing.status == 3)
    let unknown = try RunBinary.run(["check", "--server", "127.0.0.1:1", "--no-such-option"])
    #expect(unknown.status == 3)
  }
}

/// `smtpprobe check` against the test Postfix instances (Scripts/servers/postfix.sh and
/// postfix-tls.sh): a healthy server, and each certificate fault.
@Suite(.enabled(if: TLSTestServers.enabled, "TLS test servers not running"))
struct CheckPostfixTests {
  static func check(port: UInt16, _ extra: [String] = []) throws -> (RunResult, NagiosOutput) {
    let servers = try TLSTestServers.require()
    let result = try RunBinary.run(
      [
        "check", "--server", "127.0.0.1:\(port)", "--cafile", servers.caFile, "--helo",
        "client.probe.test",
      ] + extra)
    return (result, try NagiosOutput.parse(result.stdout))
  }

  static func line(_ output: NagiosOutput, _ check: String) -> String? {
    CheckScriptedTests.line(output, check)
  }

  @Test func theHealthyServerIsOK() throws {
    let servers = try TLSTestServers.require()
    let (result, output) = try Self.check(
      port: servers.starttlsPort,
      ["--rcpt", "alice@probe.test=accept", "--rcpt", "nobody@probe.test=reject"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(output.state == "OK")
    for check in ["starttls-offered", "starttls-negotiated", "tls-verified", "cert-days"] {
      #expect(Self.line(output, check)?.hasPrefix("OK") == true, "\(check)")
    }
    let days = try #require(output.perfdata.first { $0.label == "cert_days" })
    #expect(days.warning == "20:")
    #expect(days.critical == "10:")
    #expect(output.perfdata.contains { $0.label == "time_total" })
  }

  @Test func anExpiredCertificateIsCritical() throws {
    let servers = try TLSTestServers.require()
    let (result, output) = try Self.check(port: servers.expiredPort)
    #expect(result.status == 2)
    #expect(Self.line(output, "cert-days")?.hasPrefix("CRITICAL") == true)
    #expect(Self.line(output, "tls-verified")?.hasPrefix("CRITICAL") == true)
    let days = try #require(output.perfdata.first { $0.label == "cert_days" })
    #expect(try #require(Double(days.value)) < 0)
  }

  @Test func aCertificateCloseToItsLimitWarns() throws {
    let servers = try TLSTestServers.require()
    // The valid certificate has years left; limits above that make it "close to expiry".
    let (result, output) = try Self.check(
      port: servers.starttlsPort, ["--cert-warn", "100000", "--cert-crit", "1"])
    #expect(result.status == 1, "\(result.stdout)")
    #expect(Self.line(output, "cert-days")?.hasPrefix("WARNING") == true)
  }

  @Test func wrongHostAndSelfSignedAreCritical() throws {
    let servers = try TLSTestServers.require()
    for port in [servers.wrongHostPort, servers.selfSignedPort] {
      let (result, output) = try Self.check(port: port)
      #expect(result.status == 2, "\(result.stdout)")
      #expect(Self.line(output, "tls-verified")?.hasPrefix("CRITICAL") == true)
    }
  }

  @Test func starttlsNotEnforcedIsCritical() throws {
    let servers = try TLSTestServers.require()
    let (result, output) = try Self.check(port: servers.starttlsPort, ["--require-starttls"])
    #expect(result.status == 2, "\(result.stdout)")
    #expect(Self.line(output, "starttls-enforced")?.hasPrefix("CRITICAL") == true)
  }

  @Test func tls10IsAWarning() throws {
    let servers = try TLSTestServers.require()
    let (result, output) = try Self.check(port: servers.legacyPort)
    // Either this OpenSSL still speaks TLS 1.0 (a WARNING) or the handshake fails (CRITICAL).
    #expect(result.status == 1 || result.status == 2, "\(result.stdout)")
    if let line = Self.line(output, "tls-protocol"), !line.hasPrefix("SKIPPED") {
      #expect(line.hasPrefix("WARNING"))
    }
  }
}
