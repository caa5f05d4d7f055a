import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Waits between the round trip's searches: `poll` with no descriptors, which sleeps on the
/// monotonic clock and cannot be shortened by a clock change.
///
/// The corresponding C function is `poll`.
public enum PollPause {
  /// Waits `seconds` (0 to 60 at a time, repeated until done).
  public static func wait(seconds: Double) {
    let clock = SystemClock()
    let deadline = Deadline.after(seconds: seconds, on: clock)
    while true {
      let left = deadline.remainingMilliseconds(on: clock)
      if left <= 0 { return }
      _ = poll(nil, 0, min(left, 60_000))
    }
  }
}
