import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// `VerifyRunner` with a fake network: what it does across domains.
@Suite struct VerifyRunnerTests {
  static let zones = StaticResolver(entries: [
    "slow.test": [
      .mx: .records([
        .mx(preference: 10, exchange: "mx1.slow.test"),
        .mx(preference: 20, exchange: "mx2.slow.test"),
      ])
    ],
    "mx1.slow.test": [.a: .records([.a("127.0.0.3")])],
    "mx2.slow.test": [.a: .records([.a("127.0.0.4")])],
    "later.test": [.mx: .records([.mx(preference: 10, exchange: "mx.later.test")])],
    "mx.later.test": [.a: .records([.a("127.0.0.5")])],
    "null.test": [.mx: .records([.mx(preference: 0, exchange: "")])],
  ])

  static func runner(_ connector: FakeConnector) -> VerifyRunner {
    VerifyRunner(
      template: ProbeRequest(
        target: .domain("unused.test"),
        plan: DialoguePlan(ehloName: "probe.test", quitAfter: .rcpt, tls: .off)),
      server: nil, catchAllProbe: false, recipientsPerSession: 50, greylistWaitMilliseconds: 0,
      greylistLimitMilliseconds: 0, disposable: .none,
      runner: ProbeRunner(
        connector: connector, resolver: zones, identityResolver: nil, tls: nil,
        clock: connector.clock),
      randomBits: { 0 })
  }

  static func entries(_ text: String) -> [AddressList.Entry] { AddressList.parse(text) }

  @Test func twoSilentMXHostsMarkTheRestOfTheRunPort25Blocked() {
    let connector = FakeConnector([
      "127.0.0.3": .timeOut, "127.0.0.4": .timeOut, "127.0.0.5": .timeOut,
    ])
    // One session at a time, so that later.test comes after slow.test's two hosts.
    var runner = Self.runner(connector)
    runner.concurrency = 1
    let run = runner.run(Self.entries("a@slow.test\nb@later.test\nc@null.test\n"))
    #expect(run.results.map(\.reason) == [.port25Blocked, .port25Blocked, .nullMX])
    #expect(run.results.map(\.verdict) == [.unknown, .unknown, .undeliverable])
    // later.test's host is never dialled: the two silent hosts of slow.test decided.
    #expect(connector.tried == ["mx1.slow.test/127.0.0.3", "mx2.slow.test/127.0.0.4"])
  }

  @Test func refusedConnectionsAreNotABlockedPort() {
    let connector = FakeConnector([:])
    let run = Self.runner(connector).run(Self.entries("a@slow.test\nb@later.test\n"))
    #expect(run.results.map(\.reason) == [.connectionFailed, .connectionFailed])
    #expect(connector.tried.count == 3)
  }
}
