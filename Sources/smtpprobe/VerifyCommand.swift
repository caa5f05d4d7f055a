import SMTPProbeCore
import SMTPProbePOSIX

/// `smtpprobe verify`: reads the addresses, runs `VerifyRunner`, renders text, JSON or CSV.
///
/// Every value that goes on the wire (EHLO name, sender) is checked once before any
/// connection; a bad one is one line on stderr and exit 64. Invalid addresses are not usage
/// errors: they are results (`undeliverable/address-syntax`), judged without network.
struct VerifyCommand {
  /// The largest `--file` or `--disposable-list` read.
  static let listFileLimit = 256 * 1024 * 1024

  var options: VerifyOptions

  /// Runs the verification and returns the exit status (`VerifyExitStatus`).
  func run(_ console: Console) throws(OutputFailure) -> ExitCode {
    ProcessSetup.ignoreSIGPIPE()
    let entries: [AddressList.Entry]
    let disposable: DisposableDomains
    let request: ProbeRequest
    let proxyCredentials: SOCKS5Handshake.Credentials?
    var state: (store: VerifyStateStore, recorded: [String: VerifyResult])?
    do throws(ProbeCommand.InputProblem) {
      proxyCredentials = try ProxySetup.checkedCredentials(
        options.proxy, environment: console.environment)
      entries = try readEntries(console)
      disposable = try readDisposable(console)
      request = try makeTemplate()
      try checkIdentity(request.plan)
      if let path = options.state {
        do throws(VerifyStateStore.Failure) {
          state = try VerifyStateStore.open(path: path)
        } catch {
          throw .init(message: error.description)
        }
      }
    } catch {
      console.fail(error.message)
      return .usage
    }
    let resolver = LibresolvResolver(
      configuration: ResolverConfiguration(server: options.dnsServer))
    // From here a signal stops the run politely: no new session starts, the running ones end
    // with QUIT, and what was finished is printed (and is already in --state).
    SignalMonitor.install(listening: true)
    let cancellation = SignalMonitor.cancellation
    let probeRunner = ProbeRunner(
      connector: ProxySetup.connector(
        options.proxy, credentials: proxyCredentials,
        wakeDescriptor: cancellation.wakeDescriptor),
      resolver: resolver, identityResolver: nil,
      tls: OpenSSLUpgrader(configuration: request.tls.configuration),
      cancellation: cancellation)
    let server: ProbeRequest.Target? = options.server.map { target in
      switch target {
      case .server(let host, let port): .server(host: host, port: port ?? options.port)
      case .domain(let host): .server(host: host, port: options.port)
      }
    }
    var runner = VerifyRunner(
      template: request, server: server, catchAllProbe: options.catchAll == .probe,
      recipientsPerSession: options.recipientsPerSession.value,
      greylistWaitMilliseconds: Int64(options.greylistWait.value * 1000),
      greylistLimitMilliseconds: Int64(options.greylistMax.value * 1000),
      disposable: disposable, runner: probeRunner)
    runner.concurrency = options.concurrency.value
    runner.perHost = options.perHost.value
    runner.rate = options.rate?.value
    runner.transactionsPerSession = options.transactionsPerSession.value
    if let state {
      runner.recorded = state.recorded
      runner.finished = { address, result in
        // A failed proxy hop says nothing about the address: a rerun asks again.
        guard result.reason != .proxyFailed else { return }
        do throws(VerifyStateStore.Failure) {
          try state.store.record(mailbox: address.mailbox, result: result)
        } catch {
          console.fail(error.description)
        }
      }
    }
    if console.stderrIsTerminal {
      let clock = SystemClock()
      let start = clock.nowNanoseconds()
      runner.progress = { done, total in
        let elapsed = Int64((clock.nowNanoseconds() - start) / 1_000_000)
        let line = VerifyProgressLine.text(done: done, total: total, elapsedMilliseconds: elapsed)
        // Carriage return, the line, then erase to the end of the line (ECMA-48 EL).
        console.writeError("\r" + line + "\u{1B}[K")
      }
    }
    let run = runner.run(entries)
    if console.stderrIsTerminal { console.writeError("\r\u{1B}[K") }
    if options.verbose {
      let renderer = ProbeTextRenderer(now: WallClock.now())
      for session in run.records.flatMap(\.sessions) {
        console.writeError(renderer.renderSession(session) + "\n")
      }
    }
    let single = options.file == nil && entries.count == 1 && run.results.count == 1
    if options.output.json {
      try console.print(
        single
          ? VerifyJSONRenderer.render(run.results[0])
          : VerifyJSONRenderer.renderLines(run.results))
    } else if options.csv {
      try console.print(VerifyCSVRenderer.render(run.results))
    } else {
      try console.print(VerifyTextRenderer.render(run.results))
    }
    if let number = SignalMonitor.caughtSignal { return .signal(number) }
    if single { return ExitCode(rawValue: VerifyExitStatus.single(run.results[0].verdict)) }
    return ExitCode(
      rawValue: VerifyExitStatus.list(run.results.map(\.verdict), failOn: options.failOn))
  }

  /// Refuses a big provider's domain as the EHLO name or the sender's domain, unless
  /// `--force-identity` (`ProviderDomains` says why).
  private func checkIdentity(_ plan: DialoguePlan) throws(ProbeCommand.InputProblem) {
    guard !options.forceIdentity else { return }
    var names: [(option: String, domain: String)] = [("--helo", plan.ehloName)]
    if let from = plan.from { names.append(("--from", from.domain)) }
    for (option, domain) in names {
      guard let row = ProviderDomains.row(for: domain) else { continue }
      throw .init(
        message: "\(option) \(domain) is a domain of \(row.provider): probing in its name fails "
          + "its SPF and gets this host blocklisted; use your own domain (or --force-identity)")
    }
  }

  /// The addresses from the arguments (one a line, as `--file` would give them) or the file.
  private func readEntries(_ console: Console) throws(ProbeCommand.InputProblem)
    -> [AddressList.Entry]
  {
    guard let path = options.file else {
      // Each argument is one entry, numbered from 1 like the lines of a file.
      var entries: [AddressList.Entry] = []
      for (offset, text) in options.addresses.enumerated() {
        let outcome: AddressList.Outcome
        do throws(MailboxSyntaxError) {
          outcome = .address(try VerifyAddress.parse(text))
        } catch {
          outcome = .invalid(error)
        }
        entries.append(
          Self.deduplicated(
            AddressList.Entry(line: offset + 1, text: text, outcome: outcome), after: entries))
      }
      return entries
    }
    let bytes: [UInt8]
    do throws(FileReader.Failure) {
      bytes =
        path == "-"
        ? try console.readInput(Self.listFileLimit)
        : try FileReader.read(path: path, limit: Self.listFileLimit)
    } catch {
      throw .init(
        message: ProbeCommand.describe(error, role: "address list", option: "--file"))
    }
    return AddressList.parse(String(decoding: bytes, as: UTF8.self))
  }

  /// `entry` marked as a duplicate when an earlier argument named the same mailbox.
  private static func deduplicated(_ entry: AddressList.Entry, after entries: [AddressList.Entry])
    -> AddressList.Entry
  {
    guard case .address(let address) = entry.outcome else { return entry }
    let earlier = entries.first { other in
      if case .address(let first) = other.outcome { return first.mailbox == address.mailbox }
      return false
    }
    guard let earlier else { return entry }
    return AddressList.Entry(
      line: entry.line, text: entry.text, outcome: .duplicate(firstLine: earlier.line))
  }

  /// `--disposable-list FILE`, its problems on stderr.
  private func readDisposable(_ console: Console) throws(ProbeCommand.InputProblem)
    -> DisposableDomains
  {
    guard let path = options.disposableList else { return .none }
    do throws(FileReader.Failure) {
      let bytes = try FileReader.read(path: path, limit: Self.listFileLimit)
      let (list, problems) = DisposableDomains.parse(String(decoding: bytes, as: UTF8.self))
      for problem in problems { console.fail("--disposable-list: \(problem)") }
      return list
    } catch {
      throw .init(
        message: ProbeCommand.describe(
          error, role: "disposable-domain list", option: "--disposable-list"))
    }
  }

  /// The request every session starts from; the runner sets target and recipients.
  private func makeTemplate() throws(ProbeCommand.InputProblem) -> ProbeRequest {
    let ehloName = options.helo ?? ProbeCommand.hostName()
    do throws(InputError) {
      let from = try options.from.flatMap { text throws(InputError) in
        try Address.reversePath(text)
      }
      let plan = DialoguePlan(
        ehloName: ehloName, from: from, quitAfter: .rcpt, tls: options.tls,
        timeout: options.timeout.value, greetingTimeout: options.greetingTimeout.value)
      try WireValidation.validateEHLOName(plan.ehloName)
      var request = ProbeRequest(
        target: .domain("invalid"), port: options.port ?? 25, family: options.family,
        connectTimeout: options.connectTimeout.value, plan: plan,
        dnsServer: options.dnsServer)
      request.nextMXOnTransient = true
      return request
    } catch {
      throw .init(message: error.description)
    }
  }
}
