/// What a verdict rests on, as facts the renderers word.
public indirect enum VerdictFinding: Hashable, Sendable {
  /// A session that ran to its end: what was refused, accepted and stopped.
  case session(SessionFinding)
  /// The session could not complete.
  case problem(SessionProblem)
  /// TLS on connect (`--tls-on-connect`, RFC 8314 3.3) failed before any SMTP.
  case implicitTLSFailed(SessionProblem)
  /// No connection could be made.
  case connectFailed(ConnectFailure)
  /// The `--server` host name did not resolve with `--dns-server`.
  case cannotResolve(host: String, error: DNSError)
  /// A domain probe without a resolver.
  case noResolver
  /// The domain publishes a null MX (RFC 7505): it accepts no mail.
  case nullMX(domain: String)
  /// Routing failed (DNS trouble, an invalid domain).
  case routeFailed(RouteFailure)
  /// Routing found no host with an address.
  case noMailHosts(domain: String)
  /// No MX host answered; each one's verdict.
  case noHostAnswered(domain: String, hosts: [HostVerdict])
  /// `--all-mx`: `answered` of `total` hosts answered; the worst host's verdict.
  case worstHost(answered: Int, total: Int, worst: HostVerdict)
  /// `--all-mx` with nothing tried.
  case noHostTried
  /// The run ended early: `--max-time` passed or the user interrupted it.
  case stopped(RunStop)
}

/// One host's verdict, named.
public struct HostVerdict: Hashable, Sendable {
  public var host: String
  public var verdict: Verdict

  public init(host: String, verdict: Verdict) {
    self.host = host
    self.verdict = verdict
  }
}
