/// What `ProbeRunner` found, as facts.
///
/// The route (for a domain), every host tried and its session record, and what the runner
/// chose to do. The judgements read it.
public struct ProbeRecord: Hashable, Sendable {
  /// What was probed, as the user named it.
  public let target: String
  /// The MX route, for a domain probe.
  public let route: MailRoute?
  /// Every host tried, in order.
  public let attempts: [HostAttempt]
  /// The request's, the route's and the runner's notes, in that order.
  public let notes: [ProbeNote]
  /// The port dialled.
  public let port: Int
  /// Whether TLS was asked for on connect (`--tls-on-connect`).
  public let tlsOnConnect: Bool
  /// `--all-mx`: every MX host was tried and the worst decides.
  public let allMX: Bool
  /// Why the probe stopped before any host (no resolver, a name that does not resolve).
  public let failure: VerdictFinding?
  /// Why the run ended early (`--max-time`, a signal); what was seen until then is kept.
  public let stop: RunStop?

  public init(
    target: String, route: MailRoute? = nil, attempts: [HostAttempt] = [],
    notes: [ProbeNote] = [], port: Int = 25, tlsOnConnect: Bool = false, allMX: Bool = false,
    failure: VerdictFinding? = nil, stop: RunStop? = nil
  ) {
    self.stop = stop
    self.target = target
    self.route = route
    self.attempts = attempts
    self.notes = notes
    self.port = port
    self.tlsOnConnect = tlsOnConnect
    self.allMX = allMX
    self.failure = failure
  }

  /// The sessions of the hosts that were connected to, in order.
  public var sessions: [SessionRecord] { attempts.compactMap(\.session) }
}
