import Testing

@testable import SMTPProbeCore

/// `VerifyScheduler`: which session starts when, with no sockets and no clock of its own.
@Suite struct VerifySchedulerTests {
  static func scheduler(
    _ limits: VerifyScheduler.Limits, _ hosts: [(host: String, group: String, count: Int)]
  ) -> VerifyScheduler {
    var scheduler = VerifyScheduler(limits: limits)
    var index = 0
    for (host, group, count) in hosts {
      for _ in 0..<count {
        scheduler.add(index, group: group, host: host)
        index += 1
      }
    }
    return scheduler
  }

  /// Every session `next` starts at `now`, until it says to wait.
  static func starts(_ scheduler: inout VerifyScheduler, now: Int64) -> [VerifyScheduler.Session] {
    var out: [VerifyScheduler.Session] = []
    while case .start(let session) = scheduler.next(now: now) { out.append(session) }
    return out
  }

  @Test func hostsRunConcurrentlyOneSessionEachByDefault() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(recipientsPerSession: 2, catchAllProbe: false),
      [("mx.a", "a.test", 5), ("mx.b", "b.test", 3)])
    let first = Self.starts(&scheduler, now: 0)
    #expect(first.map(\.host) == ["mx.a", "mx.b"])
    #expect(first.map(\.addresses) == [[0, 1], [5, 6]])
    // Both hosts busy: nothing more until one finishes.
    #expect(scheduler.next(now: 0) == .wait(untilMilliseconds: nil))
    #expect(scheduler.finished(first[0], retry: [:], now: 10).isEmpty)
    #expect(Self.starts(&scheduler, now: 10).map(\.addresses) == [[2, 3]])
  }

  @Test func concurrencyCapsAllHostsAndPerHostCapsOne() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(
        concurrency: 3, perHost: 2, recipientsPerSession: 1, catchAllProbe: false),
      [("mx.a", "a.test", 4), ("mx.b", "b.test", 4)])
    let sessions = Self.starts(&scheduler, now: 0)
    #expect(sessions.count == 3)
    #expect(sessions.filter { $0.host == "mx.a" }.count == 2)
    #expect(sessions.filter { $0.host == "mx.b" }.count == 1)
  }

  @Test func aSessionNeverMixesDomains() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(recipientsPerSession: 10, catchAllProbe: false),
      [("mx.shared", "a.test", 2), ("mx.shared", "b.test", 2)])
    let first = Self.starts(&scheduler, now: 0)
    #expect(first.map(\.addresses) == [[0, 1]])
    #expect(first[0].group == "a.test")
    _ = scheduler.finished(first[0], retry: [:], now: 1)
    let second = Self.starts(&scheduler, now: 1)
    #expect(second.map(\.group) == ["b.test"])
    _ = scheduler.finished(second[0], retry: [:], now: 2)
    #expect(scheduler.next(now: 2) == .done)
  }

  @Test func rateShapesRecipientsPerHost() {
    // 2 RCPTs a second, sessions of at most 2: the third address waits a second.
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(perHost: 4, recipientsPerSession: 50, rate: 2, catchAllProbe: false),
      [("mx.a", "a.test", 3)])
    let first = Self.starts(&scheduler, now: 0)
    #expect(first.map(\.addresses) == [[0, 1]])
    #expect(scheduler.next(now: 0) == .wait(untilMilliseconds: 500))
    #expect(Self.starts(&scheduler, now: 499).isEmpty)
    #expect(Self.starts(&scheduler, now: 500).map(\.addresses) == [[2]])
  }

  @Test func tooManyRecipientsRequeuesAtOnceAndLearnsTheLimit() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(recipientsPerSession: 6, catchAllProbe: false),
      [("mx.a", "a.test", 6)])
    let first = Self.starts(&scheduler, now: 0)
    #expect(first[0].addresses == [0, 1, 2, 3, 4, 5])
    let retry = Dictionary(
      uniqueKeysWithValues: (2...5).map { ($0, VerifyRetry.Reason.tooManyRecipients) })
    #expect(scheduler.finished(first[0], retry: retry, now: 5).isEmpty)
    #expect(scheduler.recipientLimit(of: "mx.a") == 2)
    // No back-off: the rest go at once, two at a time, in input order.
    #expect(Self.starts(&scheduler, now: 5).map(\.addresses) == [[2, 3]])
  }

  @Test func theCatchAllProbeCountsAgainstTheLimit() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(recipientsPerSession: 10, catchAllProbe: true),
      [("mx.a", "a.test", 5)])
    let first = Self.starts(&scheduler, now: 0)
    _ = scheduler.finished(
      first[0], retry: [3: .tooManyRecipients, 4: .tooManyRecipients], now: 1)
    let second = Self.starts(&scheduler, now: 1)
    // Limit 3: two real addresses and the probe.
    #expect(second.map(\.addresses) == [[3, 4]])
    #expect(second[0].catchAllProbe)
  }

  @Test func oneRecipientPerSessionDropsTheProbe() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(recipientsPerSession: 10, catchAllProbe: true),
      [("mx.a", "a.test", 3)])
    let first = Self.starts(&scheduler, now: 0)
    _ = scheduler.finished(
      first[0], retry: [1: .tooManyRecipients, 2: .tooManyRecipients], now: 1)
    #expect(scheduler.recipientLimit(of: "mx.a") == 1)
    let second = Self.starts(&scheduler, now: 1)
    #expect(second.map(\.addresses) == [[1]])
    #expect(second[0].catchAllProbe == false)
  }

  @Test func a421OrDropBacksOffAndDoubles() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(
        recipientsPerSession: 5, catchAllProbe: false, maxAttempts: 5, backoffMilliseconds: 1000),
      [("mx.a", "a.test", 3)])
    var session = Self.starts(&scheduler, now: 0)[0]
    // The first address answered, the 421 cut the rest: progress, one back-off.
    _ = scheduler.finished(session, retry: [1: .closing, 2: .dropped], now: 100)
    #expect(scheduler.next(now: 100) == .wait(untilMilliseconds: 1100))
    session = Self.starts(&scheduler, now: 1100)[0]
    #expect(session.addresses == [1, 2])
    // No progress at all: the pause doubles from the second failure on.
    _ = scheduler.finished(session, retry: [1: .dropped, 2: .dropped], now: 1200)
    #expect(scheduler.next(now: 1200) == .wait(untilMilliseconds: 2200))
    session = Self.starts(&scheduler, now: 2200)[0]
    _ = scheduler.finished(session, retry: [1: .dropped, 2: .dropped], now: 2300)
    #expect(scheduler.next(now: 2300) == .wait(untilMilliseconds: 4300))
  }

  @Test func attemptsAreBounded() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(
        recipientsPerSession: 5, catchAllProbe: false, maxAttempts: 2, backoffMilliseconds: 0),
      [("mx.a", "a.test", 1)])
    var session = Self.starts(&scheduler, now: 0)[0]
    #expect(scheduler.finished(session, retry: [0: .closing], now: 1).isEmpty)
    session = Self.starts(&scheduler, now: 1)[0]
    #expect(scheduler.finished(session, retry: [0: .closing], now: 2) == [0])
    #expect(scheduler.next(now: 2) == .done)
    #expect(scheduler.attempts(of: 0) == 2)
  }

  @Test func hostsAreServedRoundRobin() {
    var scheduler = Self.scheduler(
      VerifyScheduler.Limits(concurrency: 1, recipientsPerSession: 1, catchAllProbe: false),
      [("mx.a", "a.test", 2), ("mx.b", "b.test", 2)])
    var order: [String] = []
    for time in 0..<4 {
      guard case .start(let session) = scheduler.next(now: Int64(time)) else { break }
      order.append(session.host)
      _ = scheduler.finished(session, retry: [:], now: Int64(time))
    }
    #expect(order == ["mx.a", "mx.b", "mx.a", "mx.b"])
  }

  @Test func aSessionCarriesSeveralChunksOfOneRoute() {
    var scheduler = VerifyScheduler(
      limits: VerifyScheduler.Limits(
        recipientsPerSession: 2, catchAllProbe: false, transactionsPerSession: 3))
    for index in 0..<5 { scheduler.add(index, group: "a.test", host: "mx", route: "mx backup") }
    for index in 5..<7 { scheduler.add(index, group: "b.test", host: "mx", route: "mx backup") }
    scheduler.add(7, group: "c.test", host: "mx", route: "mx")
    let first = Self.starts(&scheduler, now: 0)
    #expect(first.map { $0.chunks.map(\.addresses) } == [[[0, 1], [2, 3], [4]]])
    _ = scheduler.finished(first[0], retry: [:], now: 1)
    // b.test shares a.test's route; c.test does not, so it waits for a session of its own.
    let second = Self.starts(&scheduler, now: 1)
    #expect(second.map { $0.chunks.map(\.group) } == [["b.test"]])
    _ = scheduler.finished(second[0], retry: [:], now: 2)
    #expect(Self.starts(&scheduler, now: 2).map(\.addresses) == [[7]])
  }

  @Test func oneRecipientPerSessionMeansOneChunkPerSession() {
    var scheduler = VerifyScheduler(
      limits: VerifyScheduler.Limits(
        recipientsPerSession: 5, catchAllProbe: false, transactionsPerSession: 10))
    for index in 0..<4 { scheduler.add(index, group: "a.test", host: "mx") }
    let first = Self.starts(&scheduler, now: 0)
    #expect(first[0].chunks.count == 1)
    _ = scheduler.finished(
      first[0], retry: [1: .tooManyRecipients, 2: .tooManyRecipients, 3: .tooManyRecipients],
      now: 1)
    #expect(Self.starts(&scheduler, now: 1).map { $0.chunks.map(\.addresses) } == [[[1]]])
  }

  @Test func tokenBucketRefillsAtItsRate() {
    var bucket = TokenBucket(rate: 4, now: 0)
    #expect(bucket.readyAt(cost: 4, now: 0) == 0)
    bucket.take(cost: 4, now: 0)
    // One token every 250 ms.
    #expect(bucket.readyAt(cost: 1, now: 0) == 250)
    #expect(bucket.readyAt(cost: 2, now: 100) == 500)
    // Never more than the capacity.
    #expect(bucket.readyAt(cost: 4, now: 10_000) == 10_000)
    #expect(bucket.readyAt(cost: 9, now: 10_000) == 10_000)
  }

  @Test func retryReasonsFromFacts() throws {
    let address = try VerifyAddress.parse("a@b.test")
    func facts(_ session: VerifyFacts.Session) -> VerifyFacts {
      VerifyFacts(address: address, route: .hosts(["mx"]), session: session)
    }
    #expect(
      VerifyRetry.reason(facts(.recipient(Reply(452, "4.5.3 Error: too many recipients"))))
        == .tooManyRecipients)
    #expect(
      VerifyRetry.reason(facts(.recipient(Reply(421, "4.7.0 closing connection")))) == .closing)
    #expect(VerifyRetry.reason(facts(.refused(.greeting, Reply(421, "busy")))) == .closing)
    #expect(VerifyRetry.reason(facts(.dropped(before: .rcpt, timedOut: false))) == .dropped)
    #expect(VerifyRetry.reason(facts(.dropped(before: .rcpt, timedOut: true))) == nil)
    #expect(VerifyRetry.reason(facts(.recipient(Reply(550, "5.1.1 user unknown")))) == nil)
    #expect(VerifyRetry.reason(facts(.recipient(Reply(450, "4.2.0 greylisted")))) == nil)
  }
}
