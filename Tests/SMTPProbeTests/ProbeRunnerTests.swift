import Foundation
import Synchronization
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A `Connector` that answers from a table of addresses: refuse, time out, or a scripted peer.
final class FakeConnector: Connector {
  enum Behaviour: Sendable {
    case refuse
    case timeOut
    case noRoute
    case script([ScriptedTransport.Item])
    /// The SOCKS5 proxy failed this way for this address.
    case proxy(ProxyFailure.Kind)
  }

  let behaviours: [String: Behaviour]
  let clock: FakeClock
  private let log = Mutex<[String]>([])

  init(_ behaviours: [String: Behaviour], clock: FakeClock = FakeClock()) {
    self.behaviours = behaviours
    self.clock = clock
  }

  /// Each address tried, as `host/address`, in order.
  var tried: [String] { log.withLock { $0 } }

  func connect(
    host: String, port: Int, addresses: [String]?, family: AddressFamilyPreference,
    timeout: Double
  ) throws(ConnectFailure) -> (any Transport, ConnectReport) {
    var failed: [ConnectAttempt] = []
    for text in addresses ?? [host] {
      log.withLock { $0.append("\(host)/\(text)") }
      guard let address = SocketAddress(numericHost: text, port: port) else {
        throw .resolution(.resolutionFailed(host: host, message: "not numeric"))
      }
      switch behaviours[text] ?? .refuse {
      case .refuse:
        failed.append(
          ConnectAttempt(address: address, error: .refused(address), elapsedMilliseconds: 0))
      case .timeOut:
        failed.append(
          ConnectAttempt(
            address: address, error: .timedOut(address, seconds: timeout), elapsedMilliseconds: 0))
      case .noRoute:
        failed.append(
          ConnectAttempt(
            address: address, error: .networkUnreachable(address), elapsedMilliseconds: 0))
      case .proxy(let kind):
        failed.append(
          ConnectAttempt(
            address: address, error: .proxy(ProxyFailure(proxy: "127.0.0.1:1080", kind: kind)),
            elapsedMilliseconds: 0))
      case .script(let items):
        return (
          ScriptedTransport(items, clock: clock),
          ConnectReport(
            host: host, address: address, localAddress: nil, failedAttempts: failed,
            connectMilliseconds: 1)
        )
      }
    }
    throw .allAttemptsFailed(host: host, port: port, attempts: failed)
  }
}

@Suite struct ProbeRunnerTests {
  /// Greeting, EHLO, QUIT: a host that answers.
  static let answers: FakeConnector.Behaviour = .script([
    .server("220 mx.a.test ESMTP\r\n"), .client("EHLO probe.test\r\n"),
    .server("250 mx.a.test\r\n"), .client("QUIT\r\n"), .server("221 bye\r\n"), .close,
  ])

  static let zones = StaticResolver(entries: [
    "a.test": [
      .mx: .records([
        .mx(preference: 30, exchange: "third.a.test"),
        .mx(preference: 10, exchange: "first.a.test"),
        .mx(preference: 20, exchange: "second.a.test"),
      ])
    ],
    "first.a.test": [.a: .records([.a("127.0.0.3"), .a("127.0.0.4")])],
    "second.a.test": [.a: .records([.a("127.0.0.5")])],
    "third.a.test": [.a: .records([.a("127.0.0.6")])],
    "null.test": [.mx: .records([.mx(preference: 0, exchange: "")])],
    "broken.test": [
      .mx: .failure(.serverFailure(name: "broken.test", type: .mx, server: "127.0.0.1:53"))
    ],
  ])

  static func request(_ target: ProbeRequest.Target, allMX: Bool = false, port: Int = 25)
    -> ProbeRequest
  {
    ProbeRequest(
      target: target, port: port,
      plan: DialoguePlan(ehloName: "probe.test", quitAfter: .ehlo, tls: .off), allMX: allMX)
  }

  static func runner(_ connector: FakeConnector) -> ProbeRunner {
    ProbeRunner(
      connector: connector, resolver: zones, identityResolver: nil, tls: nil,
      clock: connector.clock)
  }

  @Test func triesMXHostsAndTheirAddressesInPreferenceOrder() {
    let connector = FakeConnector(["127.0.0.5": Self.answers])
    let outcome = Self.runner(connector).run(Self.request(.domain("a.test")))
    #expect(
      connector.tried == [
        "first.a.test/127.0.0.3", "first.a.test/127.0.0.4", "second.a.test/127.0.0.5",
      ])
    #expect(outcome.exitCode == 0)
    #expect(outcome.attempts.map(\.host) == ["first.a.test", "second.a.test"])
    #expect(outcome.attempts[0].failedConnects.count == 2)
    #expect(outcome.sessions.count == 1)
    #expect(outcome.sessions.first?.address == "127.0.0.5")
    #expect(
      outcome.notes.contains {
        guard case .nextMX(10, "first.a.test", let verdict) = $0 else { return false }
        return verdict.status == .incomplete
      })
    #expect(outcome.route?.mx.map(\.host) == ["first.a.test", "second.a.test", "third.a.test"])
  }

  @Test func nextMXOnTransientGoesPastA4xxGreetingOnly() {
    let busy: FakeConnector.Behaviour = .script([
      .server("421 4.3.2 first.a.test busy\r\n"), .client("QUIT\r\n"), .server("221 bye\r\n"),
      .close,
    ])
    var request = Self.request(.domain("a.test"))
    request.nextMXOnTransient = true
    let connector = FakeConnector(["127.0.0.3": busy, "127.0.0.5": Self.answers])
    let record = Self.runner(connector).collect(request)
    #expect(record.sessions.map(\.address) == ["127.0.0.3", "127.0.0.5"])
    // Without it (probe), the first host that answered is the one reported.
    let probe = FakeConnector(["127.0.0.3": busy, "127.0.0.5": Self.answers])
    #expect(Self.runner(probe).collect(Self.request(.domain("a.test"))).sessions.count == 1)
  }

  @Test func allMXProbesEveryHostAndTakesTheWorst() {
    let connector = FakeConnector(["127.0.0.5": Self.answers, "127.0.0.6": Self.answers])
    let outcome = Self.runner(connector).run(Self.request(.domain("a.test"), allMX: true))
    #expect(outcome.attempts.map(\.host) == ["first.a.test", "second.a.test", "third.a.test"])
    #expect(outcome.sessions.count == 2)
    #expect(outcome.exitCode == 3)
    #expect(outcome.verdict.summary.hasPrefix("2 of 3 MX hosts answered; worst: first.a.test"))
  }

  @Test func allMXWithEveryHostAnsweringIsOK() {
    let connector = FakeConnector([
      "127.0.0.3": Self.answers, "127.0.0.5": Self.answers, "127.0.0.6": Self.answers,
    ])
    let outcome = Self.runner(connector).run(Self.request(.domain("a.test"), allMX: true))
    #expect(outcome.sessions.count == 3)
    #expect(outcome.exitCode == 0)
  }

  @Test func aNullMXConnectsToNothing() {
    let connector = FakeConnector([:])
    let outcome = Self.runner(connector).run(Self.request(.domain("null.test")))
    #expect(connector.tried.isEmpty)
    #expect(outcome.exitCode == 1)
    #expect(outcome.verdict.status == .permanentFailure)
    #expect(outcome.verdict.summary.contains("accepts no mail"))
  }

  @Test func aDNSFailureIsNotNoMX() {
    let connector = FakeConnector([:])
    let outcome = Self.runner(connector).run(Self.request(.domain("broken.test")))
    #expect(connector.tried.isEmpty)
    #expect(outcome.exitCode == 3)
    #expect(outcome.verdict.summary.contains("DNS failure"))
  }

  @Test func everyTimeoutOnPort25AdvisesABlockedPort() {
    let connector = FakeConnector([
      "127.0.0.3": .timeOut, "127.0.0.4": .timeOut, "127.0.0.5": .timeOut, "127.0.0.6": .timeOut,
    ])
    let outcome = Self.runner(connector).run(Self.request(.domain("a.test")))
    #expect(outcome.exitCode == 3)
    #expect(outcome.verdict.summary.hasPrefix("no MX host of a.test answered"))
    #expect(outcome.advice.count == 1)
    #expect(outcome.advice.first?.description.contains("port 25 is very likely blocked") == true)
    // Two hosts that time out completely are enough: the third is not waited on.
    #expect(
      connector.tried == [
        "first.a.test/127.0.0.3", "first.a.test/127.0.0.4", "second.a.test/127.0.0.5",
      ])
    #expect(outcome.notes.contains(.stoppedAfterSilentHosts(count: 2, port: 25, remaining: 1)))
  }

  @Test func allMXWaitsOnEveryHostEvenWhenTheyTimeOut() {
    let connector = FakeConnector([
      "127.0.0.3": .timeOut, "127.0.0.4": .timeOut, "127.0.0.5": .timeOut, "127.0.0.6": .timeOut,
    ])
    var request = Self.request(.domain("a.test"))
    request.allMX = true
    let outcome = Self.runner(connector).run(request)
    #expect(connector.tried.count == 4)
    #expect(outcome.advice.first?.description.contains("port 25 is very likely blocked") == true)
  }

  @Test func unroutableIPv6DoesNotHideABlockedPort25() {
    // An IPv4-only machine: IPv6 addresses fail at once with ENETUNREACH, IPv4 ones time out.
    let connector = FakeConnector([
      "127.0.0.3": .noRoute, "127.0.0.4": .timeOut, "127.0.0.5": .noRoute, "127.0.0.6": .timeOut,
    ])
    let outcome = Self.runner(connector).run(Self.request(.domain("a.test")))
    #expect(outcome.exitCode == 3)
    #expect(outcome.advice.first?.description.contains("port 25 is very likely blocked") == true)
  }

  @Test func refusalsAreNotABlockedPort() {
    let connector = FakeConnector(["127.0.0.3": .timeOut])
    let outcome = Self.runner(connector).run(Self.request(.domain("a.test")))
    #expect(outcome.exitCode == 3)
    #expect(outcome.advice.isEmpty)
  }

  @Test func aServerTargetUsesItsOwnPort() {
    let connector = FakeConnector(["127.0.0.9": Self.answers])
    let outcome = Self.runner(connector).run(
      Self.request(.server(host: "127.0.0.9", port: 2525)))
    #expect(outcome.exitCode == 0)
    #expect(outcome.target == "127.0.0.9:2525")
    #expect(outcome.sessions.first?.port == 2525)
    #expect(outcome.route == nil)
  }

  @Test func implicitTLSHandshakesBeforeTheGreeting() {
    let connector = FakeConnector([
      "127.0.0.9": .script([
        .tls, .server("220 mx.a.test ESMTP\r\n"), .client("EHLO probe.test\r\n"),
        .server("250 mx.a.test\r\n"), .client("QUIT\r\n"), .server("221 bye\r\n"), .close,
      ])
    ])
    let runner = ProbeRunner(
      connector: connector, resolver: nil, tls: FakeTLS(), clock: connector.clock)
    var request = Self.request(.server(host: "127.0.0.9", port: 465))
    request.tls.onConnect = true
    let outcome = runner.run(request)
    #expect(outcome.exitCode == 0)
    #expect(outcome.sessions.first?.tls?.protocolVersion == "TLSv1.3")
  }

  @Test func aFailedImplicitTLSHandshakeCannotComplete() {
    let connector = FakeConnector(["127.0.0.9": .script([.tls, .close])])
    let runner = ProbeRunner(
      connector: connector, resolver: nil, tls: FakeTLS(fails: true), clock: connector.clock)
    var request = Self.request(.server(host: "127.0.0.9", port: 465))
    request.tls.onConnect = true
    let outcome = runner.run(request)
    #expect(outcome.exitCode == 3)
    #expect(outcome.sessions.isEmpty)
    #expect(
      outcome.attempts.first?.implicitTLSProblem
        == .tlsFailed(.handshake("certificate verify failed")))
  }

  @Test func identityChecksBecomeWarnings() {
    let connector = FakeConnector(["192.0.2.7": Self.answers])
    let dns = StaticResolver(entries: [
      "7.2.0.192.in-addr.arpa": [.ptr: .records([.ptr("other.example")])],
      "other.example": [.a: .records([.a("192.0.2.99")])],
    ])
    let runner = ProbeRunner(
      connector: connector, resolver: dns, tls: nil, clock: connector.clock)
    let outcome = runner.run(Self.request(.server(host: "192.0.2.7", port: 25)))
    #expect(outcome.exitCode == 0)
    #expect(outcome.attempts.first?.identity?.isForwardConfirmed == false)
    #expect(
      outcome.warnings.contains { $0.description.contains("forward-confirmed reverse DNS fails") })
  }

  @Test func loopbackSkipsIdentityWithoutADNSServer() {
    let connector = FakeConnector(["127.0.0.9": Self.answers])
    let runner = ProbeRunner(
      connector: connector, resolver: StaticResolver(), tls: nil, clock: connector.clock)
    let outcome = runner.run(Self.request(.server(host: "127.0.0.9", port: 25)))
    #expect(outcome.attempts.first?.identity == nil)
  }
}
