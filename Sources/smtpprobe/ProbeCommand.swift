import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// `smtpprobe probe`: turns the options into a checked request, runs it, renders text or JSON.
///
/// Every value that goes on the wire, the password, the message and the CA file are checked
/// here, once, before any connection is opened: a bad one is one line on stderr and exit 64,
/// and nothing is sent.
struct ProbeCommand {
  var options: ProbeOptions

  /// Why the options cannot become a request; one line on stderr, exit 64.
  struct InputProblem: Error {
    var message: String
  }

  /// Runs the probe and returns DESIGN.md's probe exit code.
  func run(_ console: Console) throws(OutputFailure) -> ExitCode {
    ProcessSetup.ignoreSIGPIPE()
    let request: ProbeRequest
    let proxyCredentials: SOCKS5Handshake.Credentials?
    do {
      request = try makeRequest(environment: console.environment)
      proxyCredentials = try ProxySetup.checkedCredentials(
        options.proxy, environment: console.environment)
    } catch {
      console.fail(error.message)
      return .usage
    }
    let dns = request.dnsServer
    // --max-time bounds each DNS wait too: no try may outlast the whole run.
    let dnsTimeout = request.maxTime.map { max(1, Int(min($0, 5).rounded(.up))) }
    let resolver = LibresolvResolver(
      configuration: ResolverConfiguration(server: dns, timeoutSeconds: dnsTimeout))
    // Identity checks must never hold the probe up: one short try.
    let identityResolver = LibresolvResolver(
      configuration: ResolverConfiguration(server: dns, timeoutSeconds: 1, tries: 1))
    // From here a signal stops the run instead of the process: the runner checks it at each
    // command boundary and every socket wait wakes on it, so what was seen is still printed.
    SignalMonitor.install(listening: true)
    let cancellation = SignalMonitor.cancellation
    let colors = options.output.color.colors(
      environment: console.environment, isTerminal: console.stdoutIsTerminal)
    // The terminal's width when stdout is one; 80 columns for a pipe or a file.
    let width = console.terminalColumns.map { max(40, $0) } ?? LineWrap.width
    let text = ProbeTextRenderer(
      style: TerminalStyle(colors: colors, width: width), now: WallClock.now())
    // Text streams as the session happens; JSON stays one document, written at the end.
    let live =
      options.output.json
      ? nil : LiveTranscript(renderer: text, target: request.target.description, console: console)
    let runner = ProbeRunner(
      connector: ProxySetup.connector(
        options.proxy, credentials: proxyCredentials,
        wakeDescriptor: cancellation.wakeDescriptor),
      resolver: resolver, identityResolver: identityResolver,
      tls: OpenSSLUpgrader(configuration: request.tls.configuration),
      cancellation: cancellation, observer: live?.observer)
    let outcome = runner.run(request)
    if let failure = live?.failure { throw failure }
    if outcome.verdict.status == .invalidInput {
      console.fail(outcome.verdict.summary)
      return ExitCode(rawValue: outcome.exitCode)
    }
    if options.output.json {
      try console.print(ProbeJSONRenderer(now: WallClock.now()).render(outcome))
    } else {
      var final = text
      final.now = WallClock.now()
      try console.print(final.render(outcome, after: live?.shown))
    }
    if let number = SignalMonitor.caughtSignal { return .signal(number) }
    return ExitCode(rawValue: outcome.exitCode)
  }

  /// The request, with every input checked once; throws the first problem.
  func makeRequest(environment: Environment) throws(InputProblem) -> ProbeRequest {
    var notes: [String] = []
    let ehloName: String
    if let helo = options.helo {
      ehloName = helo
    } else {
      ehloName = Self.hostName()
      if !ehloName.contains(".") {
        notes.append(
          "EHLO name \(ehloName) (this machine's host name) is not a fully qualified domain"
            + " name; some servers refuse it (RFC 5321 4.1.1.1): pass --helo NAME")
      }
    }
    let plan: DialoguePlan
    do throws(InputError) {
      let from = try options.from.flatMap { text throws(InputError) in
        try Address.reversePath(text)
      }
      var recipients: [Address] = []
      for text in options.to { recipients.append(try Address(text, field: .recipient)) }
      var built = DialoguePlan(
        ehloName: ehloName, from: from, recipients: recipients, quitAfter: options.quitAfter,
        tls: options.tls, pipelining: !options.noPipelining, timeout: options.timeout.value,
        greetingTimeout: options.greetingTimeout.value)
      built.message = try message()
      built.auth = try authentication(environment: environment)
      try built.validate()
      plan = built
    } catch {
      throw InputProblem(message: error.description)
    }
    if let caFile = options.cafile {
      do throws(TLSError) {
        _ = try TLSConfiguration.checkCAFile(caFile)
      } catch {
        throw InputProblem(message: "\(error) (--cafile)")
      }
    }
    if case .server(let host, _) = options.target, let literal = IPAddress(host) {
      // An address cannot change family: say so now rather than fail to "resolve" it.
      let family: SocketAddress.Family = literal.isIPv6 ? .ipv6 : .ipv4
      if !options.family.allows(family) {
        let flag = options.family == .ipv4 ? "-4" : "-6"
        throw InputProblem(
          message: "--server \(host) is an IPv\(literal.isIPv6 ? 6 : 4) address; "
            + "\(flag) cannot be used with it")
      }
    }
    if let proxy = options.proxy { notes.append(ProxySetup.note(proxy)) }
    let target: ProbeRequest.Target
    switch options.target {
    case .domain(let domain): target = .domain(domain)
    case .server(let host, let port): target = .server(host: host, port: port)
    }
    return ProbeRequest(
      target: target, port: options.port ?? (options.tlsOnConnect ? 465 : 25),
      family: options.family, connectTimeout: options.connectTimeout.value, plan: plan,
      tls: ProbeTLSOptions(
        onConnect: options.tlsOnConnect, verifyRequired: options.tlsVerify,
        serverNameIndication: options.sni, caFile: options.cafile),
      allMX: options.allMX, dnsServer: options.dnsServer, maxTime: options.maxTime?.value,
      mxAddressLimit: options.mxAddressLimit.value, notes: notes)
  }

  /// The message for DATA: `--data FILE` checked (readable, a regular file or a pipe, its
  /// size taken) but not read, since it is streamed when sent; or the built-in test message.
  private func message() throws(InputError) -> DialoguePlan.Message {
    if let path = options.dataFile {
      do throws(MessageSourceError) {
        return .file(try FileMessageSource.inspect(path: path))
      } catch {
        throw .unsupportedPlan(
          reason: "cannot read the message file '\(InputError.escaped(error.path))': "
            + "\(error.reason) (--data)")
      }
    }
    if options.sendTestMessage {
      var generator = SystemRandomNumberGenerator()
      return .testMessage(
        unixTime: Int64(time(nil)), random: UInt64.random(in: 0...UInt64.max, using: &generator))
    }
    return .none
  }

  /// Credentials from `--auth-user` and the password file or `SMTPPROBE_PASSWORD` (never argv).
  private func authentication(environment: Environment) throws(InputError)
    -> DialoguePlan.Authentication?
  {
    guard let user = options.authUser else {
      if options.authPasswordFile != nil || options.authMech != nil || options.authInsecure {
        throw .unsupportedPlan(
          reason: "--auth-password-file, --auth-mech and --auth-insecure need --auth-user")
      }
      return nil
    }
    let password: Secret
    do throws(PasswordSource.Problem) {
      password = try PasswordSource.password(
        file: options.authPasswordFile, environment: environment, user: user)
    } catch {
      throw .unsupportedPlan(reason: error.description)
    }
    if options.tls == .off, !options.tlsOnConnect, !options.authInsecure {
      // Known before connecting: the password could only go in clear.
      throw .unsupportedPlan(
        reason: "--auth-user with --tls off would send the password in clear; "
          + "add --auth-insecure to allow it")
    }
    return DialoguePlan.Authentication(
      mechanism: options.authMech, user: user, password: password,
      allowInsecure: options.authInsecure, hmacMD5: OpenSSLDigest.hmacMD5)
  }

  /// This machine's host name (`gethostname`), or `localhost` when it has none we can send.
  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard !name.isEmpty, (try? WireValidation.validateEHLOName(name)) != nil else {
      return "localhost"
    }
    return name
  }

  /// "cannot read the message file 'PATH': REASON", naming the option for a too-large file.
  static func describe(_ failure: FileReader.Failure, role: String, option: String) -> String {
    switch failure {
    case .unreadable(let path, let reason):
      "cannot read the \(role) '\(InputError.escaped(path))': \(reason)"
    case .tooLarge(let path, let limit):
      "the \(role) '\(InputError.escaped(path))' is larger than \(limit) bytes (\(option))"
    }
  }
}
