/// Decides which verify session starts next, and when: the politeness of a list run as a pure
/// value over injected monotonic milliseconds.
///
/// Addresses wait in a queue per MX host, grouped by domain; a chunk is up to
/// `recipientsPerSession` addresses of one domain (the catch-all probe RCPT on top), and a
/// session carries up to `transactionsPerSession` chunks of domains with the same route, one
/// transaction each with RSET between (RFC 5321 4.1.1.5), as MTAs reuse a connection. At most
/// `concurrency` sessions run at once over all hosts and `perHost` on any one host (RFC 5321
/// 4.5.3.2 asks clients not to overload a server with parallel connections); with `rate`, each
/// host's RCPTs are shaped by a `TokenBucket`. Hosts are served round robin.
///
/// When a session ends without an answer for some addresses (`VerifyRetry.Reason`), they go
/// back to the front of their host's queue: at once after "too many recipients" (the host's
/// recipient limit is learned from how many RCPTs passed first, RFC 5321 4.5.3.1.10), after a
/// back-off that doubles after each session with no progress on a 421 or a dropped
/// connection. An address is tried in at most `maxAttempts` sessions.
public struct VerifyScheduler: Sendable {
  /// The run's politeness settings.
  public struct Limits: Hashable, Sendable {
    /// Sessions at once over all hosts (`--concurrency`).
    public var concurrency: Int
    /// Sessions at once on one MX host (`--per-host`).
    public var perHost: Int
    /// Real addresses per session (`--rcpt-per-session`).
    public var recipientsPerSession: Int
    /// RCPTs per second per host (`--rate`), nil for no shaping.
    public var rate: Int?
    /// Whether sessions carry the catch-all probe RCPT after the real ones.
    public var catchAllProbe: Bool
    /// Sessions an address may be tried in before its last facts stand.
    public var maxAttempts: Int
    /// The pause after a 421 or a dropped connection; it doubles while no progress is made.
    public var backoffMilliseconds: Int64
    /// Chunks one session may carry, each its own transaction (MAIL, RCPTs, RSET).
    public var transactionsPerSession: Int

    public init(
      concurrency: Int = 16, perHost: Int = 1, recipientsPerSession: Int = 50, rate: Int? = nil,
      catchAllProbe: Bool = true, maxAttempts: Int = 3, backoffMilliseconds: Int64 = 2_000,
      transactionsPerSession: Int = 1
    ) {
      self.concurrency = max(1, concurrency)
      self.perHost = max(1, perHost)
      self.recipientsPerSession = max(1, recipientsPerSession)
      self.rate = rate.map { max(1, $0) }
      self.catchAllProbe = catchAllProbe
      self.maxAttempts = max(1, maxAttempts)
      self.backoffMilliseconds = max(0, backoffMilliseconds)
      self.transactionsPerSession = max(1, transactionsPerSession)
    }
  }

  /// One session to run: chunks of addresses (the caller's indices) on one host, each chunk of
  /// one domain and its own transaction.
  public struct Session: Hashable, Sendable {
    /// Addresses of one domain, sent in one transaction.
    public struct Chunk: Hashable, Sendable {
      public let group: String
      public let addresses: [Int]
    }

    public let id: Int
    public let host: String
    public let chunks: [Chunk]
    /// Whether the catch-all probe fits under the host's recipient limit.
    public let catchAllProbe: Bool

    /// The first chunk's domain.
    public var group: String { chunks[0].group }
    /// Every address of the session, chunk after chunk.
    public var addresses: [Int] { chunks.flatMap(\.addresses) }
  }

  /// What the caller should do now.
  public enum Next: Hashable, Sendable {
    case start(Session)
    /// Nothing can start before this monotonic time; nil: not before a session finishes.
    case wait(untilMilliseconds: Int64?)
    /// No address is waiting and no session is running.
    case done
  }

  private struct Entry: Hashable, Sendable {
    var index: Int
    var group: String
    /// Chunks whose entries share this key may share a session: domains with the same route.
    var route: String
  }

  private struct Host: Sendable {
    var queue: [Entry] = []
    var head = 0
    var running = 0
    var notBefore: Int64 = 0
    var recipientLimit: Int?
    var bucket: TokenBucket?
    /// Sessions in a row that ended on a 421 or a drop without answering anything.
    var failures = 0

    var waiting: Int { queue.count - head }
  }

  public let limits: Limits
  private var hosts: [String: Host] = [:]
  private var hostOrder: [String] = []
  private var cursor = 0
  private var running = 0
  private var nextID = 1
  private var attempts: [Int: Int] = [:]
  private var entries: [Int: Entry] = [:]

  public init(limits: Limits) {
    self.limits = limits
  }

  /// Queues the address `index` of domain `group` for MX host `host` (after those queued);
  /// domains with the same `route` (their MX hosts, by default just `host`) may share a
  /// session.
  public mutating func add(_ index: Int, group: String, host: String, route: String? = nil) {
    if hosts[host] == nil {
      hosts[host] = Host()
      hostOrder.append(host)
    }
    let entry = Entry(index: index, group: group, route: route ?? host)
    entries[index] = entry
    hosts[host]?.queue.append(entry)
  }

  /// The recipient limit learned for `host`, if it refused a RCPT as one too many.
  public func recipientLimit(of host: String) -> Int? {
    hosts[host]?.recipientLimit
  }

  /// Sessions `index` has been tried in so far.
  public func attempts(of index: Int) -> Int {
    attempts[index] ?? 0
  }

  /// The next session to start at `now`, or how long to wait.
  public mutating func next(now: Int64) -> Next {
    var earliest: Int64?
    var pending = false
    func later(_ time: Int64) { earliest = min(earliest ?? time, time) }
    for offset in 0..<hostOrder.count {
      let position = (cursor + offset) % hostOrder.count
      let name = hostOrder[position]
      guard var host = hosts[name], host.waiting > 0 else { continue }
      pending = true
      guard running < limits.concurrency, host.running < limits.perHost else { continue }
      if host.notBefore > now {
        later(host.notBefore)
        continue
      }
      let (size, probe) = shape(host)
      var chunks: [Session.Chunk] = []
      var index = host.head
      let route = host.queue[index].route
      while index < host.queue.count, chunks.count < transactions(host),
        host.queue[index].route == route
      {
        let group = host.queue[index].group
        var taken: [Int] = []
        while index < host.queue.count, taken.count < size, host.queue[index].group == group {
          taken.append(host.queue[index].index)
          index += 1
        }
        chunks.append(Session.Chunk(group: group, addresses: taken))
      }
      if let rate = limits.rate {
        // With a rate, a session is one chunk (`transactions`): its RCPTs and the probe.
        let cost = chunks[0].addresses.count + (probe ? 1 : 0)
        let bucket = host.bucket ?? TokenBucket(rate: rate, now: now)
        let ready = bucket.readyAt(cost: cost, now: now)
        if ready > now {
          host.bucket = bucket
          hosts[name] = host
          later(ready)
          continue
        }
        host.bucket = bucket
        host.bucket?.take(cost: cost, now: now)
      }
      host.head = index
      if host.head == host.queue.count {
        host.queue.removeAll(keepingCapacity: true)
        host.head = 0
      }
      host.running += 1
      running += 1
      hosts[name] = host
      cursor = (position + 1) % hostOrder.count
      let session = Session(id: nextID, host: name, chunks: chunks, catchAllProbe: probe)
      nextID += 1
      return .start(session)
    }
    if !pending, running == 0 { return .done }
    if running == 0, earliest == nil { return .wait(untilMilliseconds: now) }
    return .wait(untilMilliseconds: earliest)
  }

  /// How many chunks the next session of `host` may carry: one with a rate (the bucket pays
  /// for one chunk) or when the host takes one recipient at a time (a session each).
  private func transactions(_ host: Host) -> Int {
    if limits.rate != nil || host.recipientLimit == 1 { return 1 }
    return limits.transactionsPerSession
  }

  /// How many addresses each chunk of `host` carries, and whether the probe fits.
  private func shape(_ host: Host) -> (size: Int, probe: Bool) {
    var size = limits.recipientsPerSession
    var probe = limits.catchAllProbe
    if let limit = host.recipientLimit {
      if probe, limit >= 2 {
        size = min(size, limit - 1)
      } else {
        size = min(size, limit)
        probe = false
      }
    }
    if let rate = limits.rate { size = min(size, max(1, rate - (probe ? 1 : 0))) }
    return (size, probe)
  }

  /// Records that `session` ended at `now`.
  ///
  /// `retry` names the addresses it left unanswered and why, `probeTooMany` whether the
  /// catch-all probe alone got "too many recipients". Returns the addresses that will not be tried again although they were unanswered (their
  /// last facts stand); the others are queued again.
  public mutating func finished(
    _ session: Session, retry: [Int: VerifyRetry.Reason], probeTooMany: Bool = false,
    now: Int64
  ) -> [Int] {
    running -= 1
    guard var host = hosts[session.host] else { return [] }
    host.running -= 1
    for index in session.addresses { attempts[index, default: 0] += 1 }
    // Pipelined RCPTs are answered in order (RFC 2920 3.1): the first "too many" of a
    // transaction tells how many recipients the server takes in one.
    for chunk in session.chunks {
      if let first = chunk.addresses.firstIndex(where: { retry[$0] == .tooManyRecipients }),
        first > 0
      {
        host.recipientLimit = min(host.recipientLimit ?? first, first)
      }
    }
    if probeTooMany, retry.isEmpty, let largest = session.chunks.map(\.addresses.count).max() {
      host.recipientLimit = min(host.recipientLimit ?? largest, largest)
    }
    let unanswered = session.addresses.filter { retry[$0] != nil }
    let progress = unanswered.count < session.addresses.count
    let backOff = unanswered.contains { retry[$0] != .tooManyRecipients } || !progress
    if !unanswered.isEmpty, backOff {
      host.failures = progress ? 0 : host.failures + 1
      let doublings = Int64(min(max(0, host.failures - 1), 5))
      host.notBefore = max(host.notBefore, now + limits.backoffMilliseconds << doublings)
    } else if progress {
      host.failures = 0
    }
    var again: [Entry] = []
    var givenUp: [Int] = []
    for index in unanswered {
      if (attempts[index] ?? 0) >= limits.maxAttempts {
        givenUp.append(index)
      } else {
        again.append(
          entries[index] ?? Entry(index: index, group: session.group, route: session.host))
      }
    }
    if !again.isEmpty {
      host.queue = again + host.queue[host.head...]
      host.head = 0
    }
    hosts[session.host] = host
    return givenUp
  }
}
