/// A token bucket over injected monotonic time: `rate` tokens a second, at most `rate` saved.
///
/// The classic shaping algorithm (RFC 2697 2, one bucket): tokens accrue continuously at the
/// rate up to the capacity, and an action costing `n` tokens may start once `n` are there.
/// verify spends one token per RCPT command (`--rate N`, RCPTs per second per host). Levels are
/// kept in thousandths of a token so that integer milliseconds are exact.
public struct TokenBucket: Hashable, Sendable {
  /// Tokens added per second, and the most the bucket holds.
  public let rate: Int
  /// Thousandths of a token in the bucket at `updated`.
  private var level: Int64
  private var updated: Int64

  /// A full bucket at `now` (milliseconds of a monotonic clock).
  public init(rate: Int, now: Int64) {
    self.rate = max(1, rate)
    self.level = Int64(self.rate) * 1000
    self.updated = now
  }

  /// The most one action may cost: what a full bucket holds.
  public var capacity: Int { rate }

  /// The bucket's level at `now`, in thousandths of a token.
  private func level(at now: Int64) -> Int64 {
    let elapsed = max(0, now - updated)
    // Each millisecond adds `rate` thousandths of a token.
    return min(Int64(rate) * 1000, level + elapsed * Int64(rate))
  }

  /// The earliest time, at or after `now`, when `cost` tokens (capped at the capacity) are
  /// there.
  public func readyAt(cost: Int, now: Int64) -> Int64 {
    let needed = Int64(min(max(0, cost), capacity)) * 1000
    let have = level(at: now)
    if have >= needed { return now }
    let rate = Int64(self.rate)
    return now + (needed - have + rate - 1) / rate
  }

  /// Takes `cost` tokens (capped at the capacity) at `now`; the caller checked `readyAt`.
  public mutating func take(cost: Int, now: Int64) {
    let needed = Int64(min(max(0, cost), capacity)) * 1000
    level = max(0, level(at: now) - needed)
    updated = max(updated, now)
  }
}
