import SMTPProbeCore
import SMTPProbePOSIX

/// Everything `smtpprobe probe` was asked to do, each value already its own type (DESIGN.md,
/// "Command line").
///
/// Binding checks what needs no file and no network: host names, the SNI name, the DNS server,
/// ports and durations. `ProbeCommand` reads the files and builds the `ProbeRequest`.
struct ProbeOptions: Hashable, Sendable {
  var target: ProbeTarget
  /// `--port N`; nil means the default (25, or the port in `--server`).
  var port: Int? = nil
  /// `--from`; nil means the null sender `<>`.
  var from: String? = nil
  /// `--to`, repeatable, in order.
  var to: [String] = []
  var helo: String? = nil
  var quitAfter: DialoguePlan.Stage? = nil
  var tls: DialoguePlan.TLSMode = .auto
  var tlsOnConnect: Bool = false
  var tlsVerify: Bool = false
  /// `--sni NAME`, checked as a host name.
  var sni: String? = nil
  var cafile: String? = nil
  var authUser: String? = nil
  /// `--auth-password-file PATH`; `-` is standard input.
  var authPasswordFile: String? = nil
  var authMech: String? = nil
  var authInsecure: Bool = false
  /// `--data FILE`: a whole RFC 5322 message.
  var dataFile: String? = nil
  var sendTestMessage: Bool = false
  var dnsServer: DNSServerAddress? = nil
  /// `--timeout SECONDS`, per command.
  var timeout = Seconds(30)
  var greetingTimeout = Seconds(60)
  var connectTimeout = Seconds(15)
  /// `--max-time SECONDS`, the whole run; nil for no limit.
  var maxTime: Seconds? = nil
  var mxAddressLimit = AddressLimit.standard
  var family: AddressFamilyPreference = .any
  var noPipelining: Bool = false
  var allMX: Bool = false
  var output = OutputOptions()
  /// `--proxy socks5://[USER@]HOST:PORT`; nil connects directly.
  var proxy: ProxyAddress? = nil

  init(target: ProbeTarget) {
    self.target = target
  }

  /// Binds the probe's options from `parsed`.
  init(_ parsed: ParsedArguments, output: OutputOptions) throws(UsageError) {
    let server = try parsed.text(.server).map { text throws(UsageError) in
      try ProbeTarget(server: text)
    }
    let target: ProbeTarget
    switch (parsed.positionals.first, server) {
    case (nil, nil): throw .missingTarget
    case (let domain?, nil): target = try ProbeTarget(domain: domain)
    case (nil, let server?): target = server
    case (let domain?, _?): throw .conflict(domain, "--server")
    }
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(parsed.positionals[1], command: "probe")
    }
    try self.init(parsed, output: output, target: target)
  }

  /// Binds every option but the target from `parsed` (`check` takes several targets).
  init(_ parsed: ParsedArguments, output: OutputOptions, target: ProbeTarget) throws(UsageError) {
    self.target = target
    port = try parsed.value(.port, as: PortNumber.self)?.value
    if port != nil, case .server(_, _?) = target {
      throw .conflict("--port", "--server HOST:PORT")
    }
    from = parsed.text(.from)
    to = parsed.texts(.to)
    helo = parsed.text(.helo)
    quitAfter = try parsed.value(.quitAfter, as: DialoguePlan.Stage.self)
    tls = try parsed.value(.tls, as: DialoguePlan.TLSMode.self) ?? .auto
    tlsOnConnect = parsed.has(.tlsOnConnect)
    tlsVerify = parsed.has(.tlsVerify)
    if let name = parsed.text(.sni) {
      do throws(InputError) {
        try WireValidation.validateServerName(name)
      } catch {
        throw .invalid(error.description)
      }
      sni = name
    }
    cafile = parsed.text(.cafile)
    authUser = parsed.text(.authUser)
    authPasswordFile = parsed.text(.authPasswordFile)
    authMech = parsed.text(.authMech)
    authInsecure = parsed.has(.authInsecure)
    dataFile = parsed.text(.data)
    sendTestMessage = parsed.has(.sendTestMessage)
    if dataFile != nil, sendTestMessage { throw .conflict("--data", "--send-test-message") }
    if let text = parsed.text(.dnsServer) {
      do throws(DNSError) {
        dnsServer = try DNSServerAddress(parsing: text)
      } catch {
        throw .invalidValue(
          option: "--dns-server", value: text, expected: "IP[:PORT] or [IPv6]:PORT")
      }
    }
    timeout = try parsed.value(.timeout, as: Seconds.self) ?? timeout
    greetingTimeout = try parsed.value(.greetingTimeout, as: Seconds.self) ?? greetingTimeout
    connectTimeout = try parsed.value(.connectTimeout, as: Seconds.self) ?? connectTimeout
    maxTime = try parsed.value(.maxTime, as: Seconds.self)
    mxAddressLimit = try parsed.value(.mxAddressLimit, as: AddressLimit.self) ?? mxAddressLimit
    switch (parsed.has(.ipv4), parsed.has(.ipv6)) {
    case (true, true): throw .conflict("-4", "-6")
    case (true, false): family = .ipv4
    case (false, true): family = .ipv6
    case (false, false): family = .any
    }
    noPipelining = parsed.has(.noPipelining)
    allMX = parsed.has(.allMX)
    self.output = output
    proxy = try ProxySetup.address(parsed)
  }
}
