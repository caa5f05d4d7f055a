/// Posture findings whose lookup the run's `--max-time` stopped: UNKNOWN, one line saying so.
///
/// A lookup that was never sent, or given up on at the deadline, says nothing about the
/// domain's DNS, so the finding judged from it would blame the name servers for our limit.
extension CheckJudgement {
  /// `finding`, or an UNKNOWN finding of the same check and subject when `lookup` was cut.
  static func unlessCut(_ finding: CheckFinding, _ lookup: TXTRecordLookup) -> CheckFinding {
    guard case .failed(let error) = lookup, case .cutByMaxTime = error else { return finding }
    return CheckFinding(
      check: finding.check, subject: finding.subject, state: .unknown,
      summary: error.description,
      explanation: "The run's --max-time was used up before this was looked up.",
      fix: "Give the check a longer --max-time.")
  }
}
