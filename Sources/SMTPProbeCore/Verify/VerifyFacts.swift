/// What one verification saw: the route, the session's last step, the catch-all probe.
///
/// Facts only, built by the runner from DNS answers and replies; `VerifyJudgement` decides.
public struct VerifyFacts: Hashable, Sendable {
  /// How the domain's mail route came out (RFC 5321 5.1, RFC 7505).
  public enum Route: Hashable, Sendable {
    /// MX hosts (or the implicit MX of an address record), in the order tried.
    case hosts([String])
    /// The domain is an address literal: its host is the route.
    case addressLiteral
    /// A null MX (`MX 0 .`, RFC 7505 3).
    case nullMX
    /// The name exists but has no MX and no A/AAAA record (RFC 5321 5.1).
    case noMailHost
    /// NXDOMAIN (RFC 1035 4.1.1 RCODE 3).
    case domainUnknown
    /// DNS did not answer usefully (SERVFAIL, no server reached); `timedOut` when it was a
    /// timeout.
    case dnsFailure(timedOut: Bool)
  }

  /// How far the session got, and what stopped it.
  public enum Session: Hashable, Sendable {
    /// No session was needed (the route decided) or none was made.
    case notRun
    /// No TCP connection to any MX host.
    case connectFailed(ConnectProblem)
    /// The greeting, EHLO/HELO, STARTTLS, AUTH or MAIL was answered with a non-2xx/3xx reply.
    case refused(CommandKind, Reply)
    /// The connection closed or timed out before the reply to that step.
    case dropped(before: CommandKind, timedOut: Bool)
    /// The RCPT of the address was answered.
    case recipient(Reply)
    /// The address has a UTF-8 local part and the MX did not offer SMTPUTF8, so its RCPT was
    /// not sent (RFC 6531 3.2: a client must not send such a mailbox to that server).
    case smtpUTF8NotOffered
  }

  /// Why no connection could be made.
  public enum ConnectProblem: Hashable, Sendable {
    case timeout
    case refused
    /// Connections to two or more MX hosts timed out while DNS worked: outbound port 25 is
    /// blocked where the prober runs.
    case port25Blocked
    /// The SOCKS5 proxy (`--proxy`) failed at one of its hops: it says nothing about the
    /// address.
    case proxy(ProxyFailure)
  }

  /// What the RCPT of a random local part at the same domain got.
  public enum CatchAllProbe: Hashable, Sendable {
    case notRun
    case reply(Reply)
    /// The session dropped or timed out before the probe's reply.
    case dropped
  }

  public var address: VerifyAddress
  public var route: Route
  public var session: Session
  public var catchAll: CatchAllProbe
  /// The MX host the deciding session talked to.
  public var mxHost: String?
  /// Whether that session ran under TLS.
  public var tls: Bool
  /// Sessions (connections) spent on this address, greylisting retries included.
  public var attempts: Int
  /// When greylisting was given up on, the time after which a retry may succeed.
  public var retryAfter: UnixTime?
  public var elapsedMilliseconds: Int

  public init(
    address: VerifyAddress, route: Route, session: Session, catchAll: CatchAllProbe = .notRun,
    mxHost: String? = nil, tls: Bool = false, attempts: Int = 1, retryAfter: UnixTime? = nil,
    elapsedMilliseconds: Int = 0
  ) {
    self.address = address
    self.route = route
    self.session = session
    self.catchAll = catchAll
    self.mxHost = mxHost
    self.tls = tls
    self.attempts = attempts
    self.retryAfter = retryAfter
    self.elapsedMilliseconds = elapsedMilliseconds
  }
}
