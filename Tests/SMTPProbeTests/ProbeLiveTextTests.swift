import Synchronization
import Testing

@testable import SMTPProbeCore

/// The live transcript prints, event by event, exactly what the final renderer prints for the
/// same session: one set of words, two moments.
@Suite struct ProbeLiveTextTests {
  typealias Item = ScriptedTransport.Item

  static func observe(_ script: [Item], _ plan: DialoguePlan)
    -> (SessionRecord, [SessionObserver.Event])
  {
    let clock = FakeClock()
    let events = Mutex<[SessionObserver.Event]>([])
    let observer = SessionObserver { event in events.withLock { $0.append(event) } }
    let record = SessionDriver(plan: plan, clock: clock, tls: FakeTLS(), observer: observer)
      .run(
        over: ScriptedTransport(script, clock: clock),
        connection: SessionConnection(
          host: "mx.probe.test", address: "192.0.2.1", port: 25, connectMilliseconds: 3))
    return (record, events.withLock { $0 })
  }

  static let sessions: [(String, [Item], DialoguePlan)] = [
    (
      "STARTTLS, a refused recipient",
      [
        .server("220 mx.probe.test ESMTP\r\n"), .client("EHLO probe.test\r\n"),
        .server("250-mx.probe.test\r\n250-STARTTLS\r\n250 SIZE 1000\r\n"),
        .client("STARTTLS\r\n"), .server("220 2.0.0 go\r\n"), .tls,
        .client("EHLO probe.test\r\n"), .server("250-mx.probe.test\r\n250 SIZE 2000\r\n"),
        .client("MAIL FROM:<>\r\n"), .server("250 ok\r\n"), .client("RCPT TO:<b@y.test>\r\n"),
        .server("550 5.1.1 <b@y.test>: user unknown\r\n"), .client("QUIT\r\n"),
        .server("221 bye\r\n"), .close,
      ],
      DialoguePlan(ehloName: "probe.test", recipients: [Address(valid: "b@y.test")])
    ),
    (
      "not SMTP",
      [.server("SSH-2.0-OpenSSH_9.6\r\n"), .close],
      DialoguePlan(ehloName: "probe.test")
    ),
    (
      "a partial reply",
      [.server("220 mx ESMTP\r\n"), .client("EHLO probe.test\r\n"), .server("250-mx"), .timeout],
      DialoguePlan(ehloName: "probe.test", quitAfter: .ehlo)
    ),
  ]

  @Test(arguments: 0..<sessions.count)
  func eventByEventIsTheSessionAsRenderedAtTheEnd(_ index: Int) {
    let (_, script, plan) = Self.sessions[index]
    let (record, events) = Self.observe(script, plan)
    let renderer = ProbeTextRenderer(now: UnixTime(seconds: 1_800_000_000))
    var live = ProbeLiveText(renderer: renderer)
    let streamed = events.map { live.text(for: $0) }.joined()
    #expect(streamed == "\n" + renderer.renderSession(record), "\(Self.sessions[index].0)")
    #expect(live.streamed == [record])
  }

  @Test func aDomainProbeStreamsRouteAndHostsInOrderAndEndsWithTheVerdict() {
    let connector = FakeConnector(["127.0.0.5": ProbeRunnerTests.answers])
    let events = Mutex<[SessionObserver.Event]>([])
    var runner = ProbeRunnerTests.runner(connector)
    runner.observer = SessionObserver { event in events.withLock { $0.append(event) } }
    let outcome = runner.run(ProbeRunnerTests.request(.domain("a.test"), allMX: true))
    let renderer = ProbeTextRenderer(now: UnixTime(seconds: 1_800_000_000))
    var live = ProbeLiveText(renderer: renderer)
    var streamed = live.title(outcome.target)
    for event in events.withLock({ $0 }) { streamed += live.text(for: event) }
    streamed += renderer.render(outcome, after: live)
    let batch = renderer.render(outcome)
    // Every line of the report at the end is printed live too, once; only a host's verdict
    // line is named by its host, since it no longer follows the host's lines.
    let liveLines = streamed.split(separator: "\n").map(String.init)
    for line in batch.split(separator: "\n").map(String.init) where !line.hasPrefix("host verdict")
    {
      #expect(liveLines.filter { $0 == line }.count == 1, "\(line)\n\(streamed)")
    }
    #expect(liveLines.contains { $0.hasPrefix("MX 20 second.a.test: host verdict: ok") })
    // The route first, the refused host before the session that answered, the verdict last.
    let table = liveLines.firstIndex { $0.hasPrefix("    10  first.a.test") } ?? .max
    let refused = liveLines.firstIndex { $0.contains("cannot connect to 127.0.0.3") } ?? .max
    let greeting = liveLines.firstIndex { $0.contains("<- 220 mx.a.test") } ?? .max
    #expect(table < refused)
    #expect(refused < greeting)
    #expect(liveLines.last?.hasPrefix("verdict: ") == true)
  }
}
