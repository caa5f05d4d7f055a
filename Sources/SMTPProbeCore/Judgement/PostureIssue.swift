/// One thing found about a published record: several of them make one finding, whose state is
/// the worst and whose summary is the worst issue's.
struct PostureIssue {
  var state: CheckState
  var summary: String
  var explanation: String
  var fix: String

  /// The finding for `check`: OK with `okSummary` when there is no issue.
  static func finding(
    _ check: CheckID, subject: String? = nil, issues: [PostureIssue], okSummary: String,
    okExplanation: String = "", perfdata: [PerfDatum] = [], value: Double? = nil
  ) -> CheckFinding {
    let ordered = issues.enumerated().sorted {
      ($0.element.state.severity, -$0.offset) > ($1.element.state.severity, -$1.offset)
    }.map(\.element)
    guard let worst = ordered.first else {
      return CheckFinding(
        check: check, subject: subject, state: .ok, summary: okSummary,
        explanation: okExplanation, value: value, unit: value == nil ? nil : PerfUnit.none,
        perfdata: perfdata)
    }
    let others = ordered.dropFirst()
    let summary =
      others.isEmpty
      ? worst.summary
      : "\(worst.summary) (\(others.count) more: \(others.map(\.summary).joined(separator: "; ")))"
    return CheckFinding(
      check: check, subject: subject, state: worst.state, summary: summary,
      explanation: ordered.map(\.explanation).filter { !$0.isEmpty }.joined(separator: " "),
      fix: ordered.map(\.fix).filter { !$0.isEmpty }.joined(separator: " "), value: value,
      unit: value == nil ? nil : PerfUnit.none, perfdata: perfdata)
  }
}
