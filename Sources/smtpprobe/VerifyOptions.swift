import SMTPProbeCore
import SMTPProbePOSIX

/// Everything `smtpprobe verify` was asked to do, each value already its own type.
///
/// Addresses are not parsed here: `VerifyCommand` parses them (and the `--file` list) with
/// `AddressList`, so that an invalid address is a result (`undeliverable/address-syntax`), not
/// a usage error.
struct VerifyOptions: Hashable, Sendable {
  var addresses: [String] = []
  /// `--file PATH`; `-` is standard input.
  var file: String? = nil
  /// `--server HOST[:PORT]`: skip MX routing and ask this host.
  var server: ProbeTarget? = nil
  var port: Int? = nil
  var from: String? = nil
  var helo: String? = nil
  var tls: DialoguePlan.TLSMode = .auto
  var catchAll = CatchAllMode.probe
  var recipientsPerSession = RecipientCount.standard
  var greylistWait = Seconds(60)
  var greylistMax = Seconds(600)
  var failOn: Set<VerifyVerdict> = []
  var disposableList: String? = nil
  var dnsServer: DNSServerAddress? = nil
  var timeout = Seconds(30)
  var greetingTimeout = Seconds(60)
  var connectTimeout = Seconds(15)
  var family: AddressFamilyPreference = .any
  var csv = false
  var verbose = false
  var output = OutputOptions()
  /// `--proxy socks5://[USER@]HOST:PORT`; nil connects directly.
  var proxy: ProxyAddress? = nil
  /// `--concurrency`, `--per-host`, `--rate` (nil: no limit).
  var concurrency = TargetConcurrency(16)
  var perHost = SessionLimit(1)
  var rate: RecipientRate? = nil
  /// `--state FILE`: finished addresses are recorded there, and skipped when it is reused.
  var state: String? = nil
  var forceIdentity = false
  /// `--transactions-per-session`: chunks (one MAIL transaction each) one session carries.
  var transactionsPerSession = SessionLimit(10)

  init() {}

  /// Binds verify's options from `parsed`.
  init(_ parsed: ParsedArguments, output: OutputOptions) throws(UsageError) {
    addresses = parsed.positionals
    file = parsed.text(.file)
    switch (addresses.first, file) {
    case (nil, nil): throw .missingAddresses
    case (let address?, _?): throw .conflict(address, "--file")
    default: break
    }
    server = try parsed.text(.server).map { text throws(UsageError) in
      try ProbeTarget(server: text)
    }
    port = try parsed.value(.port, as: PortNumber.self)?.value
    if port != nil, case .server(_, _?) = server {
      throw .conflict("--port", "--server HOST:PORT")
    }
    from = parsed.text(.from)
    helo = parsed.text(.helo)
    tls = try parsed.value(.tls, as: DialoguePlan.TLSMode.self) ?? .auto
    catchAll = try parsed.value(.catchAll, as: CatchAllMode.self) ?? catchAll
    recipientsPerSession =
      try parsed.value(.rcptPerSession, as: RecipientCount.self) ?? recipientsPerSession
    greylistWait = try parsed.value(.greylistWait, as: Seconds.self) ?? greylistWait
    greylistMax = try parsed.value(.greylistMax, as: Seconds.self) ?? greylistMax
    if let text = parsed.text(.failOn) {
      do throws(VerifyExitStatus.FailOnError) {
        failOn = try VerifyExitStatus.parseFailOn(text)
      } catch {
        throw .invalid(error.description)
      }
    }
    disposableList = parsed.text(.disposableList)
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
    switch (parsed.has(.ipv4), parsed.has(.ipv6)) {
    case (true, true): throw .conflict("-4", "-6")
    case (true, false): family = .ipv4
    case (false, true): family = .ipv6
    case (false, false): family = .any
    }
    csv = parsed.has(.csv)
    verbose = parsed.has(.verbose)
    concurrency = try parsed.value(.concurrency, as: TargetConcurrency.self) ?? concurrency
    perHost = try parsed.value(.perHost, as: SessionLimit.self) ?? perHost
    rate = try parsed.value(.rate, as: RecipientRate.self)
    state = parsed.text(.state)
    forceIdentity = parsed.has(.forceIdentity)
    transactionsPerSession =
      try parsed.value(.transactionsPerSession, as: SessionLimit.self) ?? transactionsPerSession
    if csv, output.json { throw .conflict("--csv", "--json") }
    self.output = output
    proxy = try ProxySetup.address(parsed)
  }
}
