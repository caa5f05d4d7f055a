/// The probe's judgement: a pure function from a `ProbeRecord` to a verdict, each host's
/// verdict, warnings and advice.
///
/// A domain probe's verdict is the answering host's; with `--all-mx` the worst host's; when no
/// host answered, why not. Routing alone decides a null MX (RFC 7505: the domain permanently
/// accepts no mail) and every DNS failure (could not complete, never "no MX").
public enum ProbeJudgement {
  /// Judges `record`; `now` dates the certificate warnings.
  public static func judge(_ record: ProbeRecord, now: UnixTime) -> ProbeOutcome {
    let hostVerdicts = record.attempts.map(verdict)
    return ProbeOutcome(
      record: record, verdict: verdict(record, hostVerdicts), hostVerdicts: hostVerdicts,
      warnings: warnings(record, now: now), advice: advice(record))
  }

  /// One host's verdict: its session's, or why there was none.
  public static func verdict(_ attempt: HostAttempt) -> Verdict {
    if let failure = attempt.connectFailure {
      return Verdict(status: .incomplete, finding: .connectFailed(failure))
    }
    if let problem = attempt.implicitTLSProblem {
      return Verdict(status: .incomplete, finding: .implicitTLSFailed(problem))
    }
    guard let session = attempt.session else {
      return Verdict(status: .incomplete, finding: .noHostTried)
    }
    return SessionJudgement.verdict(session)
  }

  private static func verdict(_ record: ProbeRecord, _ hosts: [Verdict]) -> Verdict {
    if let stop = record.stop { return Verdict(status: .incomplete, finding: .stopped(stop)) }
    if let failure = record.failure { return Verdict(status: .incomplete, finding: failure) }
    if let route = record.route, let verdict = routeVerdict(route) { return verdict }
    let attempts = record.attempts
    guard record.route != nil else {
      return hosts.first ?? Verdict(status: .incomplete, finding: .noHostTried)
    }
    if record.allMX, attempts.count > 1 {
      let named = zip(attempts, hosts).map { HostVerdict(host: $0.host, verdict: $1) }
      guard let worst = named.max(by: { $0.verdict.status.severity < $1.verdict.status.severity })
      else { return Verdict(status: .incomplete, finding: .noHostTried) }
      var verdict = worst.verdict
      verdict.finding = .worstHost(
        answered: attempts.filter(\.answered).count, total: attempts.count, worst: worst)
      return verdict
    }
    if let index = attempts.lastIndex(where: \.answered) { return hosts[index] }
    if hosts.count == 1 { return hosts[0] }
    guard !hosts.isEmpty else { return Verdict(status: .incomplete, finding: .noHostTried) }
    return Verdict(
      status: .incomplete,
      finding: .noHostAnswered(
        domain: record.target,
        hosts: zip(attempts, hosts).map { HostVerdict(host: $0.host, verdict: $1) }))
  }

  /// The verdict when routing alone ends the probe; nil when there are hosts to connect to.
  public static func routeVerdict(_ route: MailRoute) -> Verdict? {
    if route.kind == .nullMX {
      return Verdict(status: .permanentFailure, finding: .nullMX(domain: route.domain))
    }
    if let failure = route.failure {
      if case .invalidDomain = failure {
        return Verdict(status: .invalidInput, finding: .routeFailed(failure))
      }
      return Verdict(status: .incomplete, finding: .routeFailed(failure))
    }
    if route.usableHosts.isEmpty {
      return Verdict(status: .incomplete, finding: .noMailHosts(domain: route.domain))
    }
    return nil
  }

  /// The route's warnings, then each host's identity and TLS warnings.
  static func warnings(_ record: ProbeRecord, now: UnixTime) -> [ProbeWarning] {
    var warnings = (record.route?.warnings ?? []).map(ProbeWarning.route)
    let many = record.attempts.count > 1
    for attempt in record.attempts {
      let host = many ? attempt.host : nil
      warnings += (attempt.identity?.warnings ?? []).map { .identity(host: host, $0) }
      if let tls = attempt.session?.tls {
        warnings += TLSWarning.warnings(for: tls, now: now).map { .tls(host: host, $0) }
      }
    }
    return warnings
  }

  /// Advice for each host that did not answer like an SMTP server, and for a blocked port 25.
  static func advice(_ record: ProbeRecord) -> [ProbeAdvice] {
    let many = record.attempts.count > 1
    var advice = record.attempts.flatMap { attempt in
      hostAdvice(attempt, host: many ? attempt.host : nil, tlsOnConnect: record.tlsOnConnect)
    }
    let outcomes = record.attempts.flatMap(\.connectOutcomes)
    if !record.attempts.contains(where: \.answered),
      let blocked = MailRoute.portBlockedAdvice(attempts: outcomes, port: record.port)
    {
      advice.append(.portBlocked(blocked))
    }
    return advice
  }

  /// Advice for a host that did not answer like an SMTP server.
  ///
  /// A port that wants TLS from the first byte (SMTPS, RFC 8314 3.3, usually 465) waits
  /// silently for a ClientHello, or sends a TLS alert, when a client starts in plain text: both
  /// look like a missing greeting. A port of another service answers with its own protocol.
  private static func hostAdvice(_ attempt: HostAttempt, host: String?, tlsOnConnect: Bool)
    -> [ProbeAdvice]
  {
    guard let session = attempt.session, let problem = session.problem else { return [] }
    let greeted = session.steps.contains { $0.command == .greeting }
    switch problem {
    case .notSMTP:
      return [.otherProtocol(host: host, port: attempt.port)]
    case .transport(.timedOut), .protocolViolation:
      guard !greeted, !tlsOnConnect else { return [] }
      // What arrived before the timeout tells a slow server from a TLS port.
      if let first = session.transcript.partialLines.first?.unicodeScalars.first {
        if (0x30...0x39).contains(first.value) { return [.greetingCutOff(host: host)] }
        // A TLS record starts with its content type: 0x15 alert, 0x16 handshake (RFC 8446 5.1).
        if first.value == 0x15 || first.value == 0x16 {
          return [.maybeSMTPS(host: host, port: attempt.port)]
        }
      }
      var advice: [ProbeAdvice] = [.maybeSMTPS(host: host, port: attempt.port)]
      if case .transport(.timedOut) = problem, attempt.port != 465 {
        advice.append(.greetingMayBeLate(host: host))
      }
      return advice
    default:
      return []
    }
  }
}
