import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// `smtpprobe probe`: turns the options into a checked request, runs it, renders text or JSON.
///
/// Every value that goes on the wire is validated before any connection is opened: a bad one
/// is one line on stderr and exit 64, and nothing is sent (issue 3 item 3).
struct ProbeCommand {
  /// The largest `--data` file read; RFC 5321 4.5.3.1.7 sets no bound, servers rarely take
  /// more than 50 MB.
  static let messageFileLimit = 64 * 1024 * 1024
  /// The largest password file read: a PLAIN response must fit the 12,288-octet AUTH line of
  /// RFC 4954 section 4 once base64 has grown it by a third.
  static let passwordFileLimit = 8 * 1024

  var options: ProbeOptions

  /// Why the options cannot become a request; one line on stderr, exit 64.
  struct InputProblem: Error {
    var message: String
  }

  /// Runs the probe and returns DESIGN.md's probe exit code.
  func run(_ console: Console) -> ExitCode {
    ProcessSetup.ignoreSIGPIPE()
    let request: ProbeRequest
    do {
      request = try makeRequest(environment: console.environment)
    } catch {
      console.fail(error.message)
      return .usage
    }
    let dns = request.dnsServer
    let resolver = LibresolvResolver(configuration: ResolverConfiguration(server: dns))
    // Identity checks must never hold the probe up: one short try.
    let identityResolver = LibresolvResolver(
      configuration: ResolverConfiguration(server: dns, timeoutSeconds: 1, tries: 1))
    let runner = ProbeRunner(
      connector: SocketConnector(), resolver: resolver, identityResolver: identityResolver,
      tls: OpenSSLUpgrader(configuration: request.tls.configuration))
    let outcome = runner.run(request)
    if outcome.exitCode == ExitCode.usage.rawValue {
      console.fail(outcome.verdict.summary)
      return .usage
    }
    if options.json {
      console.print(ProbeJSONRenderer(now: WallClock.now()).render(outcome))
    } else {
      let colors = options.color.colors(
        environment: console.environment, isTerminal: console.stdoutIsTerminal)
      console.print(ProbeTextRenderer(color: colors, now: WallClock.now()).render(outcome))
    }
    return ExitCode(rawValue: outcome.exitCode)
  }

  /// The request, with every input checked; throws the first problem.
  func makeRequest(environment: [String: String]) throws(InputProblem) -> ProbeRequest {
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
        ehloName: ehloName, from: from, recipients: recipients,
        quitAfter: options.quitAfter.flatMap(DialoguePlan.Stage.init(rawValue:)),
        tls: DialoguePlan.TLSMode(rawValue: options.tls) ?? .auto,
        pipelining: !options.noPipelining, timeout: options.timeout,
        greetingTimeout: options.greetingTimeout)
      built.message = try message()
      built.auth = try authentication(environment: environment)
      try built.validate()
      plan = built
    } catch {
      throw InputProblem(message: error.description)
    }
    var dnsServer: DNSServerAddress?
    if let text = options.dnsServer {
      do throws(DNSError) {
        dnsServer = try DNSServerAddress(parsing: text)
      } catch {
        throw InputProblem(message: "invalid value '\(text)' for '--dns-server': \(error)")
      }
    }
    if let caFile = options.cafile, !FileReader.isReadable(caFile) {
      throw InputProblem(message: "cannot read the CA file '\(caFile)' (--cafile)")
    }
    let target: ProbeRequest.Target
    switch options.target {
    case .domain(let domain):
      do throws(InputError) {
        try WireValidation.validateDomain(domain, field: .argument)
      } catch {
        guard case .invalidDomain(_, _, let reason) = error else {
          throw InputProblem(message: error.description)
        }
        throw InputProblem(message: "'\(domain)' is not a valid mail domain: \(reason)")
      }
      target = .domain(domain)
    case .server(let host, let port):
      // An address literal cannot change family: say so now rather than fail to "resolve" it.
      if let literal = SocketAddress(numericHost: host, port: 0),
        !options.family.allows(literal.family)
      {
        let flag = options.family == .ipv4 ? "-4" : "-6"
        throw InputProblem(
          message: "--server \(host) is an IPv\(literal.family == .ipv4 ? 4 : 6) address; "
            + "\(flag) cannot be used with it")
      }
      target = .server(host: host, port: port)
    }
    return ProbeRequest(
      target: target, port: options.port ?? (options.tlsOnConnect ? 465 : 25),
      family: options.family, connectTimeout: options.connectTimeout, plan: plan,
      tls: ProbeTLSOptions(
        onConnect: options.tlsOnConnect, verifyRequired: options.tlsVerify,
        serverNameIndication: options.sni, caFile: options.cafile),
      allMX: options.allMX, dnsServer: dnsServer, notes: notes)
  }

  /// The message for DATA: `--data FILE` as read, or the built-in test message.
  private func message() throws(InputError) -> DialoguePlan.Message {
    if let path = options.dataFile {
      do throws(FileReader.Failure) {
        return .data(try FileReader.read(path: path, limit: Self.messageFileLimit))
      } catch {
        throw .unsupportedPlan(reason: Self.describe(error, role: "message file", option: "--data"))
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
  private func authentication(environment: [String: String]) throws(InputError)
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
    if let path = options.authPasswordFile {
      let data: [UInt8]
      do throws(FileReader.Failure) {
        data = try FileReader.read(path: path, limit: Self.passwordFileLimit)
      } catch {
        throw .unsupportedPlan(
          reason: Self.describe(error, role: "password file", option: "--auth-password-file"))
      }
      // The first line is the password; a file written by `echo` ends with a newline that is
      // not part of it.
      var bytes = Array(data.prefix { $0 != 0x0A })
      if bytes.last == 0x0D { bytes.removeLast() }
      guard !bytes.isEmpty else {
        throw .unsupportedPlan(reason: "the password file '\(path)' is empty")
      }
      password = Secret(bytes: bytes)
    } else if let value = environment["SMTPPROBE_PASSWORD"] {
      password = Secret(value)
    } else {
      throw .unsupportedPlan(
        reason: "--auth-user needs a password: --auth-password-file PATH or SMTPPROBE_PASSWORD")
    }
    if options.tls == DialoguePlan.TLSMode.off.rawValue, !options.tlsOnConnect,
      !options.authInsecure
    {
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

  /// "cannot read the password file 'PATH': REASON", naming the option for a too-large file.
  static func describe(_ failure: FileReader.Failure, role: String, option: String) -> String {
    switch failure {
    case .unreadable(let path, let reason): "cannot read the \(role) '\(path)': \(reason)"
    case .tooLarge(let path, let limit):
      "the \(role) '\(path)' is larger than \(limit) bytes (\(option))"
    }
  }
}
