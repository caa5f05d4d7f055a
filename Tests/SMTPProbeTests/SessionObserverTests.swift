import Synchronization
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// The driver tells its observer each line and step as it happens, the same ones it records.
@Suite struct SessionObserverTests {
  typealias Item = ScriptedTransport.Item

  /// Runs `script` with an observer; the record and the events seen.
  static func observe(_ script: [Item], timeout: Double = 30)
    -> (SessionRecord, [SessionObserver.Event])
  {
    let clock = FakeClock()
    let events = Mutex<[SessionObserver.Event]>([])
    let observer = SessionObserver { event in events.withLock { $0.append(event) } }
    var plan = DialoguePlan(ehloName: "probe.test", quitAfter: .ehlo, tls: .off)
    plan.timeout = timeout
    let record = SessionDriver(plan: plan, clock: clock, observer: observer)
      .run(over: ScriptedTransport(script, clock: clock))
    return (record, events.withLock { $0 })
  }

  @Test func everyLineAndStepIsObservedInOrder() {
    let (record, events) = Self.observe([
      .server("220 mx.test ESMTP\r\n"), .client("EHLO probe.test\r\n"),
      .server("250-mx.test\r\n250 PIPELINING\r\n"), .client("QUIT\r\n"), .server("221 bye\r\n"),
      .close,
    ])
    let lines = events.compactMap { event -> Transcript.Entry? in
      if case .line(let entry) = event { entry } else { nil }
    }
    let steps = events.compactMap { event -> Step? in
      if case .step(let step) = event { step } else { nil }
    }
    #expect(lines == record.transcript.entries)
    #expect(steps == record.steps)
    // A step is told after its reply's lines, before the next command goes out.
    let kinds = events.map { event -> String in
      switch event {
      case .line(let entry): entry.direction == .send ? "send" : "recv"
      case .step: "step"
      case .started: "started"
      case .tls: "tls"
      case .finished: "finished"
      case .route, .attempt: "runner"
      }
    }
    #expect(
      kinds == [
        "started", "recv", "step", "send", "recv", "recv", "step", "send", "recv", "step",
        "finished",
      ])
    // The last event carries the record itself.
    #expect(events.last == .finished(record))
  }

  @Test func aReplyCutByTheTimeoutIsObservedAsPartial() {
    let (record, events) = Self.observe(
      [
        .server("220 mx.test ESMTP\r\n"), .client("EHLO probe.test\r\n"), .server("250-mx"),
        .timeout,
      ],
      timeout: 5)
    #expect(record.transcript.partialLines == ["250-mx"])
    #expect(
      events.contains { event in
        if case .line(let entry) = event { entry.partial && entry.line == "250-mx" } else { false }
      })
  }
}
