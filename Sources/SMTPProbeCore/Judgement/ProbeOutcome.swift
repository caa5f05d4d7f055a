/// A judged probe: the record with its verdicts, warnings and advice.
///
/// The verdict over every host, each host's verdict, and the warnings and advice the facts call
/// for. Renderers turn it into text or DESIGN.md's JSON.
public struct ProbeOutcome: Hashable, Sendable {
  public let record: ProbeRecord
  /// The overall verdict: the answering host's, the worst with `--all-mx`, or why none answered.
  public let verdict: Verdict
  /// Each attempt's verdict, in the order of `record.attempts`.
  public let hostVerdicts: [Verdict]
  /// Things the user should know that did not decide the verdict (DNS setup, TLS, identity).
  public let warnings: [ProbeWarning]
  /// What to try when nothing answered like an SMTP server.
  public let advice: [ProbeAdvice]

  public init(
    record: ProbeRecord, verdict: Verdict, hostVerdicts: [Verdict], warnings: [ProbeWarning],
    advice: [ProbeAdvice]
  ) {
    self.record = record
    self.verdict = verdict
    self.hostVerdicts = hostVerdicts
    self.warnings = warnings
    self.advice = advice
  }

  /// What was probed, as the user named it.
  public var target: String { record.target }
  /// The MX route, for a domain probe.
  public var route: MailRoute? { record.route }
  /// Every host tried, in order.
  public var attempts: [HostAttempt] { record.attempts }
  /// What was done and why.
  public var notes: [ProbeNote] { record.notes }
  /// The process exit code.
  public var exitCode: Int32 { verdict.status.exitCode }
  /// The sessions of the hosts that were connected to, in order.
  public var sessions: [SessionRecord] { record.sessions }
}
