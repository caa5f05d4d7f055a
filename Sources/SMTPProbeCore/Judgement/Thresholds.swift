/// A warning and a critical range for one value: the pair a Nagios plugin's `-w`/`-c` give.
///
/// The critical range is tested first, then the warning range (Monitoring Plugins guidelines,
/// "Threshold and ranges": CRITICAL when in the critical alert, else WARNING, else OK).
public struct Thresholds: Hashable, Sendable {
  /// The range whose alert makes the value WARNING.
  public var warning: ThresholdRange?
  /// The range whose alert makes the value CRITICAL.
  public var critical: ThresholdRange?

  public init(warning: ThresholdRange? = nil, critical: ThresholdRange? = nil) {
    self.warning = warning
    self.critical = critical
  }

  /// The state of `value`: critical, warning or ok.
  public func evaluate(_ value: Double) -> CheckState {
    if critical?.alerts(value) == true { return .critical }
    if warning?.alerts(value) == true { return .warning }
    return .ok
  }
}
