/// What `ProbeRunner` found: the route (for a domain), every host tried, and the verdict.
///
/// Renderers turn this into text (`ProbeTextRenderer`) or DESIGN.md's probe JSON
/// (`ProbeJSONRenderer`); the exit code follows DESIGN.md's probe row.
public struct ProbeOutcome: Hashable, Sendable {
  /// What was probed, as the user named it.
  public var target: String
  /// The MX route, for a domain probe.
  public var route: MailRoute?
  /// Every host tried, in order.
  public var attempts: [HostAttempt]
  /// The overall verdict: the answering host's, the worst with `--all-mx`, or why none answered.
  public var verdict: Verdict
  /// The process exit code: the verdict's, or 64 for a domain name that is not valid.
  public var exitCode: Int32
  /// Things the user should know that did not decide the verdict (DNS setup, TLS, identity).
  public var warnings: [String]
  /// What was done and why (implicit MX, falling back to the next MX, the EHLO name used).
  public var notes: [String]
  /// Advice when nothing answered (outbound port 25 likely blocked).
  public var advice: [String]

  public init(
    target: String, route: MailRoute? = nil, attempts: [HostAttempt] = [], verdict: Verdict,
    exitCode: Int32? = nil, warnings: [String] = [], notes: [String] = [], advice: [String] = []
  ) {
    self.target = target
    self.route = route
    self.attempts = attempts
    self.verdict = verdict
    self.exitCode = exitCode ?? verdict.exitCode
    self.warnings = warnings
    self.notes = notes
    self.advice = advice
  }

  /// The sessions of the hosts that were connected to, in order.
  public var sessions: [SessionResult] { attempts.compactMap(\.session) }
}
