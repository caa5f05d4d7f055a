/// One performance-data value with its thresholds: `'label'=value[UOM];[warn];[crit];[min];[max]`.
///
/// The grammar is the Monitoring Plugins development guidelines' "Performance data"; warn and
/// crit are threshold ranges in the guidelines' range format, so a certificate lifetime carries
/// `20:` (alert when fewer than 20 days are left).
public struct PerfDatum: Hashable, Sendable {
  /// The label, before quoting.
  public var label: String
  /// The measured value.
  public var value: Double
  /// Its unit.
  public var unit: PerfUnit
  /// The warning range, if one applies.
  public var warning: ThresholdRange?
  /// The critical range, if one applies.
  public var critical: ThresholdRange?
  /// The smallest possible value, if known.
  public var minimum: Double?
  /// The largest possible value, if known.
  public var maximum: Double?

  public init(
    label: String, value: Double, unit: PerfUnit = .none, warning: ThresholdRange? = nil,
    critical: ThresholdRange? = nil, minimum: Double? = nil, maximum: Double? = nil
  ) {
    self.label = label
    self.value = value
    self.unit = unit
    self.warning = warning
    self.critical = critical
    self.minimum = minimum
    self.maximum = maximum
  }
}
