import CheckOutputGrammars
import Foundation
import Testing

/// `smtpprobe check DOMAIN` reading the DNS posture from the test dnsmasq
/// (Scripts/servers/dnsmasq-posture.conf), with a scripted peer on 127.0.0.1 as the MX
/// (mx.probe.test), so that only the posture decides what is asserted.
@Suite struct CheckPostureTests {
  /// A session that accepts postmaster@ and closes: STARTTLS is missing (a WARNING), nothing
  /// else is wrong.
  static let session = """
    send 220 scripted.test ESMTP
    expect EHLO
    send 250 scripted.test
    expect MAIL
    send 250 2.1.0 ok
    expect RCPT
    send 250 2.1.5 ok
    expect RSET
    send 250 ok
    expect QUIT
    send 221 bye
    """

  /// Runs `check DOMAIN` against the test zones, the MX being a fresh scripted server.
  static func check(_ domain: String, _ arguments: [String], dnsbl: Bool = true) throws
    -> RunResult
  {
    let dns = try DNSTestServer.port()
    let server = try ScriptedServer(script: session)
    return try RunBinary.run(
      [
        "check", domain, "--dns-server", "127.0.0.1:\(dns)", "--port", "\(server.port)",
        "--helo", "client.probe.test",
      ] + (dnsbl ? ["--dnsbl", "dnsbl.posture.test"] : []) + arguments)
  }

  /// The findings of the first target in JSON output, by `check` or `check subject`.
  static func findings(_ output: String) throws -> (
    states: [String: String], posture: [String: Any]
  ) {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let targets = try #require(json["targets"] as? [[String: Any]])
    let target = try #require(targets.first)
    var states: [String: String] = [:]
    for finding in try #require(target["findings"] as? [[String: Any]]) {
      let check = try #require(finding["check"] as? String)
      let name = (finding["subject"] as? String).map { "\(check) \($0)" } ?? check
      states[name] = finding["state"] as? String
    }
    return (states, try #require(target["posture"] as? [String: Any]))
  }

  @Test func aWellKeptDomainAndEachKeyBlocklistAnswer() throws {
    let result = try Self.check(
      "ok.posture.test",
      [
        "--format", "json", "--spf-ip", "198.51.100.7", "--client-ip", "127.0.0.2",
        "--client-ip", "127.0.0.4", "--dkim-selector", "sel2048", "--dkim-selector", "sel1024",
        "--dkim-selector", "revoked", "--dkim-selector", "testing",
      ])
    // The revoked key and the listed address are CRITICAL.
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    let (states, posture) = try Self.findings(result.stdout)
    #expect(states["spf"] == "ok")
    #expect(states["spf-ip 198.51.100.7"] == "ok")
    #expect(states["dmarc"] == "ok")
    #expect(states["dmarc-report-auth authorised.test"] == "ok")
    #expect(states["tls-rpt"] == "ok")
    #expect(states["dkim sel2048"] == "ok")
    #expect(states["dkim sel1024"] == "warning")
    #expect(states["dkim revoked"] == "critical")
    #expect(states["dkim testing"] == "warning")
    #expect(states["dnsbl 127.0.0.1"] == "ok")
    #expect(states["dnsbl 127.0.0.2"] == "critical")
    #expect(states["dnsbl 127.0.0.4"] == "unknown")
    // The facts as parsed: the include chain of the SPF pass, the key sizes.
    let evaluation = try #require(posture["spf_evaluation"] as? [String: Any])
    #expect(evaluation["result"] as? String == "pass")
    #expect(evaluation["term"] as? String == "ip4:198.51.100.7")
    #expect(evaluation["chain"] as? [String] == ["include:_spf.ok.posture.test"])
    let keys = try #require(posture["dkim"] as? [[String: Any]])
    let bits = keys.map { ($0["record"] as? [String: Any])?["bits"] as? Int }
    #expect(bits == [2048, 1024, nil, 2048])
  }

  @Test func tooManyLookupsAndTheTermThatBrokeTheLimit() throws {
    let result = try Self.check("lookups.posture.test", ["--spf-ip", "203.0.113.9"])
    #expect(result.status == 2)
    let output = try NagiosOutput.parse(result.stdout)
    let lookups = try #require(output.perfdata.first { $0.label.hasSuffix("spf_lookups") })
    #expect(lookups.value == "12")
    #expect(lookups.critical == "10")
    let spf = try #require(output.lines.first { $0.contains(" spf: ") })
    #expect(spf.hasPrefix("CRITICAL"))
    let evaluation = try #require(output.lines.first { $0.contains(" spf-ip 203.0.113.9: ") })
    #expect(evaluation.hasPrefix("CRITICAL"))
    #expect(evaluation.contains("permerror"))
    #expect(evaluation.contains("'a:mx.probe.test' in l4.posture.test"))
  }

  @Test func aSyntaxErrorIsNamedWithItsPosition() throws {
    let result = try Self.check("syntax.posture.test", [])
    let output = try NagiosOutput.parse(result.stdout)
    let spf = try #require(output.lines.first { $0.contains(" spf: ") })
    #expect(spf.hasPrefix("CRITICAL"))
    #expect(spf.contains("position 8"))
    #expect(spf.contains("ip4:192.0.2.300"))
    #expect(output.lines.first { $0.contains(" dmarc: ") }?.hasPrefix("WARNING") == true)
  }

  @Test func plusAllAndPNoneAndAnUnauthorisedReportDestinationWarn() throws {
    let result = try Self.check("plusall.posture.test", ["--format", "json"])
    let (states, posture) = try Self.findings(result.stdout)
    #expect(states["spf"] == "warning")
    #expect(states["dmarc"] == "warning")
    #expect(states["dmarc-report-auth unauthorised.test"] == "warning")
    let dmarc = try #require(posture["dmarc"] as? [String: Any])
    #expect((dmarc["record"] as? [String: Any])?["p"] as? String == "none")
  }

  @Test func aNoMailDomainSaysWhatIsMissing() throws {
    let complete = try Self.check("nomail.posture.test", ["--format", "json"])
    #expect(try Self.findings(complete.stdout).states["no-mail"] == "ok")
    let bare = try NagiosOutput.parse(try Self.check("nullmx.test", []).stdout)
    let line = try #require(bare.lines.first { $0.contains(" no-mail: ") })
    #expect(line.hasPrefix("WARNING"))
    #expect(line.contains("v=spf1 -all"))
    #expect(line.contains("p=reject"))
  }

  @Test func postureIsForDomainsOnly() throws {
    let server = try RunBinary.run(["check", "--server", "127.0.0.1:1", "--spf-ip", "192.0.2.1"])
    #expect(server.status == 3)
    #expect(server.stderr.contains("--spf-ip"))
    // Posture-only options are refused beside --no-posture rather than ignored.
    let conflict = try Self.check("syntax.posture.test", ["--no-posture"])
    #expect(conflict.status == 3)
    #expect(conflict.stderr.contains("--dnsbl"))
    let skipped = try Self.check("syntax.posture.test", ["--no-posture"], dnsbl: false)
    let output = try NagiosOutput.parse(skipped.stdout)
    #expect(!output.lines.contains { $0.contains(" spf: ") })
    #expect(output.lines.contains { $0.contains(" mail-from: ") })
  }
}
