/// A point on the monotonic clock by which an operation must finish.
public struct Deadline: Hashable, Sendable, Comparable {
  /// Nanoseconds on `CLOCK_MONOTONIC`.
  public var nanoseconds: UInt64

  public init(nanoseconds: UInt64) {
    self.nanoseconds = nanoseconds
  }

  /// The deadline `seconds` from now on `clock`.
  public static func after(seconds: Double, on clock: some MonotonicClock)
    -> Deadline
  {
    Deadline(nanoseconds: clock.nowNanoseconds() &+ UInt64(max(0, seconds) * 1e9))
  }

  /// Milliseconds left until the deadline (0 once passed), as `poll` wants them.
  public func remainingMilliseconds(on clock: some MonotonicClock) -> Int32 {
    let now = clock.nowNanoseconds()
    guard nanoseconds > now else { return 0 }
    return Int32(clamping: (nanoseconds - now + 999_999) / 1_000_000)
  }

  public static func < (lhs: Deadline, rhs: Deadline) -> Bool { lhs.nanoseconds < rhs.nanoseconds }
}

/// A source of monotonic time, injected so that transcripts and tests are deterministic.
public protocol MonotonicClock: Sendable {
  /// Nanoseconds since an arbitrary fixed point; never goes backwards.
  func nowNanoseconds() -> UInt64
}
