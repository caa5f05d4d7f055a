import SMTPProbeCore

/// Runs a probe end to end: routing (for a domain), connecting, TLS on connect, the dialogue,
/// identity checks, and one verdict over every host tried.
///
/// Sockets, DNS and TLS come in as values (`Connector`, `Resolver`, `TLSUpgrading`), so every
/// decision here is tested with fakes. A domain probe follows RFC 5321 5.1: MX hosts in
/// preference order, each address of a host in turn, until one answers with a greeting
/// (`allMX` tries them all). Routing alone ends the probe for a null MX (RFC 7505: exit 1)
/// and for every DNS failure (exit 3, never "no MX").
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

  public init(
    connector: any Connector, resolver: (any Resolver)?,
    identityResolver: (any Resolver)? = nil, tls: (any TLSUpgrading & Sendable)?,
    clock: any MonotonicClock = SystemClock(),
    now: @escaping @Sendable () -> UnixTime = { WallClock.now() }
  ) {
    self.connector = connector
    self.resolver = resolver
    self.identityResolver = identityResolver ?? resolver
    self.tls = tls
    self.clock = clock
    self.now = now
  }

  /// Runs `request`; the plan must have passed `validate()`.
  public func run(_ request: ProbeRequest) -> ProbeOutcome {
    switch request.target {
    case .domain(let domain):
      return probeDomain(domain, request)
    case .server(let host, _):
      return probeServer(host, request)
    }
  }

  // MARK: Server

  private func probeServer(_ host: String, _ request: ProbeRequest) -> ProbeOutcome {
    var addresses: [String]?
    // With --dns-server, a host name is resolved there too (split-horizon debugging); else
    // the system's getaddrinfo does it (and honours /etc/hosts).
    if request.dnsServer != nil, IPAddressBytes.parse(host) == nil, let resolver {
      do {
        addresses = try resolver.addresses(host, family: request.family)
      } catch {
        let summary = "cannot resolve \(host): \(error)"
        return ProbeOutcome(
          target: request.target.description,
          verdict: Verdict(status: .incomplete, summary: summary), notes: request.notes)
      }
    }
    let attempt = attempt(host: host, preference: nil, addresses: addresses, request)
    var outcome = ProbeOutcome(
      target: request.target.description, attempts: [attempt], verdict: attempt.verdict,
      notes: request.notes)
    finish(&outcome, request)
    return outcome
  }

  // MARK: Domain

  private func probeDomain(_ domain: String, _ request: ProbeRequest) -> ProbeOutcome {
    guard let resolver else {
      return ProbeOutcome(
        target: domain,
        verdict: Verdict(status: .incomplete, summary: "no DNS resolver to find the MX hosts"))
    }
    let route = MailRouteResolver(resolver: resolver, family: request.family)
      .resolve(domain: domain)
    var notes = request.notes + route.notes
    if let routeVerdict = route.verdict {
      let status: Verdict.Status = routeVerdict.exitCode == 1 ? .permanentFailure : .incomplete
      return ProbeOutcome(
        target: domain, route: route,
        verdict: Verdict(status: status, summary: routeVerdict.summary),
        exitCode: routeVerdict.exitCode, warnings: route.warnings, notes: notes)
    }
    var attempts: [HostAttempt] = []
    let hosts = route.usableHosts
    var silentHosts = 0
    for (index, host) in hosts.enumerated() {
      let attempt = attempt(
        host: host.host, preference: host.preference, addresses: host.addresses, request)
      attempts.append(attempt)
      if attempt.answered, !request.allMX { break }
      let outcomes = attempt.connectOutcomes
      if outcomes.contains(.timedOut), outcomes.allSatisfy(\.isSilent) { silentHosts += 1 }
      guard !attempt.answered, !request.allMX, index + 1 < hosts.count else { continue }
      // Two MX hosts whose every address timed out point at this network, not at the domain
      // (RFC 5321 5.1 lets a client limit the hosts it tries): say so instead of waiting on
      // each remaining host in turn.
      if silentHosts >= Self.silentHostsBeforeStopping {
        notes.append(
          "stopped after \(silentHosts) MX hosts timed out on port \(request.effectivePort);"
            + " the other \(hosts.count - index - 1) would very likely time out too"
            + " (--all-mx tries every MX)")
        break
      }
      notes.append(
        "MX \(host.preference) \(host.host) did not answer (\(attempt.verdict.summary));"
          + " trying the next MX, as RFC 5321 5.1 says")
    }
    var outcome = ProbeOutcome(
      target: domain, route: route, attempts: attempts,
      verdict: domainVerdict(domain, attempts, allMX: request.allMX),
      warnings: route.warnings, notes: notes)
    finish(&outcome, request)
    return outcome
  }

  /// The answering host's verdict; with `allMX` the worst; when none answered, why not.
  private func domainVerdict(_ domain: String, _ attempts: [HostAttempt], allMX: Bool)
    -> Verdict
  {
    if allMX, attempts.count > 1 {
      let worst = attempts.max {
        Self.severity($0.verdict.status) < Self.severity($1.verdict.status)
      }
      guard let worst else { return Verdict(status: .incomplete, summary: "no MX host tried") }
      let answered = attempts.filter(\.answered).count
      var verdict = worst.verdict
      verdict.summary =
        "\(answered) of \(attempts.count) MX hosts answered; worst: \(worst.host): "
        + worst.verdict.summary
      return verdict
    }
    if let answering = attempts.last(where: \.answered) { return answering.verdict }
    if attempts.count == 1 { return attempts[0].verdict }
    let reasons = attempts.map { "\($0.host): \($0.verdict.summary)" }
    return Verdict(
      status: .incomplete,
      summary: "no MX host of \(domain) answered: " + reasons.joined(separator: "; "))
  }

  /// Failure ranks for `--all-mx`: could not complete, then permanent, then transient.
  private static func severity(_ status: Verdict.Status) -> Int {
    switch status {
    case .ok: 0
    case .transientFailure: 1
    case .permanentFailure: 2
    case .incomplete: 3
    }
  }

  // MARK: One host

  /// Connects to `host`, brings up TLS on connect if asked, runs the dialogue, checks identity.
  private func attempt(
    host: String, preference: UInt16?, addresses: [String]?, _ request: ProbeRequest
  ) -> HostAttempt {
    let port = request.effectivePort
    var transport: any Transport
    let report: ConnectReport
    do {
      (transport, report) = try connector.connect(
        host: host, port: port, addresses: addresses, family: request.family,
        timeout: request.connectTimeout)
    } catch {
      return HostAttempt(
        host: host, preference: preference, port: port, failedConnects: error.attempts,
        connectFailure: error,
        verdict: Verdict(status: .incomplete, summary: error.description))
    }
    var plan = request.plan
    plan.tlsServerName = host
    var implicitTLS: TLSReport?
    if request.tls.onConnect {
      do {
        guard let tls else { throw TLSError.transportNotUpgradable }
        let deadline = Deadline(
          nanoseconds: clock.nowNanoseconds() &+ UInt64(max(0, request.connectTimeout) * 1e9))
        (transport, implicitTLS) = try tls.upgrade(transport, serverName: host, deadline: deadline)
      } catch {
        transport.close()
        var problem = SessionProblem.tlsFailed("\(error)")
        var untrusted: TLSReport?
        if case TLSError.untrusted(let tlsReport) = error {
          untrusted = tlsReport
          problem = .tlsUntrusted(
            name: tlsReport.verification.expectedName,
            faults: tlsReport.verification.faults.map(\.name))
        }
        let verdict = Verdict(
          status: .incomplete, summary: "implicit TLS (--tls-on-connect): \(problem)",
          problem: problem)
        // --tls-verify refused the certificate: keep the report, so the chain and each fault
        // with its fix are shown.
        let session = untrusted.map { tlsReport in
          SessionResult(
            host: host, address: report.address.host, port: report.address.port,
            connectMilliseconds: Int(report.connectMilliseconds.rounded()), totalMilliseconds: 0,
            tls: tlsReport, verdict: verdict)
        }
        return HostAttempt(
          host: host, preference: preference, port: port,
          failedConnects: report.failedAttempts, tlsFailure: "\(error)", session: session,
          verdict: verdict)
      }
      // TLS is already in force: no STARTTLS inside it (RFC 8314 3.3); the dialogue counts the
      // session as encrypted for AUTH, and its certificate decides like after STARTTLS.
      plan.tls = .off
    }
    var session = SessionDriver(plan: plan, clock: clock, tls: tls)
      .run(over: transport, implicitTLS: implicitTLS)
    session.host = host
    session.address = report.address.host
    session.port = report.address.port
    session.connectMilliseconds = Int(report.connectMilliseconds.rounded())
    return HostAttempt(
      host: host, preference: preference, port: port, failedConnects: report.failedAttempts,
      session: session,
      identity: identity(of: session, host: host, request), verdict: session.verdict)
  }

  /// PTR, FCrDNS and greeting name for the address connected to.
  ///
  /// Skipped for a loopback address unless `--dns-server` was given: the public DNS knows
  /// nothing useful about 127.0.0.1 or ::1, and asking it would only slow a local probe.
  private func identity(of session: SessionResult, host: String, _ request: ProbeRequest)
    -> IdentityReport?
  {
    guard let identityResolver, let address = session.address, session.steps.first != nil
    else { return nil }
    if request.dnsServer == nil, Self.isLoopback(address) { return nil }
    let greeting = session.steps.first { $0.command == .greeting }?.reply
    let greetingName = greeting.flatMap { reply in
      reply.isPositive ? IdentityCheck.greetingName(of: reply) : nil
    }
    let mxHost = IPAddressBytes.parse(host) == nil ? host : nil
    return IdentityCheck.run(
      address: address, mxHost: mxHost, greetingName: greetingName, resolver: identityResolver)
  }

  static func isLoopback(_ address: String) -> Bool {
    guard let bytes = IPAddressBytes.parse(address) else { return false }
    if bytes.count == 4 { return bytes[0] == 127 }
    return bytes == [UInt8](repeating: 0, count: 15) + [1]
  }

  /// Adds identity and TLS warnings and the port-blocked advice.
  private func finish(_ outcome: inout ProbeOutcome, _ request: ProbeRequest) {
    let many = outcome.attempts.count > 1
    for attempt in outcome.attempts {
      let prefix = many ? "\(attempt.host): " : ""
      outcome.warnings += (attempt.identity?.warnings ?? []).map { prefix + $0 }
      if let tls = attempt.session?.tls {
        outcome.warnings += tls.warnings(now: now()).map { prefix + "TLS: " + $0 }
      }
      outcome.advice += ProbeHint.advice(for: attempt, tlsOnConnect: request.tls.onConnect)
        .map { prefix + $0 }
    }
    let outcomes = outcome.attempts.flatMap(\.connectOutcomes)
    if !outcome.attempts.contains(where: \.answered),
      let advice = MailRoute.portBlockedAdvice(attempts: outcomes, port: request.effectivePort)
    {
      outcome.advice.append(advice)
    }
  }
}
