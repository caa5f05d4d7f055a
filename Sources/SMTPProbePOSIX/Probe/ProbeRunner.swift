import SMTPProbeCore

/// Runs a probe end to end: routing (for a domain), connecting, TLS on connect, the dialogue
/// and identity checks; `collect` returns the facts, `run` also judges them (`ProbeJudgement`).
///
/// Sockets, DNS and TLS come in as values (`Connector`, `Resolver`, `TLSUpgrading`), so every
/// decision here is tested with fakes. A domain probe follows RFC 5321 5.1: MX hosts in
/// preference order, each address of a host in turn, until one answers with a greeting
/// (`allMX` tries them all). Routing alone ends the probe for a null MX (RFC 7505) and for
/// every DNS failure.
///
/// `--max-time` (`ProbeRequest.maxTime`) is one deadline for the whole run: each connect,
/// handshake and dialogue wait is bounded by it too, and the run is checked against it, and
/// against the user's `cancellation`, after routing and before each host. A run cut either way
/// keeps what it saw and says where it stopped (`ProbeRecord.stop`).
public struct ProbeRunner: Sendable {
  /// How many MX hosts may time out completely before a domain probe stops trying
  /// the rest and says the network is the likely cause.
  public static let silentHostsBeforeStopping = 2

  public var connector: any Connector
  /// Answers MX and address queries; nil when no resolver is available.
  public var resolver: (any Resolver)?
  /// Answers the identity checks (PTR, FCrDNS); nil skips them.
  ///
  /// Give it short timeouts so a slow DNS cannot hold the probe up.
  public var identityResolver: (any Resolver)?
  /// Runs STARTTLS and implicit TLS handshakes; nil when this build has no TLS.
  public var tls: (any TLSUpgrading & Sendable)?
  public var clock: any MonotonicClock
  /// The wall clock, for certificate expiry warnings.
  public var now: @Sendable () -> UnixTime
  /// The user's request to stop (a signal); `.never` for a run nobody interrupts.
  public var cancellation: Cancellation
  /// Told of the route, each host tried and each session's lines as they happen (a streaming
  /// renderer), if anyone listens.
  public var observer: SessionObserver?
  /// Opens a `--data` file when its content is due (`FileMessageSource.Opener`).
  public var messageFiles: (any MessageSourceOpening)?

  public init(
    connector: any Connector, resolver: (any Resolver)?,
    identityResolver: (any Resolver)? = nil, tls: (any TLSUpgrading & Sendable)?,
    clock: any MonotonicClock = SystemClock(),
    now: @escaping @Sendable () -> UnixTime = { WallClock.now() },
    cancellation: Cancellation = .never, observer: SessionObserver? = nil,
    messageFiles: (any MessageSourceOpening)? = FileMessageSource.Opener()
  ) {
    self.observer = observer
    self.messageFiles = messageFiles
    self.cancellation = cancellation
    self.connector = connector
    self.resolver = resolver
    self.identityResolver = identityResolver ?? resolver
    self.tls = tls
    self.clock = clock
    self.now = now
  }

  /// Runs `request` and judges it; the plan must have passed `validate()`.
  public func run(_ request: ProbeRequest) -> ProbeOutcome {
    ProbeJudgement.judge(collect(request), now: now())
  }

  /// Runs `request` and returns the facts, for any judgement to read.
  ///
  /// `route`, when given, is the target domain's route already resolved by the caller (as
  /// `MailRouteResolver` resolves it), so the domain is not looked up again.
  public func collect(_ request: ProbeRequest, route: MailRoute? = nil) -> ProbeRecord {
    let limit = request.maxTime.map { RunLimit.starting(seconds: $0, on: clock) }
    switch request.target {
    case .domain(let domain):
      return probeDomain(domain, request, limit, resolved: route)
    case .server(let host, _):
      return probeServer(host, request, limit)
    }
  }

  /// Why the run must stop now, while it was `step`: the user's signal or the run's limit.
  private func stop(_ step: String, _ limit: RunLimit?) -> RunStop? {
    if cancellation.isRequested() { return .interrupted(step: step) }
    if let limit, limit.isReached(on: clock) {
      return .timeLimit(seconds: limit.seconds, step: step)
    }
    return nil
  }

  /// Where a dialogue was stopped, read from its problem.
  private static func stop(of session: SessionRecord) -> RunStop? {
    switch session.problem {
    case .transport(.runTimeLimit(let phase, let seconds)):
      return .timeLimit(seconds: seconds, step: waiting(phase))
    case .transport(.interrupted(let phase)):
      return .interrupted(step: waiting(phase))
    default:
      return nil
    }
  }

  /// "waiting for the reply to RCPT TO", "waiting to send MAIL FROM".
  private static func waiting(_ phase: String) -> String {
    phase.hasPrefix("to ") ? "waiting \(phase)" : "waiting for \(phase)"
  }

  // MARK: Server

  private func probeServer(_ host: String, _ request: ProbeRequest, _ limit: RunLimit?)
    -> ProbeRecord
  {
    var addresses: [String]?
    // With --dns-server, a host name is resolved there too (split-horizon debugging); else
    // the system's getaddrinfo does it (and honours /etc/hosts).
    if request.dnsServer != nil, IPAddress(host) == nil, let resolver {
      do throws(DNSError) {
        addresses = try resolver.addresses(host, family: request.family)
      } catch {
        return record(
          request, notes: [], failure: .cannotResolve(host: host, error: error),
          stop: stop("resolving \(host)", limit))
      }
    }
    if let stop = stop("resolving \(host)", limit) {
      return record(request, notes: [], stop: stop)
    }
    let (attempt, stop) = attempt(
      host: host, preference: nil, addresses: addresses, request, limit)
    observer?.event(.attempt(attempt))
    return record(request, attempts: [attempt], notes: [], stop: stop)
  }

  // MARK: Domain

  private func probeDomain(
    _ domain: String, _ request: ProbeRequest, _ limit: RunLimit?, resolved: MailRoute?
  ) -> ProbeRecord {
    guard let resolver else { return record(request, notes: [], failure: .noResolver) }
    let route =
      resolved
      ?? MailRouteResolver(
        resolver: resolver, family: request.family,
        addressLimit: MXAddressLimit(request.mxAddressLimit)
      ).resolve(domain: domain)
    observer?.event(.route(route))
    var notes = route.notes.map(ProbeNote.text)
    if let stop = stop("looking up the mail hosts of \(domain)", limit) {
      return record(request, route: route, notes: notes, stop: stop)
    }
    if route.kind == .nullMX || route.failure != nil || route.usableHosts.isEmpty {
      return record(request, route: route, notes: notes)
    }
    var attempts: [HostAttempt] = []
    let hosts = route.usableHosts
    var silentHosts = 0
    for (index, host) in hosts.enumerated() {
      if let stop = stop("about to connect to \(host.host)", limit) {
        return record(request, route: route, attempts: attempts, notes: notes, stop: stop)
      }
      let (attempt, stop) = attempt(
        host: host.host, preference: host.preference, addresses: host.addresses, request, limit)
      attempts.append(attempt)
      observer?.event(.attempt(attempt))
      if let stop {
        return record(request, route: route, attempts: attempts, notes: notes, stop: stop)
      }
      if attempt.answered, !request.allMX,
        !(request.nextMXOnTransient && Self.endedTransiently(attempt))
      {
        break
      }
      // A proxy that is unreachable or refuses us would fail every other host the same way.
      if attempt.connectFailure?.proxyFailure?.precedesConnect == true { break }
      let outcomes = attempt.connectOutcomes
      if outcomes.contains(.timedOut), outcomes.allSatisfy(\.isSilent) { silentHosts += 1 }
      guard !attempt.answered || request.nextMXOnTransient, !request.allMX,
        index + 1 < hosts.count
      else { continue }
      // Two MX hosts whose every address timed out point at this network, not at the domain
      // (RFC 5321 5.1 lets a client limit the hosts it tries): say so instead of waiting on
      // each remaining host in turn.
      if silentHosts >= Self.silentHostsBeforeStopping {
        notes.append(
          .stoppedAfterSilentHosts(
            count: silentHosts, port: request.effectivePort, remaining: hosts.count - index - 1))
        break
      }
      notes.append(
        .nextMX(
          preference: host.preference, host: host.host,
          verdict: ProbeJudgement.verdict(attempt)))
    }
    return record(request, route: route, attempts: attempts, notes: notes)
  }

  /// The record of `request`, its own notes first.
  private func record(
    _ request: ProbeRequest, route: MailRoute? = nil, attempts: [HostAttempt] = [],
    notes: [ProbeNote], failure: VerdictFinding? = nil, stop: RunStop? = nil
  ) -> ProbeRecord {
    ProbeRecord(
      target: request.target.description, route: route, attempts: attempts,
      notes: request.notes.map(ProbeNote.text) + notes, port: request.effectivePort,
      tlsOnConnect: request.tls.onConnect, allMX: request.allMX, failure: failure, stop: stop)
  }

  // MARK: One host

  /// Connects to `host`, brings up TLS on connect if asked, runs the dialogue, checks identity;
  /// returns the attempt and, when the run was cut during it, where.
  private func attempt(
    host: String, preference: UInt16?, addresses: [String]?, _ request: ProbeRequest,
    _ limit: RunLimit?
  ) -> (HostAttempt, RunStop?) {
    let port = request.effectivePort
    var transport: any Transport
    let report: ConnectReport
    var connectTimeout = request.connectTimeout
    if let limit {
      connectTimeout = min(connectTimeout, limit.deadline.remainingSeconds(on: clock))
    }
    do {
      (transport, report) = try connector.connect(
        host: host, port: port, addresses: addresses, family: request.family,
        timeout: connectTimeout)
    } catch {
      let attempt = HostAttempt(
        host: host, preference: preference, port: port, failedConnects: error.attempts,
        connectFailure: error)
      return (attempt, stop("connecting to \(host)", limit))
    }
    let connection = SessionConnection(
      host: host, address: report.address.host, port: report.address.port,
      connectMilliseconds: Int(report.connectMilliseconds.rounded()))
    var plan = request.plan
    plan.tlsServerName = host
    var implicitTLS: TLSReport?
    if request.tls.onConnect {
      do {
        guard let tls else { throw TLSError.transportNotUpgradable }
        // Bounded by --timeout, like the handshake after STARTTLS.
        let own = Deadline.after(seconds: request.plan.timeout, on: clock)
        let deadline = limit?.bound(own) ?? own
        (transport, implicitTLS) = try tls.upgrade(transport, serverName: host, deadline: deadline)
      } catch {
        transport.close()
        var problem = SessionProblem.tlsFailed(.handshake("\(error)"))
        var session: SessionRecord?
        if case TLSError.untrusted(let tlsReport) = error {
          problem = .tlsUntrusted(
            name: tlsReport.verification.expectedName, faults: tlsReport.verification.faults)
          // --tls-verify refused the certificate: keep the report, so the chain and each fault
          // with its fix are shown.
          var facts = DialogueFacts()
          facts.tls = tlsReport
          session = SessionRecord(plan: plan, connection: connection, facts: facts)
        }
        let attempt = HostAttempt(
          host: host, preference: preference, port: port,
          failedConnects: report.failedAttempts, implicitTLSProblem: problem, session: session)
        return (attempt, stop("in the TLS handshake with \(host)", limit))
      }
      // TLS is already in force: no STARTTLS inside it (RFC 8314 3.3); the dialogue counts the
      // session as encrypted for AUTH, and its certificate decides like after STARTTLS.
      plan.tls = .off
    }
    let session = SessionDriver(
      plan: plan, clock: clock, tls: tls, runLimit: limit, cancellation: cancellation,
      observer: observer, messageFiles: messageFiles
    ).run(over: transport, connection: connection, implicitTLS: implicitTLS)
    let stop = Self.stop(of: session)
    // A cut run skips the identity checks: they would only add DNS waits.
    let attempt = HostAttempt(
      host: host, preference: preference, port: port, failedConnects: report.failedAttempts,
      session: session, identity: stop == nil ? identity(of: session, host: host, request) : nil)
    return (attempt, stop)
  }

  /// PTR, FCrDNS and greeting name for the address connected to.
  ///
  /// Skipped for a loopback address unless `--dns-server` was given: the public DNS knows
  /// nothing useful about 127.0.0.1 or ::1, and asking it would only slow a local probe.
  private func identity(of session: SessionRecord, host: String, _ request: ProbeRequest)
    -> IdentityReport?
  {
    guard let identityResolver, let address = session.address, session.steps.first != nil
    else { return nil }
    if request.dnsServer == nil, Self.isLoopback(address) { return nil }
    let greeting = session.steps.first { $0.command == .greeting }?.reply
    let greetingName = greeting.flatMap { reply in
      reply.isPositive ? IdentityCheck.greetingName(of: reply) : nil
    }
    let mxHost = IPAddress(host) == nil ? host : nil
    return IdentityCheck.run(
      address: address, mxHost: mxHost, greetingName: greetingName, resolver: identityResolver)
  }

  /// Whether the host answered only to put us off: a 4xx greeting, or a 421 closing the
  /// session (RFC 5321 3.8) before any RCPT was refused for good.
  static func endedTransiently(_ attempt: HostAttempt) -> Bool {
    guard let session = attempt.session else { return false }
    // A 5xx to RCPT is the domain's answer: never asked again elsewhere.
    if session.recipients.contains(where: { $0.reply.replyClass == .permanentNegative }) {
      return false
    }
    if session.facts.serverShutdown { return true }
    guard let greeting = session.steps.first, greeting.command == .greeting else { return false }
    return greeting.reply.replyClass == .transientNegative
  }

  static func isLoopback(_ address: String) -> Bool {
    guard let bytes = IPAddress(address)?.bytes else { return false }
    if bytes.count == 4 { return bytes[0] == 127 }
    return bytes == [UInt8](repeating: 0, count: 15) + [1]
  }
}
