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
    after(seconds: seconds, from: clock.nowNanoseconds())
  }

  /// The deadline `seconds` after the instant `now`, saturating at the end of the clock.
  ///
  /// Negative and NaN durations are 0; a duration too large for `UInt64` nanoseconds, or one
  /// that would pass the clock's last value, is the clock's last value (never a trap, never a
  /// wrap-around into the past).
  public static func after(seconds: Double, from now: UInt64) -> Deadline {
    let (sum, overflow) = now.addingReportingOverflow(saturatingNanoseconds(seconds))
    return Deadline(nanoseconds: overflow ? .max : sum)
  }

  /// The deadline `seconds` after this one, saturating like `after(seconds:from:)`.
  public func adding(seconds: Double) -> Deadline {
    Deadline.after(seconds: seconds, from: nanoseconds)
  }

  /// Seconds left until the deadline (0 once passed).
  public func remainingSeconds(on clock: some MonotonicClock) -> Double {
    let now = clock.nowNanoseconds()
    return nanoseconds > now ? Double(nanoseconds - now) / 1e9 : 0
  }

  /// `seconds` as whole nanoseconds, clamped to `0...UInt64.max`.
  public static func saturatingNanoseconds(_ seconds: Double) -> UInt64 {
    let nanoseconds = seconds * 1e9
    guard nanoseconds > 0 else { return 0 }  // also NaN
    // 2^64 is exactly representable; every Double below it converts without a trap.
    guard nanoseconds < 18_446_744_073_709_551_616.0 else { return .max }
    return UInt64(nanoseconds)
  }

  /// Milliseconds left until the deadline (0 once passed), as `poll` wants them.
  public func remainingMilliseconds(on clock: some MonotonicClock) -> Int32 {
    let now = clock.nowNanoseconds()
    guard nanoseconds > now else { return 0 }
    let left = nanoseconds - now
    // Rounded up without `left + 999_999`, which wraps for a saturated deadline.
    return Int32(clamping: left / 1_000_000 + (left % 1_000_000 == 0 ? 0 : 1))
  }

  public static func < (lhs: Deadline, rhs: Deadline) -> Bool { lhs.nanoseconds < rhs.nanoseconds }
}

/// A source of monotonic time, injected so that transcripts and tests are deterministic.
public protocol MonotonicClock: Sendable {
  /// Nanoseconds since an arbitrary fixed point; never goes backwards.
  func nowNanoseconds() -> UInt64
}
