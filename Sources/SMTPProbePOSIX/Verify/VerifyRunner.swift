import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Verifies a list of addresses with as few sessions as honesty allows: grouped by domain,
/// one session per chunk of `recipientsPerSession` addresses, the catch-all probe RCPT after
/// the real ones, greylisted addresses retried on a schedule after the others.
///
/// Each session is the one-way engine's (`ProbeRunner.collect`): the domain's MX route as
/// `probe DOMAIN` finds it (RFC 5321 5.1, RFC 7505), the next MX only when a host cannot be
/// reached, STARTTLS when offered, MAIL, every RCPT pipelined when PIPELINING is offered
/// (RFC 2920), then RSET and QUIT; never DATA. Domains are verified one after the other.
public struct VerifyRunner {
  /// Where each session goes and how it talks: the runner sets the target and recipients.
  public var template: ProbeRequest
  /// `--server HOST[:PORT]`: every session goes to this host, routing skipped.
  public var server: ProbeRequest.Target?
  /// `--catch-all probe` (true) or `skip`.
  public var catchAllProbe: Bool
  /// `--rcpt-per-session N`: real addresses per session (the catch-all probe comes on top).
  public var recipientsPerSession: Int
  public var greylistWaitMilliseconds: Int64
  public var greylistLimitMilliseconds: Int64
  public var disposable: DisposableDomains
  public var runner: ProbeRunner
  /// 64 random bits for each catch-all probe's local part.
  public var randomBits: () -> UInt64
  /// Called after each session with the addresses checked so far and their total.
  public var progress: ((_ done: Int, _ total: Int) -> Void)?

  public init(
    template: ProbeRequest, server: ProbeRequest.Target?, catchAllProbe: Bool,
    recipientsPerSession: Int, greylistWaitMilliseconds: Int64,
    greylistLimitMilliseconds: Int64, disposable: DisposableDomains, runner: ProbeRunner,
    randomBits: @escaping () -> UInt64 = {
      var generator = SystemRandomNumberGenerator()
      return generator.next()
    }
  ) {
    self.template = template
    self.server = server
    self.catchAllProbe = catchAllProbe
    self.recipientsPerSession = max(1, recipientsPerSession)
    self.greylistWaitMilliseconds = greylistWaitMilliseconds
    self.greylistLimitMilliseconds = greylistLimitMilliseconds
    self.disposable = disposable
    self.runner = runner
    self.randomBits = randomBits
  }

  /// What a run produced: a result per entry, in input order, and every session's record.
  public struct Run {
    public var results: [VerifyResult]
    public var records: [ProbeRecord]
  }

  /// Verifies `entries`; invalid lines are judged without network, duplicates reuse the
  /// result of their first line.
  public func run(_ entries: [AddressList.Entry]) -> Run {
    var state = RunState(
      schedule: GreylistSchedule(
        waitMilliseconds: greylistWaitMilliseconds, limitMilliseconds: greylistLimitMilliseconds))
    var addresses: [VerifyAddress] = []
    for entry in entries {
      if case .address(let address) = entry.outcome { addresses.append(address) }
    }
    for group in groups(addresses.indices.map { $0 }, addresses) {
      verify(group, addresses, &state)
    }
    // Greylisted addresses: wait for the earliest retry, then retry every due one, grouped.
    while let next = state.schedule.nextRetryMilliseconds {
      sleep(untilMilliseconds: next)
      let due = state.schedule.due(now: nowMilliseconds())
      for group in groups(due, addresses) { verify(group, addresses, &state) }
    }
    var byLine: [Int: VerifyResult] = [:]
    var results: [VerifyResult] = []
    var index = 0
    for entry in entries {
      var result: VerifyResult
      switch entry.outcome {
      case .address:
        result = state.results[index] ?? Self.notVerified(entry.text)
        index += 1
      case .invalid(let error):
        result = VerifyJudgement.syntaxResult(entry.text, error)
      case .duplicate(let firstLine):
        result = byLine[firstLine] ?? Self.notVerified(entry.text)
      }
      result.address = entry.text
      byLine[entry.line] = result
      results.append(result)
    }
    return Run(results: results, records: state.records)
  }

  /// An address no session answered for (cannot happen: every address is in some chunk).
  private static func notVerified(_ text: String) -> VerifyResult {
    VerifyResult(address: text, verdict: .unknown, reason: .category(.other))
  }

  private struct RunState {
    var schedule: GreylistSchedule<Int>
    var results: [Int: VerifyResult] = [:]
    var attempts: [Int: Int] = [:]
    var records: [ProbeRecord] = []
    /// MX hosts, across the run, whose every address timed out.
    var silentHosts: Set<String> = []
  }

  /// `indices` grouped by domain (A-labels, or the literal), in order of first appearance.
  private func groups(_ indices: [Int], _ addresses: [VerifyAddress]) -> [[Int]] {
    var order: [String] = []
    var members: [String: [Int]] = [:]
    for index in indices {
      let key = addresses[index].wireDomain.lowercased()
      if members[key] == nil { order.append(key) }
      members[key, default: []].append(index)
    }
    return order.map { members[$0] ?? [] }
  }

  /// One session per chunk of the group (all at one domain).
  private func verify(_ group: [Int], _ addresses: [VerifyAddress], _ state: inout RunState) {
    var start = 0
    while start < group.count {
      let chunk = Array(group[start..<min(group.count, start + recipientsPerSession)])
      start += chunk.count
      session(chunk, addresses, &state)
    }
  }

  private func session(_ chunk: [Int], _ addresses: [VerifyAddress], _ state: inout RunState) {
    let first = addresses[chunk[0]]
    let probe =
      catchAllProbe ? CatchAllLocalPart.address(for: first, randomBits: randomBits()) : nil
    var request = template
    request.target = server ?? Self.target(for: first)
    var recipients: [Address] = []
    for address in chunk.map({ addresses[$0] }) + (probe.map { [$0] } ?? []) {
      if let wire = try? address.address() { recipients.append(wire) }
    }
    request.plan.recipients = recipients
    request.plan.quitAfter = .rcpt
    let record = collect(request, &state)
    state.records.append(record)
    let serverHost: String? = if case .server(let host, _)? = server { host } else { nil }
    for index in chunk {
      state.attempts[index, default: 0] += record.sessions.count
      var facts = VerifyFactsReader.facts(
        for: addresses[index], probe: probe, record: record, server: serverHost)
      facts.attempts = state.attempts[index] ?? 0
      var result = VerifyJudgement.judge(facts, disposable: disposable)
      if result.reason == .category(.greylisted) {
        switch state.schedule.greylisted(index, now: nowMilliseconds(), wallClock: WallClock.now())
        {
        case .retry:
          break
        case .giveUp(let retryAfter):
          facts.retryAfter = retryAfter
          result = VerifyJudgement.judge(facts, disposable: disposable)
        }
      } else {
        state.schedule.finished(index)
      }
      state.results[index] = result
    }
    progress?(state.results.count, addresses.count)
  }

  /// Runs one session, unless MX hosts of earlier domains have shown that this network cannot
  /// reach port 25: then only the route is resolved (a null MX or NXDOMAIN still decides) and
  /// the record says the runner stopped after silent hosts.
  private func collect(_ request: ProbeRequest, _ state: inout RunState) -> ProbeRecord {
    let silent = state.silentHosts.count
    if silent >= ProbeRunner.silentHostsBeforeStopping, server == nil,
      case .domain(let domain) = request.target, let resolver = runner.resolver
    {
      let route = MailRouteResolver(resolver: resolver, family: request.family)
        .resolve(domain: domain)
      return ProbeRecord(
        target: domain, route: route,
        notes: [
          .stoppedAfterSilentHosts(
            count: silent, port: request.effectivePort, remaining: route.usableHosts.count)
        ], port: request.effectivePort)
    }
    let record = runner.collect(request)
    // Hosts whose every address timed out (none refused, none answered) while DNS answered.
    for attempt in record.attempts where attempt.session == nil {
      let outcomes = attempt.connectOutcomes
      if outcomes.contains(.timedOut), outcomes.allSatisfy(\.isSilent) {
        state.silentHosts.insert(attempt.host)
      }
    }
    return record
  }

  /// The domain's MX route, or the host of an address literal (RFC 5321 4.1.3).
  static func target(for address: VerifyAddress) -> ProbeRequest.Target {
    if let name = address.domainName { return .domain(name) }
    var literal = address.wireDomain.dropFirst().dropLast()
    if literal.hasPrefix("IPv6:") { literal = literal.dropFirst(5) }
    return .server(host: String(literal), port: nil)
  }

  private func nowMilliseconds() -> Int64 {
    Int64(runner.clock.nowNanoseconds() / 1_000_000)
  }

  /// Sleeps until the monotonic time `milliseconds` (`poll` with no descriptors).
  private func sleep(untilMilliseconds milliseconds: Int64) {
    while true {
      let left = milliseconds - nowMilliseconds()
      if left <= 0 { return }
      _ = poll(nil, 0, Int32(min(left, 60_000)))
    }
  }
}
