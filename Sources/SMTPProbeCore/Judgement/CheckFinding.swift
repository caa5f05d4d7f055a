/// The result of one health check: a state, a sentence for each reader, and the evidence.
///
/// Findings are produced by judgements over session records; renderers only print them.
/// `subject` tells apart findings of the same check on one host (the recipient of a `rcpt`
/// assertion, the certificate of a chain, the relay form).
public struct CheckFinding: Hashable, Sendable {
  /// Which check this is.
  public var check: CheckID
  /// What it is about when a check yields several findings on one host, else nil.
  public var subject: String?
  /// OK, WARNING, CRITICAL or UNKNOWN.
  public var state: CheckState
  /// Whether the check applied at all; a check that did not apply (no STARTTLS, so no
  /// certificate to date) is reported as skipped with state ok.
  public var applicable: Bool
  /// One line: what was found.
  public var summary: String
  /// Why it matters, or why it happened.
  public var explanation: String
  /// What to do about it; empty when nothing needs doing.
  public var fix: String
  /// The reply the finding rests on, if one does.
  public var evidence: CheckEvidence?
  /// The measured value, if the check measures one (seconds, days).
  public var value: Double?
  /// The unit of `value`.
  public var unit: PerfUnit?
  /// The performance data this finding contributes.
  public var perfdata: [PerfDatum]
  /// The record or policy the finding is about, field by field as parsed; empty for most.
  public var record: [CheckRecordField]

  public init(
    check: CheckID, subject: String? = nil, state: CheckState, applicable: Bool = true,
    summary: String, explanation: String = "", fix: String = "", evidence: CheckEvidence? = nil,
    value: Double? = nil, unit: PerfUnit? = nil, perfdata: [PerfDatum] = [],
    record: [CheckRecordField] = []
  ) {
    self.record = record
    self.check = check
    self.subject = subject
    self.state = state
    self.applicable = applicable
    self.summary = summary
    self.explanation = explanation
    self.fix = fix
    self.evidence = evidence
    self.value = value
    self.unit = unit
    self.perfdata = perfdata
  }

  /// A check that did not apply: skipped in JUnit, left out of annotations.
  public static func notApplicable(_ check: CheckID, subject: String? = nil, because: String)
    -> CheckFinding
  {
    CheckFinding(
      check: check, subject: subject, state: .ok, applicable: false, summary: because)
  }

  /// The check and its subject for one line: `rcpt abuse@example.org`, `connect`.
  public var name: String { subject.map { "\(check.rawValue) \($0)" } ?? check.rawValue }
}
