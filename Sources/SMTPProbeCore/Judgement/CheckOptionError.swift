/// Why a `check` option value was refused, in one line naming the option and the value.
public enum CheckOptionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A threshold range that does not follow `[@][start:][end]`.
  case invalidRange(option: String, value: String, reason: String)
  /// A `PHASE=SECONDS` value whose phase is not one we time.
  case unknownPhase(option: String, value: String)
  /// A `PHASE=SECONDS` value without `=`.
  case missingEquals(option: String, value: String)
  /// A number of days or seconds that is not a non-negative number.
  case invalidNumber(option: String, value: String)
  /// `--cert-crit` leaves more days than `--cert-warn`, so the warning could never fire.
  case certCriticalAboveWarning(warning: Int, critical: Int)
  /// A `--format` or `--report` format we do not write.
  case unknownFormat(option: String, value: String)
  /// A `--report` value without `FORMAT:PATH`.
  case missingReportPath(value: String)
  /// Two `--report` values naming the same file.
  case duplicateReportPath(path: String)
  /// A `--rcpt` value that is not `ADDR=accept` or `ADDR=reject`.
  case invalidExpectation(option: String, value: String)
  /// A `--rcpt` address that cannot go on the wire.
  case invalidAddress(option: String, reason: String)

  public var description: String {
    switch self {
    case .invalidRange(let option, let value, let reason):
      "\(option) '\(value)': \(reason) (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"
    case .unknownPhase(let option, let value):
      "\(option) '\(value)': unknown phase (expected one of "
        + CheckPhase.allCases.map(\.rawValue).joined(separator: ", ") + ")"
    case .missingEquals(let option, let value):
      "\(option) '\(value)': expected PHASE=SECONDS, e.g. greeting=5"
    case .invalidNumber(let option, let value):
      "\(option) '\(value)': expected a number that is zero or more"
    case .certCriticalAboveWarning(let warning, let critical):
      "--cert-crit \(critical) is more than --cert-warn \(warning): the warning could never fire"
    case .unknownFormat(let option, let value):
      "\(option) '\(value)': unknown format (expected one of "
        + CheckFormat.allCases.map(\.rawValue).joined(separator: ", ") + ")"
    case .missingReportPath(let value):
      "--report '\(value)': expected FORMAT:PATH, e.g. junit:check.xml"
    case .duplicateReportPath(let path):
      "--report: '\(path)' is named twice"
    case .invalidExpectation(let option, let value):
      "\(option) '\(InputError.escaped(value))': expected ADDR=accept or ADDR=reject"
    case .invalidAddress(let option, let reason):
      "\(option): \(reason)"
    }
  }
}
