import Synchronization
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A connector whose every address times out, spending the timeout on the fake clock.
final class TimingOutConnector: Connector {
  let clock: FakeClock
  private let log = Mutex<[(address: String, timeout: Double)]>([])

  init(clock: FakeClock) {
    self.clock = clock
  }

  /// Each address tried, in order.
  var tried: [String] { log.withLock { $0.map(\.address) } }
  /// The connect timeout each host was given.
  var timeouts: [Double] { log.withLock { $0.map(\.timeout) } }

  func connect(
    host: String, port: Int, addresses: [String]?, family: AddressFamilyPreference,
    timeout: Double
  ) throws(ConnectFailure) -> (any Transport, ConnectReport) {
    var failed: [ConnectAttempt] = []
    for text in addresses ?? [host] {
      log.withLock { $0.append((text, timeout)) }
      clock.advance(milliseconds: Int(timeout * 1000))
      guard let address = SocketAddress(numericHost: text, port: port) else { continue }
      failed.append(
        ConnectAttempt(
          address: address, error: .timedOut(address, seconds: timeout),
          elapsedMilliseconds: Double(timeout * 1000)))
    }
    throw .allAttemptsFailed(host: host, port: port, attempts: failed)
  }
}

@Suite struct RunLimitRunnerTests {
  static let zones = StaticResolver(entries: [
    "many.test": [
      .mx: .records([
        .mx(preference: 10, exchange: "first.many.test"),
        .mx(preference: 20, exchange: "second.many.test"),
      ])
    ],
    "first.many.test": [.a: .records((1...7).map { .a("127.0.1.\($0)") })],
    "second.many.test": [.a: .records([.a("127.0.2.1")])],
  ])

  static func request(maxTime: Double? = nil, addressLimit: Int = 5) -> ProbeRequest {
    ProbeRequest(
      target: .domain("many.test"), connectTimeout: 15,
      plan: DialoguePlan(ehloName: "probe.test", quitAfter: .ehlo, tls: .off),
      maxTime: maxTime, mxAddressLimit: addressLimit)
  }

  static func runner(_ connector: TimingOutConnector, cancellation: Cancellation = .never)
    -> ProbeRunner
  {
    ProbeRunner(
      connector: connector, resolver: zones, identityResolver: nil, tls: nil,
      clock: connector.clock, cancellation: cancellation)
  }

  @Test func theRunLimitCutsTheConnectTimeoutAndStopsBeforeTheNextHost() {
    let connector = TimingOutConnector(clock: FakeClock())
    let outcome = Self.runner(connector).run(Self.request(maxTime: 10, addressLimit: 1))
    // The first host gets what is left of the run (10 s), not its 15 s; the second none.
    #expect(connector.timeouts == [10])
    #expect(outcome.exitCode == 3)
    #expect(
      outcome.verdict.finding
        == .stopped(.timeLimit(seconds: 10, step: "connecting to first.many.test")))
  }

  @Test func aCancelledRunConnectsToNothing() {
    let connector = TimingOutConnector(clock: FakeClock())
    let outcome = Self.runner(connector, cancellation: Cancellation { true }).run(Self.request())
    #expect(connector.tried.isEmpty)
    #expect(outcome.record.stop?.isInterruption == true)
    let json = ProbeJSONRenderer(now: UnixTime(seconds: 0)).jsonValue(outcome)
    #expect(json.pretty.contains("\"interrupted\": true"))
  }

  @Test func deadlinesSaturateInsteadOfWrapping() {
    let late = Deadline(nanoseconds: .max - 10)
    #expect(late.adding(seconds: 1).nanoseconds == .max)
    #expect(Deadline(nanoseconds: 5).adding(seconds: 1e300).nanoseconds == .max)
    #expect(Deadline(nanoseconds: 5).adding(seconds: -3).nanoseconds == 5)
    let limit = RunLimit(deadline: Deadline(nanoseconds: 100), seconds: 1)
    #expect(limit.bound(Deadline(nanoseconds: 50)).nanoseconds == 50)
    #expect(limit.bound(late).nanoseconds == 100)
  }
}
