import Foundation
import Testing

/// `smtpprobe probe DOMAIN` with the test zones of dnsmasq (Scripts/servers/dnsmasq.sh) and the
/// loopback Postfix as every reachable MX (`--port`).
@Suite(
  .enabled(if: TestServers.postfixEnabled, "Postfix is not running (Scripts/test-servers start)"))
struct ProbeDomainTests {
  /// `probe DOMAIN --dns-server … --port POSTFIX --to alice@probe.test` plus `extra`.
  static func probe(_ domain: String, _ extra: [String] = []) throws -> RunResult {
    let dns = try DNSTestServer.port()
    return try ProbeRun.run(
      [
        domain, "--dns-server", "127.0.0.1:\(dns)", "--port", String(try TestServers.postfixPort()),
        "--to", "alice@probe.test", "--quit-after", "rcpt",
      ] + extra)
  }

  @Test func goodFallsBackPastTheDeadMX() throws {
    let result = try Self.probe("good.test")
    #expect(result.status == 0, "\(result.stdout)")
    let text = result.stdout
    #expect(text.contains("MX of good.test:\n"))
    #expect(text.contains("    10  dead.good.test  127.0.0.3\n"))
    #expect(text.contains("    20  mx.probe.test   127.0.0.1\n"))
    // The table comes before any transcript.
    let table = try #require(text.range(of: "dead.good.test  127.0.0.3"))
    let transcript = try #require(text.range(of: "<- 220"))
    #expect(table.lowerBound < transcript.lowerBound)
    #expect(
      text.contains(
        "cannot connect to 127.0.0.3:\(try TestServers.postfixPort()): connection refused"))
    #expect(text.contains("trying the next MX"))
    #expect(text.contains("session mx.probe.test (127.0.0.1)"))
  }

  @Test func goodAsJSON() throws {
    let result = try Self.probe("good.test", ["--json"])
    #expect(result.status == 0)
    let json = try ProbeRun.json(result)
    #expect(json["target"] as? String == "good.test")
    let mx = try #require(json["mx"] as? [[String: Any]])
    #expect(mx.map { $0["host"] as? String } == ["dead.good.test", "mx.probe.test"])
    #expect(mx.map { $0["preference"] as? Int } == [10, 20])
    #expect(mx.map { $0["addresses"] as? [String] } == [["127.0.0.3"], ["127.0.0.1"]])
    let sessions = ProbeRun.sessions(json)
    #expect(sessions.count == 1)
    #expect(sessions.first?["host"] as? String == "mx.probe.test")
    let failures = try #require(json["connect_failures"] as? [[String: Any]])
    #expect(failures.first?["host"] as? String == "dead.good.test")
    #expect(failures.first?["error"] as? String == "connection refused")
  }

  @Test func identityOfTheHostConnectedTo() throws {
    let json = try ProbeRun.json(try Self.probe("good.test", ["--json"]))
    let identity = try #require(ProbeRun.sessions(json).first?["identity"] as? [String: Any])
    #expect(identity["address"] as? String == "127.0.0.1")
    #expect(identity["ptr"] as? [String] == ["mx.probe.test"])
    #expect(identity["fcrdns"] as? Bool == true)
    #expect(identity["greeting_name"] as? String == "mx.probe.test")
    #expect(identity["greeting_matches"] as? Bool == true)
    #expect((identity["warnings"] as? [String])?.isEmpty == true)
    let text = try Self.probe("good.test").stdout
    #expect(
      text.contains(
        "identity: 127.0.0.1: PTR mx.probe.test; forward-confirmed (FCrDNS ok);"
          + " greeting name mx.probe.test matches"))
  }

  @Test func serverModeRunsIdentityChecksWithADNSServer() throws {
    let dns = try DNSTestServer.port()
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(try TestServers.postfixPort())", "--dns-server", "127.0.0.1:\(dns)",
      "--quit-after", "ehlo",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("identity: 127.0.0.1: PTR mx.probe.test"))
  }

  @Test func allMXReportsEveryHost() throws {
    let result = try Self.probe("good.test", ["--all-mx", "--json"])
    // The dead MX makes the worst verdict "could not complete".
    #expect(result.status == 3)
    let json = try ProbeRun.json(result)
    #expect(ProbeRun.sessions(json).count == 1)
    let summary = (json["verdict"] as? [String: Any])?["summary"] as? String ?? ""
    #expect(summary.contains("1 of 2 MX hosts answered"))
    #expect(summary.contains("dead.good.test"))
    let text = try Self.probe("good.test", ["--all-mx"]).stdout
    #expect(text.contains("trying MX 10 dead.good.test"))
    #expect(text.contains("session mx.probe.test"))
    #expect(text.contains("host verdict: ok"))
  }

  @Test func equalPreferencesProbeOneOfThem() throws {
    let result = try Self.probe("equal.test")
    #expect(result.status == 0)
    #expect(result.stdout.contains("    10  mx1.equal.test  127.0.0.1\n"))
    #expect(result.stdout.contains("    10  mx2.equal.test  127.0.0.1\n"))
    #expect(
      result.stdout.contains("session mx1.equal.test")
        != result.stdout.contains("session mx2.equal.test"))
  }

  @Test func nullMXAcceptsNoMailAndNothingIsConnected() throws {
    let result = try Self.probe("nullmx.test", ["--json"])
    #expect(result.status == 1)
    let json = try ProbeRun.json(result)
    #expect(ProbeRun.sessions(json).isEmpty)
    #expect((json["connect_failures"] as? [Any])?.isEmpty == true)
    let verdict = try #require(json["verdict"] as? [String: Any])
    #expect(verdict["status"] as? String == "permanent-failure")
    #expect((verdict["summary"] as? String)?.contains("accepts no mail") == true)
    let text = try Self.probe("nullmx.test").stdout
    #expect(text.contains("null MX"))
    #expect(!text.contains("session "))
  }

  @Test func anAOnlyDomainIsAnImplicitMX() throws {
    let result = try Self.probe("aonly.test")
    #expect(result.status == 0)
    #expect(result.stdout.contains("implicit MX"))
    #expect(result.stdout.contains("aonly.test has no MX records"))
    #expect(result.stdout.contains("session aonly.test (127.0.0.1)"))
  }

  @Test func aDomainThatDoesNotExistCannotComplete() throws {
    let result = try Self.probe("nxdomain.test")
    #expect(result.status == 3)
    #expect(result.stdout.contains("does not exist (NXDOMAIN)"))
    #expect(!result.stdout.contains("session "))
  }

  @Test func anMXWithoutAddressCannotComplete() throws {
    let result = try Self.probe("noaddr.test")
    #expect(result.status == 3)
    #expect(result.stdout.contains("none of the MX hosts of noaddr.test has an address"))
    #expect(result.stdout.contains("ghost.noaddr.test does not exist (NXDOMAIN)"))
  }

  @Test func aCNAMEMXIsAWarningButStillProbed() throws {
    let result = try Self.probe("cname.test")
    #expect(result.status == 0)
    #expect(result.stdout.contains("warnings:"))
    #expect(result.stdout.contains("alias.cname.test is an alias (CNAME) of mx.probe.test"))
    #expect(result.stdout.contains("session alias.cname.test (127.0.0.1)"))
  }

  @Test func anIPLiteralMXIsAWarning() throws {
    let result = try Self.probe("iplit.test", ["--json"])
    #expect(result.status == 0)
    let json = try ProbeRun.json(result)
    let warnings = try #require(json["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("is the IP address 127.0.0.1, not a host name") })
  }

  @Test func anUnreachableDNSServerIsADNSFailure() throws {
    let silent = try #require(SilentUDPServer())
    let result = try ProbeRun.run([
      "good.test", "--dns-server", "127.0.0.1:\(silent.port)", "--port", "2",
    ])
    #expect(result.status == 3)
    #expect(result.stdout.contains("DNS failure looking up the MX records"))
  }
}
