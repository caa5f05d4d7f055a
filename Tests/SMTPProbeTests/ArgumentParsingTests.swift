import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX
@testable import smtpprobe

/// A command line that must be refused with exactly this one-line message.
struct ErrorCase: CustomTestStringConvertible, Sendable {
  let id: String
  let arguments: [String]
  let expected: String
  var testDescription: String { id }
}

/// A probe command line and the options it must bind to.
struct ProbeCase: CustomTestStringConvertible, Sendable {
  let id: String
  let arguments: [String]
  let expected: ProbeOptions
  var testDescription: String { id }
}

/// Any other command line and the command it must bind to.
struct CommandCase: CustomTestStringConvertible, Sendable {
  let id: String
  let arguments: [String]
  let expected: Invocation.Command
  var testDescription: String { id }
}

private func probe(_ target: ProbeTarget, _ change: (inout ProbeOptions) -> Void = { _ in })
  -> ProbeOptions
{
  var options = ProbeOptions(target: target)
  change(&options)
  return options
}

private func explain(_ inputs: [String], _ change: (inout ExplainOptions) -> Void = { _ in })
  -> Invocation.Command
{
  var options = ExplainOptions(inputs: inputs)
  change(&options)
  return .explain(options)
}

/// What every duration option's error expects.
private let seconds = "a number of seconds above 0 and at most 86400 (one day)"

@Suite struct ArgumentParsingTests {
  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "no arguments", arguments: [], expected: "missing command (try 'smtpprobe --help')"),
    ErrorCase(
      id: "unknown command", arguments: ["frob"],
      expected: "unknown command 'frob' (try 'smtpprobe --help')"),
    ErrorCase(
      id: "verify without addresses", arguments: ["verify", "--json"],
      expected: "verify needs an ADDRESS or --file PATH|- (try 'smtpprobe verify --help')"),
    ErrorCase(
      id: "verify with addresses and a file", arguments: ["verify", "a@b.org", "--file", "-"],
      expected: "'a@b.org' and '--file' cannot be used together"),
    ErrorCase(
      id: "verify --fail-on with a word that is not a verdict",
      arguments: ["verify", "a@b.org", "--fail-on", "risky,maybe"],
      expected: "--fail-on: \"maybe\" is not a verdict; use deliverable, undeliverable, risky,"
        + " unknown"),
    ErrorCase(
      id: "a probe option on verify", arguments: ["verify", "a@b.org", "--all-mx"],
      expected: "option '--all-mx' does not apply to 'verify'"),
    ErrorCase(
      id: "unknown long option", arguments: ["explain", "550", "--frob"],
      expected: "unknown option '--frob'"),
    ErrorCase(
      id: "unknown option before the command", arguments: ["--frob", "explain", "550"],
      expected: "unknown option '--frob'"),
    ErrorCase(
      id: "unknown short option", arguments: ["probe", "-x"], expected: "unknown option '-x'"),
    ErrorCase(
      id: "missing value at the end", arguments: ["explain", "550", "--color"],
      expected: "option '--color' needs a value"),
    ErrorCase(
      id: "an option is not a value", arguments: ["probe", "x.org", "--from", "--to", "a@b"],
      expected: "option '--from' needs a value"),
    ErrorCase(
      id: "flag with a value", arguments: ["explain", "550", "--json=yes"],
      expected: "option '--json' takes no value"),
    ErrorCase(
      id: "bad colour", arguments: ["explain", "550", "--color=rainbow"],
      expected: "invalid value 'rainbow' for '--color': expected auto, always or never"),
    ErrorCase(
      id: "bad language", arguments: ["explain", "550", "--lang", "de"],
      expected: "invalid value 'de' for '--lang': expected en, tr or ja"),
    ErrorCase(
      id: "--after with an unknown command", arguments: ["explain", "550 x", "--after", "frob"],
      expected:
        "invalid value 'frob' for '--after': expected a command such as greeting, ehlo, mail, "
        + "rcpt, data or ."),
    ErrorCase(
      id: "probe option on explain", arguments: ["explain", "550", "--port", "25"],
      expected: "option '--port' does not apply to 'explain'"),
    ErrorCase(
      id: "explain option on probe", arguments: ["probe", "x.org", "--after", "rcpt"],
      expected: "option '--after' does not apply to 'probe'"),
    ErrorCase(
      id: "probe without a target", arguments: ["probe", "--to", "a@b.org"],
      expected: "probe needs a DOMAIN or --server HOST[:PORT] (try 'smtpprobe probe --help')"),
    ErrorCase(
      id: "domain and server", arguments: ["probe", "x.org", "--server", "mx.x.org"],
      expected: "'x.org' and '--server' cannot be used together"),
    ErrorCase(
      id: "two domains", arguments: ["probe", "x.org", "y.org"],
      expected: "unexpected argument 'y.org' for 'probe'"),
    ErrorCase(
      id: "port zero", arguments: ["probe", "x.org", "--port", "0"],
      expected: "invalid value '0' for '--port': expected a port number from 1 to 65535"),
    ErrorCase(
      id: "port too large", arguments: ["probe", "x.org", "--port=65536"],
      expected: "invalid value '65536' for '--port': expected a port number from 1 to 65535"),
    ErrorCase(
      id: "negative port", arguments: ["probe", "x.org", "--port", "-1"],
      expected: "invalid value '-1' for '--port': expected a port number from 1 to 65535"),
    ErrorCase(
      id: "server port not a number", arguments: ["probe", "--server", "mx:smtp"],
      expected: "invalid value 'smtp' for '--server': expected a port number from 1 to 65535"),
    ErrorCase(
      id: "unclosed IPv6 bracket", arguments: ["probe", "--server", "[::1:25"],
      expected:
        "invalid value '[::1:25' for '--server': expected HOST[:PORT], with IPv6 as [::1]:2525"),
    ErrorCase(
      id: "IPv6 host:port without brackets", arguments: ["probe", "--server", "::1:38369"],
      expected:
        "invalid value '::1:38369' for '--server': expected HOST[:PORT], with IPv6 as [::1]:2525"),
    ErrorCase(
      id: "IPv6 host:port that is also an address", arguments: ["probe", "--server", "::1:2525"],
      expected:
        "invalid value '::1:2525' for '--server': expected [::1]:2525 for port 2525, or [::1:2525] for that address"
    ),
    ErrorCase(
      id: "port twice", arguments: ["probe", "--server", "mx:25", "--port", "587"],
      expected: "'--port' and '--server HOST:PORT' cannot be used together"),
    ErrorCase(
      id: "bad quit-after", arguments: ["probe", "x.org", "--quit-after", "quit"],
      expected:
        "invalid value 'quit' for '--quit-after': expected connect, greeting, ehlo, starttls, "
        + "auth, mail, rcpt or data"),
    ErrorCase(
      id: "bad tls mode", arguments: ["probe", "x.org", "--tls", "maybe"],
      expected: "invalid value 'maybe' for '--tls': expected auto, require or off"),
    ErrorCase(
      id: "data and test message",
      arguments: ["probe", "x.org", "--data", "m.eml", "--send-test-message"],
      expected: "'--data' and '--send-test-message' cannot be used together"),
    ErrorCase(
      id: "zero timeout", arguments: ["probe", "x.org", "--timeout", "0"],
      expected: "invalid value '0' for '--timeout': expected \(seconds)"),
    ErrorCase(
      id: "timeout not a number", arguments: ["probe", "x.org", "--greeting-timeout=soon"],
      expected: "invalid value 'soon' for '--greeting-timeout': expected \(seconds)"),
    ErrorCase(
      id: "both families", arguments: ["probe", "x.org", "-4", "-6"],
      expected: "'-4' and '-6' cannot be used together"),
    ErrorCase(
      id: "repeated single option",
      arguments: ["probe", "x.org", "--from", "a@x", "--from", "b@x"],
      expected: "option '--from' given more than once"),
    ErrorCase(
      id: "after -- a dash starts a domain, not an option",
      arguments: ["probe", "--", "-odd.example"],
      expected:
        "'-odd.example' is not a valid mail domain: label \"-odd\" starts or ends with a hyphen"),
    ErrorCase(
      id: "help for an unknown topic", arguments: ["help", "frob"],
      expected: "unknown command 'frob' (try 'smtpprobe --help')"),
  ]

  @Test(arguments: errorCases)
  func refuses(_ c: ErrorCase) {
    #expect(throws: UsageError.self) { try Invocation(arguments: c.arguments) }
    do {
      _ = try Invocation(arguments: c.arguments)
    } catch {
      #expect(error.description == c.expected)
      #expect(!error.description.contains("\n"))
    }
  }

  static let probeCases: [ProbeCase] = [
    ProbeCase(
      id: "a domain", arguments: ["probe", "example.org"], expected: probe(.domain("example.org"))),
    ProbeCase(
      id: "server with port", arguments: ["probe", "--server", "127.0.0.1:2525"],
      expected: probe(.server(host: "127.0.0.1", port: 2525))),
    ProbeCase(
      id: "server without port, --port separately",
      arguments: ["probe", "--server=mx.test", "--port", "587"],
      expected: probe(.server(host: "mx.test", port: nil)) { $0.port = 587 }),
    ProbeCase(
      id: "bracketed IPv6 with port", arguments: ["probe", "--server", "[::1]:2525"],
      expected: probe(.server(host: "::1", port: 2525))),
    ProbeCase(
      id: "bracketed IPv6 without port", arguments: ["probe", "--server", "[::1]"],
      expected: probe(.server(host: "::1", port: nil))),
    ProbeCase(
      id: "bare IPv6", arguments: ["probe", "--server", "2001:db8::25"],
      expected: probe(.server(host: "2001:db8::25", port: nil))),
    ProbeCase(
      id: "options before and after the domain, repeated --to",
      arguments: [
        "--json", "probe", "--from", "a@x.org", "x.org", "--to", "b@y.org", "--to=c@y.org",
        "--helo", "me.test", "--lang", "tr",
      ],
      expected: probe(.domain("x.org")) {
        $0.from = "a@x.org"
        $0.to = ["b@y.org", "c@y.org"]
        $0.helo = "me.test"
        $0.output.json = true
        $0.output.lang = .tr
      }),
    ProbeCase(
      id: "every other option",
      arguments: [
        "probe", "x.org", "--quit-after", "rcpt", "--tls", "require", "--tls-on-connect",
        "--tls-verify", "--sni", "mx.x.org", "--cafile", "ca.pem", "--auth-user", "u",
        "--auth-password-file", "pw", "--auth-mech", "PLAIN", "--auth-insecure", "--data",
        "m.eml", "--dns-server", "127.0.0.1:5353", "--timeout", "2.5", "--greeting-timeout", "90",
        "--connect-timeout", "3", "-6", "--no-pipelining", "--all-mx", "--color", "never",
        "--max-time=120", "--mx-address-limit", "2",
      ],
      expected: probe(.domain("x.org")) {
        $0.quitAfter = .rcpt
        $0.tls = .require
        $0.tlsOnConnect = true
        $0.tlsVerify = true
        $0.sni = "mx.x.org"
        $0.cafile = "ca.pem"
        $0.authUser = "u"
        $0.authPasswordFile = "pw"
        $0.authMech = "PLAIN"
        $0.authInsecure = true
        $0.dataFile = "m.eml"
        $0.dnsServer = try? DNSServerAddress(address: "127.0.0.1", port: 5353)
        $0.timeout = Seconds(2.5)
        $0.greetingTimeout = Seconds(90)
        $0.connectTimeout = Seconds(3)
        $0.maxTime = Seconds(120)
        $0.mxAddressLimit = AddressLimit(2)
        $0.family = .ipv6
        $0.noPipelining = true
        $0.allMX = true
        $0.output.color = .never
      }),
    ProbeCase(
      id: "-4 and the test message", arguments: ["probe", "-4", "x.org", "--send-test-message"],
      expected: probe(.domain("x.org")) {
        $0.family = .ipv4
        $0.sendTestMessage = true
      }),
    ProbeCase(
      id: "-- ends options", arguments: ["probe", "--json", "--", "x.org"],
      expected: probe(.domain("x.org")) { $0.output.json = true }),
  ]

  @Test(arguments: probeCases)
  func bindsProbe(_ c: ProbeCase) throws {
    let invocation = try Invocation(arguments: c.arguments)
    #expect(invocation.command == .probe(c.expected))
  }

  @Test func probeDefaults() {
    let options = ProbeOptions(target: .domain("x.org"))
    #expect(options.port == nil && options.from == nil && options.to.isEmpty)
    #expect(options.tls == .auto && options.timeout.value == 30)
    #expect(options.greetingTimeout.value == 60 && options.maxTime == nil)
    #expect(options.mxAddressLimit.value == 5 && options.connectTimeout.value == 15)
    #expect(options.family == .any && options.output.color == .auto)
  }

  static let commandCases: [CommandCase] = [
    CommandCase(id: "one code", arguments: ["explain", "550"], expected: explain(["550"])),
    CommandCase(
      id: "two codes", arguments: ["explain", "251", "421"], expected: explain(["251", "421"])),
    CommandCase(
      id: "global options first", arguments: ["--json", "--lang=ja", "explain", "5.7.1"],
      expected: explain(["5.7.1"]) {
        $0.output.json = true
        $0.output.lang = .ja
      }),
    CommandCase(
      id: "stdin with --after",
      arguments: ["explain", "-", "--after", "rcpt", "--color", "always"],
      expected: explain(["-"]) {
        $0.after = .rcpt
        $0.output.color = .always
      }),
    CommandCase(
      id: "reply text after --", arguments: ["explain", "--", "-550 odd"],
      expected: explain(["-550 odd"])),
    CommandCase(id: "--help", arguments: ["--help"], expected: .help(.tool)),
    CommandCase(id: "-h after a command", arguments: ["explain", "-h"], expected: .help(.explain)),
    CommandCase(
      id: "--help wins over a missing target", arguments: ["probe", "--help"],
      expected: .help(.probe)),
    CommandCase(id: "help explain", arguments: ["help", "explain"], expected: .help(.explain)),
    CommandCase(id: "--version", arguments: ["--version"], expected: .version),
  ]

  @Test(arguments: commandCases)
  func bindsCommand(_ c: CommandCase) throws {
    let invocation = try Invocation(arguments: c.arguments)
    #expect(invocation.command == c.expected)
  }

  @Test func tokensKeepIndicesAndAttachedValues() {
    let tokens = ArgumentTokens(["explain", "--color=never", "-", "-4", "-12", "--", "--json"])
    #expect(
      tokens.tokens == [
        .value("explain", index: 0), .option(name: "--color", attached: "never", index: 1),
        .value("-", index: 2), .option(name: "-4", attached: nil, index: 3),
        .value("-12", index: 4), .terminator(index: 5), .value("--json", index: 6),
      ])
  }

  @Test func colourDecision() {
    #expect(ColorChoice.auto.colors(environment: [:], isTerminal: true))
    #expect(!ColorChoice.auto.colors(environment: [:], isTerminal: false))
    #expect(!ColorChoice.auto.colors(environment: ["NO_COLOR": "1"], isTerminal: true))
    #expect(ColorChoice.auto.colors(environment: ["NO_COLOR": ""], isTerminal: true))
    #expect(!ColorChoice.auto.colors(environment: ["TERM": "dumb"], isTerminal: true))
    #expect(ColorChoice.always.colors(environment: ["NO_COLOR": "1"], isTerminal: false))
    #expect(!ColorChoice.never.colors(environment: [:], isTerminal: true))
  }
}
