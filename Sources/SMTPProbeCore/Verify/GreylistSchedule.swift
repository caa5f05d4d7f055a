/// When to retry each greylisted address, and when to give up: a pure value over injected time.
///
/// Greylisting (RFC 6647 2.1, 4.2) refuses a first attempt with a 4xx and accepts a retry
/// after some minutes, so a greylisted RCPT is retried on the same MX after `wait`; once the
/// next retry would fall more than `limit` after the first greylisting, the schedule gives up
/// and the address is `risky` with `retry_after`. Times are monotonic milliseconds for the
/// schedule and a wall-clock `UnixTime` only for the `retry_after` shown to the user.
public struct GreylistSchedule<Key: Hashable & Sendable>: Sendable {
  /// What to do after a greylisted reply.
  public enum Decision: Hashable, Sendable {
    /// Retry at this monotonic time, in milliseconds.
    case retry(atMilliseconds: Int64)
    /// Stop; a retry after this wall-clock time may succeed.
    case giveUp(retryAfter: UnixTime)
  }

  /// The pause before each retry (`--greylist-wait`, default 60 s).
  public let waitMilliseconds: Int64
  /// How long after the first greylisting to keep retrying (`--greylist-max`, default 10 min).
  public let limitMilliseconds: Int64

  private struct Entry: Sendable {
    var first: Int64
    var next: Int64
    var order: Int
  }

  private var entries: [Key: Entry] = [:]
  private var counter = 0

  public init(waitMilliseconds: Int64 = 60_000, limitMilliseconds: Int64 = 600_000) {
    self.waitMilliseconds = max(0, waitMilliseconds)
    self.limitMilliseconds = max(0, limitMilliseconds)
  }

  /// Records that `key` was greylisted at `now` and says when to retry, or that it is time to
  /// give up; a given-up key is forgotten.
  public mutating func greylisted(_ key: Key, now: Int64, wallClock: UnixTime) -> Decision {
    let first = entries[key]?.first ?? now
    let next = now + waitMilliseconds
    guard next - first <= limitMilliseconds else {
      entries[key] = nil
      let seconds = (waitMilliseconds + 999) / 1000
      return .giveUp(retryAfter: UnixTime(seconds: wallClock.seconds + seconds))
    }
    counter += 1
    entries[key] = Entry(first: first, next: next, order: entries[key]?.order ?? counter)
    return .retry(atMilliseconds: next)
  }

  /// Marks `key`'s retry as under way: no longer due, not waited for, its first greylisting
  /// still counting towards the limit.
  public mutating func started(_ key: Key) {
    entries[key]?.next = .max
  }

  /// Forgets `key` (its retry got an answer that is not greylisting).
  public mutating func finished(_ key: Key) {
    entries[key] = nil
  }

  /// The keys whose retry is due at `now`, earliest first (first greylisted first on a tie).
  public func due(now: Int64) -> [Key] {
    entries.filter { $0.value.next <= now }
      .sorted { ($0.value.next, $0.value.order) < ($1.value.next, $1.value.order) }
      .map(\.key)
  }

  /// The earliest pending retry, to sleep until; nil when nothing waits.
  public var nextRetryMilliseconds: Int64? {
    entries.values.map(\.next).filter { $0 != .max }.min()
  }

  /// Whether any retry is pending.
  public var isEmpty: Bool { entries.isEmpty }
}
