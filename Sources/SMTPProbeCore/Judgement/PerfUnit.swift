/// The unit of measurement of a performance-data value.
///
/// The Monitoring Plugins development guidelines ("Performance data") allow no unit (a count),
/// `s`/`ms`/`us`, `%`, `B`/`KB`/`MB`/`TB` and `c` (a continuous counter); smtpprobe reports
/// times in seconds and certificate lifetimes as a plain count of days.
public enum PerfUnit: String, Hashable, Sendable {
  /// A plain number (days, recipients).
  case none = ""
  /// Seconds.
  case seconds = "s"
  /// A percentage.
  case percent = "%"
  /// Bytes.
  case bytes = "B"
  /// A continuous counter.
  case counter = "c"
}
