import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// `check --max-time` bounds the posture and TLS-policy phase: lookups a silent DNS server
/// never answers and a policy fetch from a silent HTTPS peer end with the run's deadline, and
/// what was not reached is UNKNOWN, cut by --max-time.
@Suite struct CheckPostureMaxTimeTests {
  /// A server that answers MX with NXDOMAIN (so the sessions end at once, uncut) and nothing
  /// else at all.
  static func silentButForMX() throws -> HostileDNSServer {
    try HostileDNSServer { query in query.type == 15 ? query.response(rcode: 3) : nil }
  }

  @Test func thePostureLookupsEndWithTheRunsMaxTime() throws {
    let server = try Self.silentButForMX()
    let started = Date()
    let result = try RunBinary.run([
      "check", "silent.test", "--dns-server", server.address, "--max-time", "2",
      "--dkim-selector", "s1", "--format", "json",
    ])
    let seconds = Date().timeIntervalSince(started)
    #expect(seconds < 3, "took \(seconds) s: \(result.stdout)\(result.stderr)")
    // The domain does not exist (CRITICAL), which outweighs the UNKNOWN of the cut lookups.
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let target = try #require((object["targets"] as? [[String: Any]])?.first)
    let findings = try #require(target["findings"] as? [[String: Any]])
    let cut = findings.filter {
      $0["state"] as? String == "unknown"
        && ($0["summary"] as? String)?.contains("cut by --max-time") == true
    }
    // Each lookup not reached says so on its one line, whichever was the one under way.
    let checks = Set(cut.compactMap { $0["check"] as? String })
    #expect(checks.isSuperset(of: ["dmarc", "tls-rpt"]), "\(result.stdout)")
    #expect(cut.allSatisfy { ($0["summary"] as? String)?.contains("\n") == false })
  }

  @Test func aSilentPolicyServerIsCutAtTheRunsDeadline() throws {
    let listener = try LoopbackListener()
    let fetcher = HTTPSPolicyFetcher(
      tls: TLSConfiguration(), port: listener.port, timeout: 30,
      runLimit: RunLimit.starting(seconds: 1, on: SystemClock()))
    let started = Date()
    let fetch = fetcher.fetch(
      host: "mta-sts.silent.test", path: MTASTSFacts.policyPath, addresses: ["127.0.0.1"])
    let seconds = Date().timeIntervalSince(started)
    #expect(seconds < 2, "took \(seconds) s")
    #expect(fetch.outcome == .failure(.cutByMaxTime(seconds: 1)), "\(fetch.outcome)")
  }
}
