/// The outcome class of a probe, and the only place it becomes an exit code.
///
/// Precedence (DESIGN.md's probe row): a probe that could not complete is `incomplete` (exit 3)
/// whatever was said before; otherwise any 5yz rejection makes it `permanentFailure` (exit 1),
/// also when other recipients were accepted, because a script must learn that some address was
/// refused; otherwise any 4yz rejection (421 included) makes it `transientFailure` (exit 2);
/// otherwise `ok` (exit 0). `invalidInput` (exit 64, `EX_USAGE` from sysexits.h) is a target
/// that is not valid, found only once routing looked at it.
public enum ProbeStatus: String, Hashable, Sendable, CaseIterable {
  case ok
  case permanentFailure = "permanent-failure"
  case transientFailure = "transient-failure"
  case incomplete
  case invalidInput = "invalid-input"

  /// The probe exit code: 0 ok, 1 permanent, 2 transient, 3 could not complete, 64 invalid.
  public var exitCode: Int32 {
    switch self {
    case .ok: 0
    case .permanentFailure: 1
    case .transientFailure: 2
    case .incomplete: 3
    case .invalidInput: 64
    }
  }

  /// Rank for `--all-mx`, worst highest: could not complete, then permanent, then transient.
  public var severity: Int {
    switch self {
    case .ok: 0
    case .transientFailure: 1
    case .permanentFailure: 2
    case .incomplete: 3
    case .invalidInput: 4
    }
  }
}
