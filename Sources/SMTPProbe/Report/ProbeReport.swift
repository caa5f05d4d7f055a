/// The result of `smtpprobe probe`: the target, each session, and the overall verdict.
///
/// DESIGN.md's probe JSON is this value: `target`, `sessions` (see `SessionResult`),
/// `verdict {status, summary}` and `exit_code`. The MX table (`mx`) is added by the DNS work.
public struct ProbeReport: Hashable, Sendable {
  /// What the user asked to probe: a domain, or `--server HOST[:PORT]`.
  public var target: String
  public var sessions: [SessionResult]
  public var verdict: Verdict

  public init(target: String, sessions: [SessionResult], verdict: Verdict) {
    self.target = target
    self.sessions = sessions
    self.verdict = verdict
  }

  /// A report of one session, whose verdict is the report's.
  public init(target: String, session: SessionResult) {
    self.init(target: target, sessions: [session], verdict: session.verdict)
  }

  /// The process exit code (DESIGN.md, probe row).
  public var exitCode: Int32 { verdict.exitCode }
}
