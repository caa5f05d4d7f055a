import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// The system's wall clock, read once per use for certificate validity and message dates.
///
/// The corresponding C function is `time`.
public enum WallClock {
  /// The current time in whole seconds.
  public static func now() -> UnixTime { UnixTime(seconds: Int64(time(nil))) }
}
