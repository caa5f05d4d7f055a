import SMTPProbeCore
import SMTPProbePOSIX

/// `smtpprobe check`: runs the inbound checks against a domain's MX hosts or one server,
/// judges them into findings and prints them in the format a monitoring system reads.
///
/// The exit code is the report's state, 0-3 (Nagios Plugin API, "Plugin Return Codes");
/// our own failures (bad input, a report file not written) are UNKNOWN, exit 3.
struct CheckCommand {
  var options: CheckOptions

  /// Runs the checks and returns the report's exit code.
  func run(_ console: Console) throws(OutputFailure) -> ExitCode {
    ProcessSetup.ignoreSIGPIPE()
    let judgement: CheckJudgement
    let request: ProbeRequest
    var relay: ProbeRequest?
    do {
      (request, judgement) = try prepare(environment: console.environment)
      if options.relayTest { relay = try relayRequest(from: request) }
    } catch {
      console.fail(error.message)
      return .unknownCheck
    }
    let dns = request.dnsServer
    let runner = ProbeRunner(
      connector: SocketConnector(),
      resolver: LibresolvResolver(configuration: ResolverConfiguration(server: dns)),
      identityResolver: nil, tls: OpenSSLUpgrader(configuration: request.tls.configuration))
    var target = judgement.judge(runner.collect(request))
    if options.requireStartTLS {
      // The second session: no STARTTLS, no recipients, stop after MAIL FROM.
      var plain = request
      plain.plan.tls = .off
      plain.plan.recipients = []
      plain.plan.quitAfter = .mail
      target = judgement.addingEnforcement(runner.collect(plain), to: target)
    }
    if let relay {
      target = judgement.addingRelay(runner.collect(relay), to: target)
    }
    let report = CheckReport(targets: [target])
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

  /// The probe request (postmaster and the asserted recipients as RCPT TO, stopping after
  /// RCPT, never DATA) and the judgement to read its record with.
  func prepare(environment: Environment) throws(ProbeCommand.InputProblem)
    -> (ProbeRequest, CheckJudgement)
  {
    var connection = options.connection
    var postmaster: Address?
    if let domain = options.postmasterDomain {
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
    let request = try ProbeCommand(options: connection).makeRequest(environment: environment)
    let judgement = CheckJudgement(
      limits: options.limits, postmaster: postmaster, assertions: options.assertions,
      now: WallClock.now())
    return (request, judgement)
  }
}
