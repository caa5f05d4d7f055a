import SMTPProbeCore

/// Everything `smtpprobe check` was asked to do: the connection options it shares with
/// `probe`, the output formats, the thresholds and the recipient assertions.
///
/// A value refused here is a usage error, which `check` reports as UNKNOWN (exit 3): the
/// Monitoring Plugins guidelines keep UNKNOWN for the plugin's own failures.
struct CheckOptions: Hashable, Sendable {
  /// Seconds per command unless `--timeout` says otherwise (check_smtp's default).
  static let defaultTimeout = Seconds(10)
  /// The whole run of one target unless `--max-time` says otherwise: under the 60 s after which
  /// Nagios (`service_check_timeout`) and Icinga kill a plugin, so the report names the cut step
  /// instead of the monitor printing a bare timeout.
  static let defaultMaxTime = Seconds(50)

  /// Where to connect and how, bound by the same code as `probe`'s.
  var connection: ProbeOptions
  /// `--format`; nil means the default for the terminal (`CheckFormat.defaultFormat`).
  var format: CheckFormat?
  /// `--report FORMAT:PATH`, in order.
  var reports: [ReportDestination] = []
  var limits = CheckLimits()
  /// `--rcpt ADDR=accept|reject`, in order.
  var assertions: [RecipientAssertion] = []
  /// `--require-starttls`: a second session without TLS must be refused at MAIL FROM.
  var requireStartTLS = false
  /// The targets of the command line: the DOMAINs, then `--server`, then each
  /// `--submission`, in that order; `targetsFile` adds its own after them.
  var targets: [CheckTarget] = []
  /// `--targets FILE|-`, read when the command runs.
  var targetsFile: String?
  /// `--concurrency N`: targets checked at the same time.
  var concurrency = TargetConcurrency.standard
  /// `--roundtrip` and its IMAP mailbox, nil without it.
  var roundTrip: RoundTripOptions?
  /// The DNS posture to read for each DOMAIN target; nil without one and with `--no-posture`.
  var posture: PostureOptions?
  /// `--relay-test`: a session of its own tries every form of the open-relay matrix.
  var relayTest = false
  /// `--mta-sts-port`: where the MTA-STS policy is fetched; 443 except in tests.
  var mtaSTSPort = 443

  /// Binds the check's options from `parsed`.
  init(_ parsed: ParsedArguments, output: OutputOptions) throws(UsageError) {
    for domain in parsed.positionals {
      targets.append(CheckTarget(profile: .inbound, target: try ProbeTarget(domain: domain)))
    }
    if let text = parsed.text(.server) {
      targets.append(CheckTarget(profile: .inbound, target: try CheckTarget.server(text)))
    }
    for text in parsed.texts(.submission) {
      targets.append(
        CheckTarget(profile: .submission, target: try CheckTarget.server(text, "--submission")))
    }
    targetsFile = parsed.text(.targets)
    guard let first = targets.first?.target ?? targetsFile.map({ _ in .domain("") }) else {
      throw .invalid(
        "check needs a DOMAIN, --server HOST[:PORT], --submission HOST[:PORT] or --targets FILE"
          + " (try 'smtpprobe check --help')")
    }
    // The options shared by every target; each target replaces `target` with its own.
    connection = try ProbeOptions(parsed, output: output, target: first)
    concurrency = try parsed.value(.concurrency, as: TargetConcurrency.self) ?? concurrency
    roundTrip = try RoundTripOptions.bind(parsed)
    if roundTrip != nil {
      guard !connection.to.isEmpty else {
        throw .invalid("--roundtrip needs --to ADDR: the address of the --imap mailbox")
      }
      connection.sendTestMessage = true
      if roundTrip?.passwordFile == "-", connection.authPasswordFile == "-" || targetsFile == "-" {
        throw .conflict(
          "--imap-password-file -",
          connection.authPasswordFile == "-"
            ? "--auth-password-file -" : "--targets -")
      }
    }
    if targetsFile == "-", connection.authPasswordFile == "-" {
      throw .conflict("--targets -", "--auth-password-file -")
    }
    if connection.sendTestMessage != !connection.to.isEmpty {
      throw .invalid("--send-test-message and --to go together: the test message needs a recipient")
    }
    if !parsed.has(.timeout) { connection.timeout = Self.defaultTimeout }
    if !parsed.has(.maxTime) { connection.maxTime = Self.defaultMaxTime }
    // One limit for every wait unless a separate one is given, so that a silent server is
    // a finding within --timeout.
    if !parsed.has(.greetingTimeout) { connection.greetingTimeout = connection.timeout }
    if !parsed.has(.connectTimeout) { connection.connectTimeout = connection.timeout }
    if case .domain = connection.target { connection.allMX = true }
    requireStartTLS = parsed.has(.requireStartTLS)
    relayTest = parsed.has(.relayTest)
    mtaSTSPort = try parsed.value(.mtaSTSPort, as: PortNumber.self)?.value ?? mtaSTSPort
    if requireStartTLS, connection.tlsOnConnect {
      throw .conflict("--require-starttls", "--tls-on-connect")
    }
    do throws(CheckOptionError) {
      if let text = parsed.text(.format) {
        format = try CheckFormat.parse(text)
      } else if output.json {
        format = .json
      }
      reports = try ReportDestination.parseAll(parsed.texts(.report))
      if let text = parsed.text(.warning) {
        limits.total.warning = try ThresholdRange.parse(text, option: "--warning")
      }
      if let text = parsed.text(.critical) {
        limits.total.critical = try ThresholdRange.parse(text, option: "--critical")
      }
      for text in parsed.texts(.phaseWarn) {
        try limits.setPhaseLimit(text, option: "--phase-warn")
      }
      for text in parsed.texts(.phaseCrit) {
        try limits.setPhaseLimit(text, option: "--phase-crit")
      }
      if let text = parsed.text(.certWarn) {
        limits.certWarningDays = try CheckLimits.parseDays(text, option: "--cert-warn")
      }
      if let text = parsed.text(.certCrit) {
        limits.certCriticalDays = try CheckLimits.parseDays(text, option: "--cert-crit")
      }
      limits = try limits.validated()
      assertions = try parsed.texts(.rcpt).map { text throws(CheckOptionError) in
        try RecipientAssertion.parse(text)
      }
    } catch {
      throw .invalid(error.description)
    }
    posture = try PostureOptions.bind(
      parsed, domains: !parsed.positionals.isEmpty || targetsFile != nil)
  }

  /// The domain whose postmaster is asked for: the first target when it is a DOMAIN, nil for
  /// `--server` (each target of several has its own, see `CheckCommand.prepare`).
  var postmasterDomain: String? {
    if case .domain(let domain) = connection.target { return domain }
    return nil
  }

  /// Whether an option of the submission profile (AUTH, the test message) was given.
  var asksForSubmission: Bool {
    connection.authUser != nil || connection.sendTestMessage
  }
}
