import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A repeatable generator (SplitMix64) so shuffles are the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The dnsmasq test zones of Scripts/servers/dnsmasq.sh, plus failures dnsmasq cannot produce.
private let testZones = StaticResolver(
  entries: [
    "mx.probe.test": [.a: .records([.a("127.0.0.1")])],
    "good.test": [
      .mx: .records([
        .mx(preference: 20, exchange: "mx.probe.test"),
        .mx(preference: 10, exchange: "dead.good.test"),
      ])
    ],
    "dead.good.test": [.a: .records([.a("127.0.0.3")])],
    "equal.test": [
      .mx: .records([
        .mx(preference: 10, exchange: "mx1.equal.test"),
        .mx(preference: 10, exchange: "mx2.equal.test"),
      ])
    ],
    "mx1.equal.test": [.a: .records([.a("127.0.0.1")])],
    "mx2.equal.test": [.a: .records([.a("127.0.0.1")])],
    "nullmx.test": [.mx: .records([.mx(preference: 0, exchange: ".")])],
    "mixednull.test": [
      .mx: .records([
        .mx(preference: 0, exchange: "."), .mx(preference: 10, exchange: "mx.probe.test"),
      ])
    ],
    "aonly.test": [.a: .records([.a("127.0.0.1")]), .txt: .records([.txt(["x"])])],
    "bare.test": [.txt: .records([.txt(["no mail here"])])],
    "noaddr.test": [.mx: .records([.mx(preference: 10, exchange: "ghost.noaddr.test")])],
    "halfdead.test": [
      .mx: .records([
        .mx(preference: 10, exchange: "ghost.noaddr.test"),
        .mx(preference: 20, exchange: "mx.probe.test"),
      ])
    ],
    "cname.test": [.mx: .records([.mx(preference: 10, exchange: "alias.cname.test")])],
    "iplit.test": [.mx: .records([.mx(preference: 10, exchange: "127.0.0.1")])],
    "servfail.test": [
      .mx: .failure(.serverFailure(name: "servfail.test", type: .mx, server: "127.0.0.1:53"))
    ],
    "slowhost.test": [.mx: .records([.mx(preference: 10, exchange: "slow.slowhost.test")])],
    "slow.slowhost.test": [
      .a: .failure(.timedOut(server: "127.0.0.1:53", seconds: 5, tries: 2)),
      .aaaa: .failure(.timedOut(server: "127.0.0.1:53", seconds: 5, tries: 2)),
    ],
    "dual.test": [.mx: .records([.mx(preference: 10, exchange: "mx.dual.test")])],
    "mx.dual.test": [.a: .records([.a("127.0.0.1")]), .aaaa: .records([.aaaa("::1")])],
  ],
  aliases: ["alias.cname.test": "mx.probe.test"])

@Suite struct MXSelectionTests {
  private func route(_ domain: String, family: AddressFamilyPreference = .any, seed: UInt64 = 1)
    -> MailRoute
  {
    var generator = SeededGenerator(state: seed)
    return MailRouteResolver(resolver: testZones, family: family)
      .resolve(domain: domain, using: &generator)
  }

  @Test func sortsByPreference() {
    let route = route("good.test")
    #expect(route.kind == .mx)
    #expect(route.failure == nil)
    #expect(route.verdict == nil)
    #expect(
      route.mx == [
        MXHost(host: "dead.good.test", preference: 10, addresses: ["127.0.0.3"]),
        MXHost(host: "mx.probe.test", preference: 20, addresses: ["127.0.0.1"]),
      ])
  }

  @Test func shufflesEqualPreferencesRepeatably() {
    let orders = Set((0..<32).map { seed in route("equal.test", seed: seed).mx.map(\.host) })
    #expect(
      orders == [["mx1.equal.test", "mx2.equal.test"], ["mx2.equal.test", "mx1.equal.test"]])
    #expect(route("equal.test", seed: 7).mx == route("equal.test", seed: 7).mx)
  }

  @Test func orderKeepsPreferenceGroups() {
    var generator = SeededGenerator(state: 3)
    let records = [30, 10, 20, 10, 30].enumerated().map { index, preference in
      MXRecord(preference: UInt16(preference), exchange: "mx\(index).test")
    }
    let ordered = MXSelection.order(records, using: &generator)
    #expect(ordered.map(\.preference) == [10, 10, 20, 30, 30])
    #expect(Set(ordered.map(\.exchange)) == Set(records.map(\.exchange)))
  }

  @Test func nullMXAcceptsNoMail() {
    let route = route("nullmx.test")
    #expect(route.kind == .nullMX)
    #expect(route.mx.isEmpty)
    #expect(route.verdict?.exitCode == 1)
    #expect(route.verdict?.summary.contains("accepts no mail") == true)
  }

  @Test func nullMXMixedWithOthersIsIgnoredWithAWarning() {
    let route = route("mixednull.test")
    #expect(route.kind == .mx)
    #expect(route.mx.map(\.host) == ["mx.probe.test"])
    #expect(route.warnings.count == 1)
    #expect(route.warnings.first?.contains("RFC 7505") == true)
  }

  @Test func implicitMXWhenThereAreNoMXRecords() {
    let route = route("aonly.test")
    #expect(route.kind == .implicit)
    #expect(route.mx == [MXHost(host: "aonly.test", preference: 0, addresses: ["127.0.0.1"])])
    #expect(route.notes.first?.contains("implicit MX") == true)
    #expect(route.verdict == nil)
  }

  struct FailureCase: Sendable, CustomTestStringConvertible {
    let id: String
    let domain: String
    let failure: RouteFailure
    let exitCode: Int32
    var testDescription: String { id }
  }

  @Test(arguments: [
    FailureCase(
      id: "NXDOMAIN", domain: "nxdomain.test",
      failure: .domainDoesNotExist(domain: "nxdomain.test"), exitCode: 3),
    FailureCase(
      id: "neither MX nor address", domain: "bare.test",
      failure: .noMailHosts(domain: "bare.test", implicit: true), exitCode: 3),
    FailureCase(
      id: "MX host without address", domain: "noaddr.test",
      failure: .noMailHosts(domain: "noaddr.test", implicit: false), exitCode: 3),
    FailureCase(
      id: "SERVFAIL on the MX query", domain: "servfail.test",
      failure: .dnsFailure(
        .serverFailure(name: "servfail.test", type: .mx, server: "127.0.0.1:53")),
      exitCode: 3),
    FailureCase(
      id: "invalid domain", domain: "a..test",
      failure: .invalidDomain(.invalidName(name: "a..test", reason: "an empty label")),
      exitCode: 64),
  ])
  func failures(_ c: FailureCase) throws {
    let resolver = try testZonesRejectingInvalidNames()
    var generator = SeededGenerator(state: 1)
    let route = MailRouteResolver(resolver: resolver).resolve(domain: c.domain, using: &generator)
    #expect(route.failure == c.failure)
    #expect(route.verdict?.exitCode == c.exitCode)
    #expect(route.verdict?.summary == c.failure.description)
  }

  /// The test zones, but validating names the way the real resolver does first.
  private func testZonesRejectingInvalidNames() throws -> some Resolver {
    struct Validating: Resolver {
      let inner: StaticResolver
      func query(_ name: String, _ type: DNSRecordType) throws(DNSError) -> DNSAnswer {
        _ = try DNSQuery(name: name, type: type, id: 0).encoded()
        return try inner.query(name, type)
      }
    }
    return Validating(inner: testZones)
  }

  @Test func dnsFailureIsNotNoMX() {
    let route = route("servfail.test")
    #expect(route.verdict?.summary.hasPrefix("DNS failure looking up the MX records") == true)
    #expect(route.verdict?.summary.contains("SERVFAIL") == true)
    #expect(route.verdict?.summary.contains("no MX") == false)
  }

  @Test func hostWithoutAddressIsSkippedAndSaid() {
    let route = route("halfdead.test")
    #expect(route.failure == nil)
    #expect(route.usableHosts.map(\.host) == ["mx.probe.test"])
    #expect(route.mx.first?.problems == ["ghost.noaddr.test does not exist (NXDOMAIN)"])
    #expect(
      route.notes == [
        "skipping MX 10 ghost.noaddr.test: ghost.noaddr.test does not exist (NXDOMAIN)"
      ])
  }

  @Test func hostLookupTimeoutIsADNSFailure() {
    let route = route("slowhost.test")
    #expect(route.mx.first?.problems.first?.hasPrefix("DNS failure looking up its address") == true)
    #expect(
      route.failure == .dnsFailure(.timedOut(server: "127.0.0.1:53", seconds: 5, tries: 2)))
    #expect(route.verdict?.exitCode == 3)
  }

  @Test func cnameMXIsFollowedWithAWarning() {
    let route = route("cname.test")
    #expect(route.mx.first?.addresses == ["127.0.0.1"])
    #expect(route.warnings.count == 1)
    #expect(route.warnings.first?.contains("alias (CNAME) of mx.probe.test") == true)
    #expect(route.warnings.first?.contains("RFC 2181 10.3") == true)
  }

  @Test func ipLiteralMXIsUsedWithAWarning() {
    let route = route("iplit.test")
    #expect(route.mx.first?.addresses == ["127.0.0.1"])
    #expect(route.warnings.first?.contains("is the IP address 127.0.0.1, not a host name") == true)
    #expect(route.verdict == nil)
  }

  @Test(arguments: ["127.0.0.1", "[127.0.0.1]", "[IPv6:::1]", "::1"])
  func ipLiterals(exchange: String) {
    #expect(MXSelection.isIPLiteral(exchange))
  }

  @Test(arguments: ["mx.test", "127.0.0.1.example", "[mx.test]", "."])
  func notIPLiterals(exchange: String) {
    #expect(!MXSelection.isIPLiteral(exchange))
  }

  @Test func familyRestriction() {
    #expect(route("dual.test").mx.first?.addresses == ["127.0.0.1", "::1"])
    #expect(route("dual.test", family: .ipv4).mx.first?.addresses == ["127.0.0.1"])
    #expect(route("dual.test", family: .ipv6).mx.first?.addresses == ["::1"])
    let v6only = route("good.test", family: .ipv6)
    #expect(v6only.failure == .noMailHosts(domain: "good.test", implicit: false))
    #expect(
      v6only.mx.last?.problems == [
        "mx.probe.test has no IPv6 (AAAA) address (it has IPv4; drop -6)"
      ])
  }

  struct AdviceCase: Sendable, CustomTestStringConvertible {
    let id: String
    let attempts: [ConnectAttemptOutcome]
    let port: Int
    let advises: Bool
    var testDescription: String { id }
  }

  @Test(arguments: [
    AdviceCase(
      id: "all timed out on 25", attempts: [.timedOut, .timedOut], port: 25, advises: true),
    AdviceCase(id: "one refused", attempts: [.timedOut, .refused], port: 25, advises: false),
    AdviceCase(id: "one connected", attempts: [.connected, .timedOut], port: 25, advises: false),
    AdviceCase(id: "port 587", attempts: [.timedOut], port: 587, advises: false),
    AdviceCase(id: "no attempts", attempts: [], port: 25, advises: false),
    AdviceCase(
      id: "IPv4 timed out, IPv6 has no route",
      attempts: [.noRoute, .timedOut, .noRoute, .timedOut],
      port: 25, advises: true),
    AdviceCase(id: "only no route", attempts: [.noRoute, .noRoute], port: 25, advises: false),
    AdviceCase(id: "host unreachable", attempts: [.timedOut, .failed], port: 25, advises: false),
  ])
  func portBlockedAdvice(_ c: AdviceCase) {
    let advice = MailRoute.portBlockedAdvice(attempts: c.attempts, port: c.port)
    #expect((advice != nil) == c.advises)
    if c.advises {
      #expect(advice?.contains("outbound port 25 is very likely blocked") == true)
      #expect(advice?.contains("--port 587") == true)
    }
  }
}
