/// Why a run ended before its end: the whole-run limit or the user's signal.
public enum RunStop: Hashable, Sendable {
  /// `--max-time SECONDS` passed while the run was `step` ("waiting for the reply to RCPT TO").
  case timeLimit(seconds: Double, step: String)
  /// The user asked the run to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT) while it was `step`.
  case interrupted(step: String)

  /// Whether the user interrupted the run (a signal), not a limit.
  public var isInterruption: Bool {
    if case .interrupted = self { return true }
    return false
  }
}
