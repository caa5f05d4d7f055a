import SMTPProbeCore

/// One verify session, as a worker thread runs it: the request for its chunks of addresses,
/// the one-way engine's session, and each address's facts.
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
  /// The addresses of each chunk of the session, in order.
  var chunks: [[VerifyAddress]]
  var request: ProbeRequest
  /// The catch-all probe RCPT sent after each chunk's real ones, if any.
  var probes: [VerifyAddress?]
  /// `--server`'s host, when routing is skipped.
  var serverHost: String?
  /// MX hosts of the run found silent (every address timed out) when the job started.
  var silentHosts: Int
  var runner: ProbeRunner
  /// The first chunk's domain route as `VerifyHostKeys` resolved it; nil to resolve it here.
  var route: MailRoute? = nil

  /// The request for `chunks` (each of one domain, all with the first one's route) or
  /// `server`.
  ///
  /// One chunk is the plan's recipients; several are one transaction each (MAIL, its
  /// RCPTs and the chunk's probe, RSET), in one session, a chunk's UTF-8 mailboxes in a
  /// transaction after its ASCII ones. MAIL and RCPTs only, never DATA.
  static func request(
    template: ProbeRequest, server: ProbeRequest.Target?, chunks: [[VerifyAddress]],
    probes: [VerifyAddress?]
  ) -> ProbeRequest {
    var request = template
    request.target = server ?? target(for: chunks[0][0])
    func wire(_ chunk: [VerifyAddress], _ probe: VerifyAddress?) -> [Address] {
      (chunk + (probe.map { [$0] } ?? [])).compactMap { try? $0.address() }
    }
    request.plan.quitAfter = .rcpt
    // A chunk's UTF-8 mailboxes go in a transaction of their own: a server without SMTPUTF8
    // must not get them (RFC 6531 3.2), and the engine then skips that transaction alone.
    var parts: [[Address]] = []
    for (chunk, probe) in zip(chunks, probes) {
      let ascii = wire(chunk.filter { !$0.needsSMTPUTF8 }, probe)
      let utf8 = wire(chunk.filter(\.needsSMTPUTF8), nil)
      parts += [ascii, utf8].filter { !$0.isEmpty }
    }
    if parts.count == 1 {
      request.plan.recipients = parts[0]
    } else {
      request.plan.recipients = []
      request.plan.transactions = parts.map { TransactionPlan(from: template.plan.from, to: $0) }
    }
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
    for (chunk, (addresses, probe)) in zip(session.chunks, zip(chunks, probes)) {
      for (index, address) in zip(chunk.addresses, addresses) {
        facts[index] = VerifyFactsReader.facts(
          for: address, probe: probe, record: record, server: serverHost)
      }
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
      let route =
        self.route
        ?? MailRouteResolver(resolver: resolver, family: request.family)
        .resolve(domain: domain)
      return ProbeRecord(
        target: domain, route: route,
        notes: [
          .stoppedAfterSilentHosts(
            count: silentHosts, port: request.effectivePort, remaining: route.usableHosts.count)
        ], port: request.effectivePort)
    }
    return runner.collect(request, route: route)
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
