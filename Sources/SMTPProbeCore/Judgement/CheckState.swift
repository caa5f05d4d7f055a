/// The outcome of one health check, in the Nagios plugin vocabulary: ok, warning, critical,
/// unknown.
///
/// The Nagios Plugin API maps return codes 0, 1, 2, 3 to OK, WARNING, CRITICAL, UNKNOWN, and the
/// Monitoring Plugins development guidelines keep UNKNOWN for the plugin's own failures (invalid
/// arguments, a failure internal to the plugin), never for what the checked service did: a
/// refused connection or a timeout is CRITICAL. The worst state of several is chosen in the
/// order critical > warning > unknown > ok, the order of `max_state_alt` in the Monitoring
/// Plugins' own utilities, so a real problem is never hidden behind one check we could not run.
public enum CheckState: String, Hashable, Sendable, CaseIterable, Comparable {
  case ok
  case warning
  case critical
  case unknown

  /// The plugin return code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (Nagios Plugin API,
  /// "Return Code").
  public var exitCode: Int32 {
    switch self {
    case .ok: 0
    case .warning: 1
    case .critical: 2
    case .unknown: 3
    }
  }

  /// The upper-case name a Nagios status line starts with (`SMTP CRITICAL - ...`).
  public var nagiosName: String { rawValue.uppercased() }

  /// How bad the state is when several are combined: ok < unknown < warning < critical.
  public var severity: Int {
    switch self {
    case .ok: 0
    case .unknown: 1
    case .warning: 2
    case .critical: 3
    }
  }

  /// Orders by `severity`, so `max()` of a list of states is the worst one.
  public static func < (lhs: CheckState, rhs: CheckState) -> Bool {
    lhs.severity < rhs.severity
  }

  /// The worst of `states`, or nil when there are none.
  public static func worst(_ states: some Sequence<CheckState>) -> CheckState? {
    states.max()
  }
}
