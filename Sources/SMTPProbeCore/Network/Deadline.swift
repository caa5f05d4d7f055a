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
    Deadline(nanoseconds: clock.nowNanoseconds()).adding(seconds: seconds)
  }

  /// The deadline `seconds` after this one, saturating at the end of time: a duration too
  /// large for 64-bit nanoseconds (or a sum that overflows) never wraps to the past.
  public func adding(seconds: Double) -> Deadline {
    let wanted = max(0, seconds) * 1e9
    guard wanted < Double(UInt64.max) else { return Deadline(nanoseconds: .max) }
    let (sum, overflow) = nanoseconds.addingReportingOverflow(UInt64(wanted))
    return Deadline(nanoseconds: overflow ? .max : sum)
  }

  /// Seconds left until the deadline (0 once passed).
  public func remainingSeconds(on clock: some MonotonicClock) -> Double {
    let now = clock.nowNanoseconds()
    return nanoseconds > now ? Double(nanoseconds - now) / 1e9 : 0
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
