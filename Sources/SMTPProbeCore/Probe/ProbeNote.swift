/// What a probe did and why, beside the sessions: the request's and the route's notes, and the
/// runner's own choices.
public enum ProbeNote: Hashable, Sendable {
  /// A note worded where it was found (the command line's, the route's).
  case text(String)
  /// MX `preference` `host` did not answer (its verdict), so the next MX was tried (RFC 5321
  /// 5.1).
  case nextMX(preference: UInt16, host: String, verdict: Verdict)
  /// `count` MX hosts timed out on `port`, so the `remaining` others were not tried.
  case stoppedAfterSilentHosts(count: Int, port: Int, remaining: Int)
}
