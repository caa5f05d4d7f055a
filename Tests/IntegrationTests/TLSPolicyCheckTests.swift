import CheckOutputGrammars
import Foundation
import Testing

/// `smtpprobe check DOMAIN` reading MTA-STS and DANE from dnsmasq (Scripts/servers/
/// dnsmasq-mtasts.conf), fetching policies from the loopback HTTPS server (Scripts/servers/
/// https.sh) and comparing them with what the STARTTLS Postfix (postfix-tls.sh) presents.
@Suite(.enabled(if: TLSTestServers.enabled, "TLS test servers not running"))
struct TLSPolicyCheckTests {
  /// The HTTPS port of the policy server, or a failure naming the variable.
  static func httpsPort() throws -> Int {
    guard let port = TestServers.variables["SMTPPROBE_TEST_HTTPS_PORT"].flatMap(Int.init) else {
      throw TestServers.Missing(variable: "SMTPPROBE_TEST_HTTPS_PORT")
    }
    return port
  }

  /// Runs `check DOMAIN` against the STARTTLS Postfix (or `port`) in `format`.
  static func check(_ domain: String, port: UInt16? = nil, format: String = "json") throws
    -> RunResult
  {
    let servers = try TLSTestServers.require()
    let dns = try DNSTestServer.port()
    return try RunBinary.run([
      "check", domain, "--dns-server", "127.0.0.1:\(dns)",
      "--port", String(port ?? servers.starttlsPort), "--cafile", servers.caFile,
      "--mta-sts-port", String(try httpsPort()), "--helo", "client.probe.test",
      "--format", format,
    ])
  }

  /// Every finding of the JSON report (the target's and each host's), by check name.
  static func findings(_ result: RunResult) throws -> [String: [[String: Any]]] {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
      "\(result.stdout)\n\(result.stderr)")
    let targets = try #require(json["targets"] as? [[String: Any]])
    var all = targets.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
    for host in targets.flatMap({ $0["hosts"] as? [[String: Any]] ?? [] }) {
      all += host["findings"] as? [[String: Any]] ?? []
    }
    return Dictionary(grouping: all) { $0["check"] as? String ?? "" }
  }

  static func states(_ findings: [String: [[String: Any]]], _ check: String) -> [String] {
    (findings[check] ?? []).compactMap { $0["state"] as? String }
  }

  @Test func anEnforcedPolicyTheMXMeetsIsFetchedParsedAndOK() throws {
    let findings = try Self.findings(try Self.check("sts-enforce.test"))
    #expect(Self.states(findings, "mta-sts-record") == ["ok"])
    let policy = try #require(findings["mta-sts-policy"]?.first)
    #expect(policy["state"] as? String == "ok", "\(policy)")
    let record = try #require(policy["record"] as? [String: Any])
    #expect(record["mode"] as? String == "enforce")
    #expect(record["max_age"] as? Int == 604_800)
    #expect(record["mx"] as? [String] == ["mx.probe.test"])
    #expect(Self.states(findings, "mta-sts-mode") == ["ok"])
    #expect(Self.states(findings, "mta-sts-max-age") == ["ok"])
    #expect(Self.states(findings, "mta-sts-mx") == ["ok"])
    // The live session: STARTTLS with the test CA's certificate for mx.probe.test.
    #expect(Self.states(findings, "mta-sts-tls") == ["ok"])
  }

  @Test func anMXOutsideTheEnforcedPatternsIsCritical() throws {
    let result = try Self.check("sts-mismatch.test")
    let findings = try Self.findings(result)
    #expect(Self.states(findings, "mta-sts-policy") == ["ok"])
    #expect(Self.states(findings, "mta-sts-mx") == ["critical"])
    #expect(result.status == 2)
  }

  @Test func testingModeFetchedChunkedIsAWarning() throws {
    let findings = try Self.findings(try Self.check("sts-testing.test"))
    #expect(Self.states(findings, "mta-sts-policy") == ["ok"])
    #expect(Self.states(findings, "mta-sts-mode") == ["warning"])
    #expect(Self.states(findings, "mta-sts-max-age") == ["warning"])
    #expect(Self.states(findings, "mta-sts-mx") == ["ok"])  // *.probe.test
  }

  @Test func aRedirectIsRefusedAndA404IsNoPolicy() throws {
    let redirect = try Self.findings(try Self.check("sts-redirect.test"))
    let finding = try #require(redirect["mta-sts-policy"]?.first)
    #expect(finding["state"] as? String == "critical")
    #expect((finding["summary"] as? String)?.contains("301") == true)
    #expect(redirect["mta-sts-mode"] == nil)
    let missing = try Self.findings(try Self.check("sts-missing.test"))
    let notFound = try #require(missing["mta-sts-policy"]?.first)
    #expect(notFound["state"] as? String == "critical")
    #expect((notFound["summary"] as? String)?.contains("404") == true)
  }

  @Test func twoRecordsAreCriticalAndNoRecordIsSkipped() throws {
    let double = try Self.findings(try Self.check("sts-double.test"))
    #expect(Self.states(double, "mta-sts-record") == ["critical"])
    let none = try Self.findings(try Self.check("good.test"))
    #expect(none["mta-sts-record"]?.first?["applicable"] as? Bool == false)
    #expect(none["dane-tlsa"]?.allSatisfy { $0["applicable"] as? Bool == false } == true)
  }

  @Test func tlsaMatchingThePostfixCertificateIsFoundButNotValidatedByDnsmasq() throws {
    let findings = try Self.findings(try Self.check("dane-ee.test"))
    // dnsmasq does not validate DNSSEC: the AD bit is clear, and the check says so.
    let tlsa = try #require(findings["dane-tlsa"]?.first)
    #expect(tlsa["state"] as? String == "warning")
    let record = try #require(tlsa["record"] as? [String: Any])
    #expect(record["validated"] as? Bool == false)
    #expect((record["records"] as? [String])?.count == 2)
    // Both records (3 1 1 of the key, 3 0 1 of the certificate) match what Postfix presented.
    #expect(Self.states(findings, "dane-match") == ["ok", "ok"])
  }

  @Test func tlsaMatchingNothingIsCriticalInEveryFormat() throws {
    let findings = try Self.findings(try Self.check("dane-bad.test"))
    #expect(Self.states(findings, "dane-match") == ["critical"])
    let nagios = try NagiosOutput.parse(try Self.check("dane-bad.test", format: "nagios").stdout)
    #expect(nagios.state == "CRITICAL")
    #expect(nagios.lines.contains { $0.hasPrefix("CRITICAL") && $0.contains("dane-match") })
    let prometheus = try PrometheusExposition.parse(
      try Self.check("dane-bad.test", format: "prometheus").stdout)
    #expect(
      prometheus.samples.contains {
        $0.name == "smtpprobe_check_status" && $0.labels["check"] == "dane-match" && $0.value == 2
      })
  }

  @Test func pkixUsagesAreNotUsedForSMTP() throws {
    let findings = try Self.findings(try Self.check("dane-pkix.test"))
    let skipped = try #require(findings["dane-match"]?.first { $0["applicable"] as? Bool == false })
    #expect((skipped["summary"] as? String)?.contains("RFC 7672 3.1.3") == true)
    #expect(Self.states(findings, "dane-match").contains("warning"))
  }

  @Test func tlsaWithoutSTARTTLSIsCritical() throws {
    // The plain Postfix offers no STARTTLS.
    let findings = try Self.findings(
      try Self.check("dane-ee.test", port: UInt16(try TestServers.postfixPort())))
    #expect(Self.states(findings, "starttls-offered") == ["warning"])
    #expect(Self.states(findings, "dane-match") == ["critical"])
  }
}
