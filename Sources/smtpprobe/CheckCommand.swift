import SMTPProbeCore
import SMTPProbePOSIX

/// `smtpprobe check`: runs the inbound checks against domains' MX hosts or servers, and the
/// submission checks against submission servers, judges them into findings and prints one
/// report in the format a monitoring system reads.
///
/// Targets run concurrently, `--concurrency` at a time, each on its own thread with its own
/// runner; the report keeps them in the order given. The exit code is the report's state, 0-3
/// (Nagios Plugin API, "Plugin Return Codes"); our own failures (bad input, a report file not
/// written) are UNKNOWN, exit 3.
struct CheckCommand {
  /// The largest `--targets` file read.
  static let targetsFileLimit = 1024 * 1024

  var options: CheckOptions

  /// One target ready to run: its request, the judgement to read it with and whether the
  /// plain second session of `--require-starttls` follows.
  struct PreparedTarget: Sendable {
    var request: ProbeRequest
    var judgement: CheckJudgement
    var requireStartTLS: Bool
    /// The DNS posture to read after the sessions, for a DOMAIN target.
    var posture: PostureRequest?
    /// Direct unless `--proxy` names a SOCKS5 proxy.
    var connector: any Connector = SocketConnector()
    /// `--roundtrip` on a submission target: the mailbox to wait in.
    var roundTrip: RoundTripPlan? = nil
    /// The relay session of `--relay-test` (inbound targets), run after the checks.
    var relay: ProbeRequest? = nil
    /// Where the MTA-STS policy is fetched (`--mta-sts-port`, 443 but in tests).
    var mtaSTSPort = 443
    /// Seconds for the policy fetch (`--timeout`).
    var policyTimeout: Double = 10
  }

  /// Runs the checks and returns the report's exit code.
  func run(_ console: Console) throws(OutputFailure) -> ExitCode {
    ProcessSetup.ignoreSIGPIPE()
    let prepared: [PreparedTarget]
    do {
      prepared = try prepare(environment: console.environment)
    } catch {
      console.fail(error.message)
      return .unknownCheck
    }
    let targets = ParallelMap.map(prepared, width: options.concurrency.value, Self.check)
    let report = CheckReport(targets: targets)
    let format =
      options.format ?? CheckFormat.defaultFormat(stdoutIsTerminal: console.stdoutIsTerminal)
    try console.print(render(report, as: format, console: console))
    var status = ExitCode(rawValue: report.exitCode)
    for destination in options.reports {
      do throws(AtomicFileWriter.Failure) {
        try AtomicFileWriter.write(render(report, as: destination.format), to: destination.path)
      } catch {
        console.fail(error.description)
        status = .unknownCheck
      }
    }
    if format == .github, let path = console.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
      do throws(AtomicFileWriter.Failure) {
        try FileAppender.append(CheckGitHubRenderer.stepSummary(report), to: path)
      } catch {
        console.fail(error.description)
        status = .unknownCheck
      }
    }
    if let number = SignalMonitor.caughtSignal { return .signal(number) }
    return status
  }

  /// Runs one target's sessions with a runner of its own and judges them.
  @Sendable static func check(_ target: PreparedTarget) -> CheckTargetReport {
    let request = target.request
    let dns = request.dnsServer
    // The MX, posture and TLS-policy lookups end with the run's --max-time as the sessions do.
    let limit = request.maxTime.map { RunLimit.starting(seconds: $0, on: SystemClock()) }
    // Identity checks (PTR, FCrDNS) must never hold the check up: one short try.
    let runner = ProbeRunner(
      connector: target.connector,
      resolver: resolver(ResolverConfiguration(server: dns), limit: limit),
      identityResolver: LibresolvResolver(
        configuration: ResolverConfiguration(server: dns, timeoutSeconds: 1, tries: 1)),
      tls: OpenSSLUpgrader(configuration: request.tls.configuration))
    let record = runner.collect(request)
    var report = target.judgement.judge(record)
    if let plan = target.roundTrip {
      report.findings += roundTrip(
        plan, after: record, finished: SystemClock().nowNanoseconds(), judgement: target.judgement,
        connector: target.connector)
    }
    // A domain's TLS policies (not with --no-posture), unless the run was cut short (--max-time,
    // a signal).
    if target.posture != nil, case .domain(let domain) = request.target, record.stop == nil {
      report = addingTLSPolicies(
        domain, record: record, target: target, limit: limit, to: report)
    }
    if target.requireStartTLS {
      // The second session: no STARTTLS, no recipients, stop after MAIL FROM.
      var plain = request
      plain.plan.tls = .off
      plain.plan.recipients = []
      plain.plan.quitAfter = .mail
      report = target.judgement.addingEnforcement(runner.collect(plain), to: report)
    }
    if let relay = target.relay {
      report = target.judgement.addingRelay(runner.collect(relay), to: report)
    }
    if var posture = target.posture {
      posture.domain = record.route?.domain ?? posture.domain
      report = CheckJudgement.addingPosture(
        readPosture(posture, dnsServer: dns, route: record.route, limit: limit), to: report)
    }
    return report
  }

  /// The report in `format`; text is coloured and wrapped for the terminal when given one.
  func render(_ report: CheckReport, as format: CheckFormat, console: Console? = nil) -> String {
    switch format {
    case .nagios: return CheckNagiosRenderer.render(report)
    case .json: return CheckJSONRenderer.render(report)
    case .junit: return CheckJUnitRenderer.render(report)
    case .github: return CheckGitHubRenderer.annotations(report)
    case .prometheus: return CheckPrometheusRenderer.render(report)
    case .text:
      guard let console else { return CheckTextRenderer.render(report) }
      let colors = options.connection.output.color.colors(
        environment: console.environment, isTerminal: console.stdoutIsTerminal)
      let width = console.terminalColumns.map { max(40, $0) } ?? LineWrap.width
      return CheckTextRenderer.render(report, style: TerminalStyle(colors: colors, width: width))
    }
  }

  /// Every target with its request, checked before anything is sent: the command line's,
  /// then the `--targets` file's.
  func prepare(environment: Environment) throws(ProbeCommand.InputProblem) -> [PreparedTarget] {
    var targets = options.targets
    if let path = options.targetsFile {
      let bytes: [UInt8]
      do throws(FileReader.Failure) {
        bytes = try FileReader.read(path: path, limit: Self.targetsFileLimit)
      } catch {
        throw ProbeCommand.InputProblem(
          message: ProbeCommand.describe(error, role: "targets file", option: "--targets"))
      }
      do throws(UsageError) {
        let source = path == "-" ? "standard input" : "'\(InputError.escaped(path))'"
        targets += try CheckTarget.list(String(decoding: bytes, as: UTF8.self), source: source)
      } catch {
        throw ProbeCommand.InputProblem(message: error.description)
      }
    }
    guard !targets.isEmpty else {
      throw ProbeCommand.InputProblem(message: "the targets file names no target (--targets)")
    }
    if options.asksForSubmission, !targets.contains(where: { $0.profile == .submission }) {
      throw ProbeCommand.InputProblem(
        message: "--auth-user, --send-test-message and --to apply to --submission targets")
    }
    // The password is read once (it may come from standard input) and used for each
    // submission target.
    var auth: DialoguePlan.Authentication?
    let proxy = options.connection.proxy
    let credentials = try ProxySetup.checkedCredentials(proxy, environment: environment)
    let connector = ProxySetup.connector(proxy, credentials: credentials, wakeDescriptor: nil)
    var prepared: [PreparedTarget] = []
    for target in targets {
      var ready = try prepare(target, environment: environment, auth: &auth)
      ready.connector = connector
      ready.mtaSTSPort = options.mtaSTSPort
      ready.policyTimeout = options.connection.timeout.value
      prepared.append(ready)
    }
    if let plan = try roundTripPlan(environment: environment) {
      for index in prepared.indices where prepared[index].judgement.profile == .submission {
        prepared[index].roundTrip = plan
      }
    }
    return prepared
  }

  /// The request of one target and the judgement to read its record with.
  ///
  /// Inbound: postmaster and the asserted recipients as RCPT TO, stopping after RCPT (after
  /// MAIL when there is nothing to ask), never DATA, every MX host of a domain. Submission:
  /// port 587 (465 with `--tls-on-connect`), AUTH when asked, stopping after MAIL FROM unless
  /// `--send-test-message` sends a real message.
  func prepare(
    _ target: CheckTarget, environment: Environment, auth: inout DialoguePlan.Authentication?
  ) throws(ProbeCommand.InputProblem) -> PreparedTarget {
    var connection = options.connection
    connection.target = target.target
    var judgement = CheckJudgement(
      limits: options.limits, postmaster: nil, assertions: [], now: WallClock.now())
    judgement.profile = target.profile
    var hasPort = connection.port != nil
    if case .server(_, let port) = target.target {
      if hasPort, port != nil {
        throw ProbeCommand.InputProblem(
          message: UsageError.conflict("--port", "--server HOST:PORT").description)
      }
      hasPort = hasPort || port != nil
      connection.allMX = false
    } else {
      connection.allMX = true
    }
    switch target.profile {
    case .inbound:
      connection.authUser = nil
      connection.authPasswordFile = nil
      connection.authMech = nil
      connection.authInsecure = false
      connection.sendTestMessage = false
      var postmaster: Address?
      if case .domain(let domain) = target.target {
        do throws(InputError) {
          postmaster = try Address("postmaster@\(domain)", field: .recipient)
        } catch {
          throw ProbeCommand.InputProblem(message: error.description)
        }
      }
      var recipients = postmaster.map { [$0.mailbox] } ?? []
      for assertion in options.assertions where !recipients.contains(assertion.address.mailbox) {
        recipients.append(assertion.address.mailbox)
      }
      connection.to = recipients
      connection.quitAfter = recipients.isEmpty ? .mail : .rcpt
      judgement.postmaster = postmaster
      judgement.assertions = options.assertions
    case .submission:
      if !hasPort { connection.port = connection.tlsOnConnect ? 465 : 587 }
      connection.quitAfter = connection.sendTestMessage ? nil : .mail
      if auth != nil {
        connection.authUser = nil
        connection.authPasswordFile = nil
        connection.authMech = nil
        connection.authInsecure = false
      }
    }
    var posture: PostureRequest?
    if let options = options.posture, target.profile == .inbound,
      case .domain(let domain) = target.target
    {
      posture = PostureRequest(
        domain: domain, spfIP: options.spfIP, clientIPs: options.clientIPs,
        sender: connection.from.flatMap { $0.isEmpty ? nil : $0 }, helo: connection.helo,
        dkimSelectors: options.dkimSelectors, dnsblZones: options.dnsblZones)
    }
    var request = try ProbeCommand(options: connection).makeRequest(environment: environment)
    if target.profile == .submission {
      if let auth { request.plan.auth = auth } else { auth = request.plan.auth }
    }
    var prepared = PreparedTarget(
      request: request, judgement: judgement,
      requireStartTLS: options.requireStartTLS && target.profile == .inbound, posture: posture)
    if options.relayTest, target.profile == .inbound {
      prepared.relay = try relayRequest(from: request)
    }
    return prepared
  }
}
