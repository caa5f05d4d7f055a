import SMTPProbeCore

/// Verifies a list of addresses with as few sessions as honesty allows, politely and at once
/// on many hosts: grouped by MX host, one session per chunk of `recipientsPerSession`
/// addresses of a domain, the catch-all probe RCPT after the real ones, greylisted addresses
/// retried on a schedule while the others go on.
///
/// Each session is the one-way engine's (`ProbeRunner.collect`) on a worker thread: the
/// domain's MX route as `probe DOMAIN` finds it (RFC 5321 5.1, RFC 7505), the next MX only
/// when a host cannot be reached or puts us off, STARTTLS when offered, MAIL, every RCPT
/// pipelined when PIPELINING is offered (RFC 2920), then RSET and QUIT; never DATA. Which
/// session starts when is `VerifyScheduler`'s decision; this thread only waits (`poll`) for
/// sessions to finish, for the next start time, or for the user's signal. On a signal no new
/// session starts, the running ones end with QUIT, and only the addresses that were answered
/// are in the run.
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
  /// Chunks one session carries, each its own transaction with RSET between: MTAs reuse a
  /// connection for several messages the same way (Postfix's client keeps one up to
  /// `smtp_connection_reuse_time_limit`, 300 s), and a session costs a greeting and an EHLO.
  public var transactionsPerSession = 10
  /// `--concurrency`, `--per-host`, `--rate`: sessions at once, per host, RCPTs a second.
  public var concurrency = 16
  public var perHost = 1
  public var rate: Int?
  /// The first pause after a 421 or a dropped connection, and the sessions an address may
  /// take before its last facts stand.
  public var backoffMilliseconds: Int64 = 2_000
  public var maxAttempts = 3
  /// Results of an earlier run (`--state`), by `VerifyAddress.mailbox`: not verified again.
  public var recorded: [String: VerifyResult] = [:]
  /// Told of each address as its result becomes final, on the calling thread.
  public var finished: ((VerifyAddress, VerifyResult) -> Void)?
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
    /// Every entry's result; after a signal, only the entries that had finished.
    public var results: [VerifyResult]
    public var records: [ProbeRecord]
    /// Whether the user's signal stopped the run before every address was answered.
    public var interrupted: Bool
  }

  /// Verifies `entries`; invalid lines are judged without network, duplicates reuse the
  /// result of their first line, recorded addresses their recorded result.
  public func run(_ entries: [AddressList.Entry]) -> Run {
    var addresses: [VerifyAddress] = []
    for entry in entries {
      if case .address(let address) = entry.outcome { addresses.append(address) }
    }
    var state = VerifyRunState(
      addresses: addresses,
      schedule: GreylistSchedule(
        waitMilliseconds: greylistWaitMilliseconds, limitMilliseconds: greylistLimitMilliseconds),
      scheduler: VerifyScheduler(
        limits: VerifyScheduler.Limits(
          concurrency: concurrency, perHost: perHost, recipientsPerSession: recipientsPerSession,
          rate: rate, catchAllProbe: catchAllProbe, maxAttempts: maxAttempts,
          backoffMilliseconds: backoffMilliseconds,
          transactionsPerSession: transactionsPerSession)))
    let todo = addresses.indices.filter { index in
      guard let result = recorded[addresses[index].mailbox] else { return true }
      state.results[index] = result
      return false
    }
    route(todo, &state)
    schedule(&state)
    state.interrupted = runner.cancellation.isRequested() && state.unfinished
    return assemble(entries, state)
  }

  /// Groups `todo` by domain and queues each on its MX host; judges at once the domains whose
  /// route decided.
  private func route(_ todo: [Int], _ state: inout VerifyRunState) {
    var order: [(key: String, sample: VerifyAddress)] = []
    var members: [String: [Int]] = [:]
    for index in todo {
      let key = state.addresses[index].wireDomain.lowercased()
      if members[key] == nil { order.append((key, state.addresses[index])) }
      members[key, default: []].append(index)
      state.groups[index] = key
    }
    let destinations = VerifyHostKeys(
      template: template, server: server, runner: runner, concurrency: concurrency
    ).resolve(order)
    for (key, _) in order {
      let indices = members[key] ?? []
      switch destinations[key] {
      case .host(let host, let route, let resolved)?:
        state.mailRoutes[key] = resolved
        for index in indices {
          state.hosts[index] = host
          state.routes[index] = route
          state.scheduler.add(index, group: key, host: host, route: route)
        }
      case .decided(let record)?:
        state.records.append(record)
        for index in indices {
          let facts = VerifyFactsReader.facts(
            for: state.addresses[index], probe: nil, record: record, server: nil)
          finish(index, VerifyJudgement.judge(facts, disposable: disposable), &state)
        }
      case nil:
        // Not reached: every domain gets a destination; verify it on its own route.
        for index in indices {
          state.hosts[index] = key
          state.scheduler.add(index, group: key, host: key)
        }
      }
    }
  }

  /// Starts sessions as the scheduler allows and handles each as it finishes, until every
  /// address has its result or the user stopped the run.
  private func schedule(_ state: inout VerifyRunState) {
    guard let queue = CompletionQueue<VerifySessionJob.Done>() else { return }
    var running = 0
    while true {
      let now = nowMilliseconds()
      let stopping = runner.cancellation.isRequested()
      var wakeAt: Int64?
      var idle = false
      if !stopping {
        for index in state.schedule.due(now: now) {
          state.schedule.started(index)
          if let host = state.hosts[index], let group = state.groups[index] {
            state.scheduler.add(index, group: group, host: host, route: state.routes[index])
          }
        }
        launching: while true {
          switch state.scheduler.next(now: now) {
          case .start(let session):
            running += 1
            launch(session, &state, queue)
          case .wait(let time):
            wakeAt = time
            break launching
          case .done:
            idle = true
            break launching
          }
        }
        if let retry = state.schedule.nextRetryMilliseconds {
          wakeAt = min(wakeAt ?? retry, retry)
          idle = false
        }
      }
      if running == 0, stopping || idle { break }
      PollWait.wait(
        for: queue.descriptor, cancellation: stopping ? nil : runner.cancellation,
        untilMilliseconds: wakeAt, clock: runner.clock)
      for done in queue.drain() {
        running -= 1
        handle(done, stopping: runner.cancellation.isRequested(), &state)
        progress?(state.results.count, state.addresses.count)
      }
    }
  }

  /// Starts `session` on a worker thread (or here, if no thread can be had).
  private func launch(
    _ session: VerifyScheduler.Session, _ state: inout VerifyRunState,
    _ queue: CompletionQueue<VerifySessionJob.Done>
  ) {
    let chunks = session.chunks.map { $0.addresses.map { state.addresses[$0] } }
    let probes = chunks.map { chunk in
      catchAllProbe && session.catchAllProbe
        ? CatchAllLocalPart.address(for: chunk[0], randomBits: randomBits()) : nil
    }
    let serverHost: String? = if case .server(let host, _)? = server { host } else { nil }
    let job = VerifySessionJob(
      session: session, chunks: chunks,
      request: VerifySessionJob.request(
        template: template, server: server, chunks: chunks, probes: probes),
      probes: probes, serverHost: serverHost, silentHosts: state.silentHosts.count,
      runner: runner, route: state.mailRoutes[session.group])
    let work: @Sendable () -> Void = { queue.push(job.run()) }
    if !WorkerThread.start(work) { work() }
  }

  /// Reads a finished session: answered addresses are judged, the others go back to the
  /// scheduler (or stand, once they have had their attempts); after a signal, unanswered
  /// addresses stay unfinished.
  private func handle(_ done: VerifySessionJob.Done, stopping: Bool, _ state: inout VerifyRunState)
  {
    state.records.append(done.record)
    state.silentHosts.formUnion(VerifySessionJob.silentHosts(in: done.record))
    let session = done.session
    var retry: [Int: VerifyRetry.Reason] = [:]
    for index in session.addresses {
      state.attempts[index, default: 0] += done.record.sessions.count
      if let facts = done.facts[index], let reason = VerifyRetry.reason(facts) {
        retry[index] = reason
      }
    }
    var probeTooMany = false
    if let first = session.addresses.first, case .reply(let reply)? = done.facts[first]?.catchAll {
      probeTooMany = Classifier.diagnose(reply, after: .rcpt).category == .tooManyRecipients
    }
    let interrupted = done.record.stop?.isInterruption ?? false
    let givenUp = state.scheduler.finished(
      session, retry: stopping || interrupted ? [:] : retry, probeTooMany: probeTooMany,
      now: nowMilliseconds())
    let nullSender = template.plan.from == nil
    for index in session.addresses {
      guard var facts = done.facts[index] else { continue }
      // Asked again in a later session, or left unanswered by the user's stop.
      if retry[index] != nil, stopping || interrupted || !givenUp.contains(index) { continue }
      // A session the signal cut decided only the addresses whose RCPT was answered.
      if interrupted, !Self.answered(facts) { continue }
      facts.attempts = state.attempts[index] ?? 0
      var result = VerifyJudgement.judge(facts, disposable: disposable)
      if nullSender, state.scheduler.recipientLimit(of: session.host) == 1 {
        result.sessionNote = .oneRecipientForNullSender
      }
      if result.reason == .category(.greylisted) {
        switch state.schedule.greylisted(index, now: nowMilliseconds(), wallClock: WallClock.now())
        {
        case .retry:
          state.provisional[index] = result
          continue
        case .giveUp(let retryAfter):
          facts.retryAfter = retryAfter
          result = VerifyJudgement.judge(facts, disposable: disposable)
          if nullSender, state.scheduler.recipientLimit(of: session.host) == 1 {
            result.sessionNote = .oneRecipientForNullSender
          }
        }
      } else {
        state.schedule.finished(index)
      }
      finish(index, result, &state)
    }
  }

  private static func answered(_ facts: VerifyFacts) -> Bool {
    switch facts.session {
    case .recipient, .smtpUTF8NotOffered: return true
    default: return false
    }
  }

  /// Records `result` as final for the address `index` and tells `finished`.
  private func finish(_ index: Int, _ result: VerifyResult, _ state: inout VerifyRunState) {
    state.provisional[index] = nil
    state.results[index] = result
    finished?(state.addresses[index], result)
  }

  /// The entries' results in input order.
  private func assemble(_ entries: [AddressList.Entry], _ state: VerifyRunState) -> Run {
    var byLine: [Int: VerifyResult] = [:]
    var results: [VerifyResult] = []
    var index = 0
    for entry in entries {
      var found: VerifyResult?
      switch entry.outcome {
      case .address:
        found = state.results[index]
        if found == nil, !state.interrupted {
          // Not reached: every address ends in some session's result.
          found =
            state.provisional[index]
            ?? VerifyResult(address: entry.text, verdict: .unknown, reason: .category(.other))
        }
        index += 1
      case .invalid(let error):
        found = VerifyJudgement.syntaxResult(entry.text, error)
      case .duplicate(let firstLine):
        found = byLine[firstLine]
      }
      guard var result = found else { continue }
      result.address = entry.text
      byLine[entry.line] = result
      results.append(result)
    }
    return Run(results: results, records: state.records, interrupted: state.interrupted)
  }

  private func nowMilliseconds() -> Int64 {
    Int64(runner.clock.nowNanoseconds() / 1_000_000)
  }
}
