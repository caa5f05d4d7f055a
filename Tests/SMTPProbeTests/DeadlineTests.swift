import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Deadline arithmetic saturates: no duration traps or wraps into the past.
@Suite struct DeadlineTests {
  @Test(arguments: [
    1e300, 18_446_744_073.0, 1.8e10, Double.infinity, Double.greatestFiniteMagnitude,
  ])
  func aHugeDurationEndsAtTheClocksLastValue(_ seconds: Double) {
    // A clock half-way through its range, as after a long uptime of a CLOCK_MONOTONIC in ns.
    #expect(Deadline.after(seconds: seconds, from: 1 << 63).nanoseconds == .max)
  }

  @Test func aDurationBeyondUInt64NanosecondsDoesNotTrap() {
    #expect(Deadline.saturatingNanoseconds(1e300) == .max)
    #expect(Deadline.saturatingNanoseconds(18_446_744_073.8) == .max)
  }

  @Test(arguments: [0.0, -5.0, -Double.infinity, Double.nan])
  func aNegativeOrNaNDurationIsNow(_ seconds: Double) {
    #expect(Deadline.after(seconds: seconds, from: 42).nanoseconds == 42)
  }

  @Test func anOrdinaryDurationIsAdded() {
    #expect(Deadline.after(seconds: 1.5, from: 10).nanoseconds == 1_500_000_010)
  }

  @Test func aLateClockDoesNotWrapIntoThePast() {
    let now = UInt64.max - 10
    #expect(Deadline.after(seconds: 1, from: now).nanoseconds == .max)
  }

  @Test func aSaturatedDeadlineLeavesThePollTimeoutClamped() {
    struct FixedClock: MonotonicClock {
      func nowNanoseconds() -> UInt64 { 0 }
    }
    let deadline = Deadline.after(seconds: 1e300, on: FixedClock())
    #expect(deadline.remainingMilliseconds(on: FixedClock()) == Int32.max)
  }
}
