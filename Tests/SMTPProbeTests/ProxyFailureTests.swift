import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A SOCKS5 proxy's failures: which hop each names, and what judgements make of them.
@Suite struct ProxyFailureTests {
  static let proxy = "127.0.0.1:1080"

  static func address(_ host: String, _ port: Int) -> SocketAddress {
    guard let address = SocketAddress(numericHost: host, port: port) else {
      preconditionFailure("not a numeric test address: \(host)")
    }
    return address
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var kind: ProxyFailure.Kind
    var hop: ProxyFailure.Hop
    /// The text starts with the hop, as the user reads it.
    var opening: String
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "connect refused",
      kind: .unreachable(.refused(ProxyFailureTests.address("127.0.0.1", 1080))),
      hop: .proxy, opening: "proxy unreachable: 127.0.0.1:1080: connection refused"),
    Case(
      id: "silent proxy", kind: .timedOut(step: .methodSelection, seconds: 2), hop: .proxy,
      opening: "proxy unreachable: 127.0.0.1:1080 did not answer the method selection"),
    Case(
      id: "reset", kind: .transport(step: .authentication, .connectionReset), hop: .proxy,
      opening: "proxy unreachable: 127.0.0.1:1080 failed during the authentication"),
    Case(
      id: "auth refused", kind: .handshake(.authenticationRefused(status: 1)),
      hop: .authentication, opening: "proxy authentication refused: 127.0.0.1:1080 refused"),
    Case(
      id: "no acceptable method", kind: .handshake(.noAcceptableMethod(offeredPassword: false)),
      hop: .authentication, opening: "proxy authentication refused: 127.0.0.1:1080 requires"),
    Case(
      id: "destination refused", kind: .handshake(.connectFailed(.connectionRefused)),
      hop: .destination,
      opening: "the proxy 127.0.0.1:1080 could not reach the host: connection refused by"
        + " destination host (SOCKS5 reply 0x05)"),
    Case(
      id: "TTL expired", kind: .handshake(.connectFailed(.ttlExpired)), hop: .destination,
      opening: "the proxy 127.0.0.1:1080 could not reach the host: TTL expired"),
    Case(
      id: "no CONNECT reply in time", kind: .timedOut(step: .connect, seconds: 5),
      hop: .destination, opening: "the proxy 127.0.0.1:1080 could not reach the host: no CONNECT"),
    Case(
      id: "ruleset", kind: .handshake(.connectFailed(.notAllowedByRuleset)), hop: .proxy,
      opening: "proxy failed: 127.0.0.1:1080 connection not allowed by the proxy's ruleset"),
    Case(
      id: "garbage", kind: .handshake(.notSOCKS5(step: .methodSelection, octets: [0x48, 0x54])),
      hop: .proxy, opening: "proxy failed: 127.0.0.1:1080 does not speak SOCKS5"),
  ]

  @Test(arguments: cases)
  func hopAndText(_ c: Case) {
    let failure = ProxyFailure(proxy: Self.proxy, kind: c.kind)
    #expect(failure.hop == c.hop)
    #expect(failure.description.hasPrefix(c.opening))
    #expect(!failure.description.contains("\n"))
    // Only a refusal of CONNECT itself concerns one destination alone.
    let perDestination: Bool
    switch c.kind {
    case .handshake(.connectFailed), .timedOut(step: .connect, _): perDestination = true
    default: perDestination = false
    }
    #expect(failure.precedesConnect == !perDestination)
  }

  /// A record of one MX host whose every address failed at the proxy this way.
  static func record(_ kinds: [ProxyFailure.Kind]) -> ProbeRecord {
    let attempts = kinds.enumerated().map { index, kind in
      let address = Self.address("192.0.2.\(index + 1)", 25)
      let failure = ConnectFailure.allAttemptsFailed(
        host: "mx\(index).example.org", port: 25,
        attempts: [
          ConnectAttempt(
            address: address, error: .proxy(ProxyFailure(proxy: proxy, kind: kind)),
            elapsedMilliseconds: 5000)
        ])
      return HostAttempt(
        host: "mx\(index).example.org", preference: 10, port: 25,
        failedConnects: failure.attempts, connectFailure: failure)
    }
    return ProbeRecord(
      target: "example.org", route: nil, attempts: attempts, notes: [], port: 25)
  }

  @Test func timeoutsBehindAProxyNeverSayPort25IsBlocked() {
    let record = Self.record([
      .timedOut(step: .connect, seconds: 5), .timedOut(step: .connect, seconds: 5),
    ])
    let outcome = ProbeJudgement.judge(record, now: UnixTime(seconds: 0))
    #expect(!outcome.advice.contains { if case .portBlocked = $0 { true } else { false } })
    let facts = VerifyFactsReader.facts(
      for: VerifyAddressTests.must("bob@example.org"), probe: nil, record: record,
      server: "mx0.example.org")
    guard case .connectFailed(.proxy(let failure)) = facts.session else {
      Issue.record("expected a proxy failure, got \(facts.session)")
      return
    }
    #expect(failure.hop == .destination)
  }

  @Test(arguments: cases)
  func verifyNeverCallsAProxyFailureUndeliverable(_ c: Case) {
    let facts = VerifyFacts(
      address: VerifyAddressTests.must("bob@example.org"), route: .hosts(["mx.example.org"]),
      session: .connectFailed(.proxy(ProxyFailure(proxy: Self.proxy, kind: c.kind))))
    let result = VerifyJudgement.judge(facts)
    #expect(result.verdict == .unknown)
    #expect(result.reason == .proxyFailed)
    #expect(result.proxyFailure?.hop == c.hop)
    let line = VerifyTextRenderer.line(result)
    #expect(line.contains(ProxyFailure(proxy: Self.proxy, kind: c.kind).description))
    let json = VerifyJSONRenderer.object(result).compact
    #expect(json.contains("\"reason\":\"proxy-failed\""))
    #expect(VerifyCSVRenderer.row(result).contains("proxy-failed"))
    #expect(VerifyCSVRenderer.row(result).contains(c.opening.prefix(20)))
  }

  @Test func checkCallsTheProxysOwnFailureUnknownAndTheDestinationsCritical() {
    let judgement = CheckJudgement(
      limits: CheckLimits(), postmaster: nil, assertions: [], now: UnixTime(seconds: 0))
    let own = judgement.host(
      Self.record([.unreachable(.refused(Self.address("127.0.0.1", 1)))])
        .attempts[0])
    #expect(own.findings.first?.state == .unknown)
    let destination = judgement.host(
      Self.record([.handshake(.connectFailed(.hostUnreachable))]).attempts[0])
    #expect(destination.findings.first?.state == .critical)
  }

  @Test func anUnreachableProxyIsNotAskedForEveryMXHost() {
    let zones = StaticResolver(entries: [
      "two.test": [
        .mx: .records([
          .mx(preference: 10, exchange: "mx1.two.test"),
          .mx(preference: 20, exchange: "mx2.two.test"),
        ])
      ],
      "mx1.two.test": [.a: .records([.a("127.0.0.3")])],
      "mx2.two.test": [.a: .records([.a("127.0.0.4")])],
    ])
    let unreachable = FakeConnector.Behaviour.proxy(
      .unreachable(.refused(Self.address("127.0.0.1", 1080))))
    let connector = FakeConnector(["127.0.0.3": unreachable, "127.0.0.4": unreachable])
    let runner = ProbeRunner(
      connector: connector, resolver: zones, tls: nil, clock: connector.clock)
    let record = runner.collect(
      ProbeRequest(target: .domain("two.test"), plan: DialoguePlan(ehloName: "probe.test")))
    #expect(connector.tried == ["mx1.two.test/127.0.0.3"])
    #expect(record.attempts.first?.connectFailure?.proxyFailure?.hop == .proxy)
  }
}
