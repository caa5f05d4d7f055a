import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// The system's monotonic clock.
///
/// The corresponding C function is `clock_gettime`.
public struct SystemClock: MonotonicClock {
  public init() {}

  public func nowNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }
}

extension Deadline {
  /// The deadline `seconds` from now on the system's monotonic clock.
  public static func after(seconds: Double) -> Deadline {
    after(seconds: seconds, on: SystemClock())
  }

  /// Milliseconds left until the deadline on the system's monotonic clock.
  public func remainingMilliseconds() -> Int32 { remainingMilliseconds(on: SystemClock()) }
}
