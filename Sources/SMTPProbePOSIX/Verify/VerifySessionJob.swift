import SMTPProbeCore

/// One verify session, as a worker thread runs it: the request for a chunk of addresses of
/// one domain, the one-way engine's session, and each address's facts.
///
/// Everything it needs comes in as values, so any number of jobs run at once; what it found
/// goes back to the scheduling thread as a `Done`.
struct VerifySessionJob: Sendable {
  /// What a session found, for the scheduling thread.
  struct Done: Sendable {
    var session: VerifyScheduler.Session
    var record: ProbeRecord
    /// The facts of each address of the session, by the runner's index.
    var facts: [Int: VerifyFacts]
  }

  var session: VerifyScheduler.Session
  var addresses: [VerifyAddress]
  var request: ProbeRequest
  /// The catch-all probe RCPT sent after the real ones, if any.
  var probe: VerifyAddress?
  /// `--server`'s host, when routing is skipped.
  var serverHost: String?
  /// MX hosts of the run found silent (every address timed out) when the job started.
  var silentHosts: Int
  var runner: ProbeRunner

  /// The request for `chunk` (all of one domain): its route or `server`, the recipients,
  /// MAIL and RCPTs only (`quitAfter: .rcpt`).
  static func request(
    template: ProbeRequest, server: ProbeRequest.Target?, chunk: [VerifyAddress],
    probe: VerifyAddress?
  ) -> ProbeRequest {
    var request = template
    request.target = server ?? target(for: chunk[0])
    var recipients: [Address] = []
    for address in chunk + (probe.map { [$0] } ?? []) {
      if let wire = try? address.address() { recipients.append(wire) }
    }
    request.plan.recipients = recipients
    request.plan.quitAfter = .rcpt
    return request
  }

  /// The domain's MX route, or the host of an address literal (RFC 5321 4.1.3).
  static func target(for address: VerifyAddress) -> ProbeRequest.Target {
    if let name = address.domainName { return .domain(name) }
    var literal = address.wireDomain.dropFirst().dropLast()
    if literal.hasPrefix("IPv6:") { literal = literal.dropFirst(5) }
    return .server(host: String(literal), port: nil)
  }

  /// Runs the session and reads each address's facts.
  func run() -> Done {
    let record = collect()
    var facts: [Int: VerifyFacts] = [:]
    for (index, address) in zip(session.addresses, addresses) {
      facts[index] = VerifyFactsReader.facts(
        for: address, probe: probe, record: record, server: serverHost)
    }
    return Done(session: session, record: record, facts: facts)
  }

  /// Runs one session, unless MX hosts of earlier domains have shown that this network cannot
  /// reach port 25: then only the route is resolved (a null MX or NXDOMAIN still decides) and
  /// the record says the runner stopped after silent hosts.
  private func collect() -> ProbeRecord {
    if silentHosts >= ProbeRunner.silentHostsBeforeStopping, serverHost == nil,
      case .domain(let domain) = request.target, let resolver = runner.resolver
    {
      let route = MailRouteResolver(resolver: resolver, family: request.family)
        .resolve(domain: domain)
      return ProbeRecord(
        target: domain, route: route,
        notes: [
          .stoppedAfterSilentHosts(
            count: silentHosts, port: request.effectivePort, remaining: route.usableHosts.count)
        ], port: request.effectivePort)
    }
    return runner.collect(request)
  }

  /// The MX hosts of `record` whose every address timed out (none refused, none answered).
  static func silentHosts(in record: ProbeRecord) -> [String] {
    record.attempts.compactMap { attempt in
      guard attempt.session == nil else { return nil }
      let outcomes = attempt.connectOutcomes
      return outcomes.contains(.timedOut) && outcomes.allSatisfy(\.isSilent) ? attempt.host : nil
    }
  }
}
