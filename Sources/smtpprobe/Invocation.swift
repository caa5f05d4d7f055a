import SMTPProbeCore
import SMTPProbePOSIX

/// A command line bound to a subcommand and its validated options.
///
/// Options may come before or after positional arguments; `--opt=value` and `--opt value`
/// both work; `--` ends options. The first problem, left to right, becomes a `UsageError`.
struct Invocation: Hashable, Sendable {
  /// What to run.
  enum Command: Hashable, Sendable {
    case help(HelpText.Topic)
    case version
    case explain(ExplainOptions)
    case probe(ProbeOptions)
  }

  var command: Command

  /// Where an option is accepted.
  private enum Scope: Hashable {
    case global
    case only(String)
  }

  /// One option the tool knows.
  private struct Spec {
    let name: String
    let takesValue: Bool
    let scope: Scope
    let repeatable: Bool

    init(_ name: String, value: Bool = false, _ scope: Scope = .global, repeatable: Bool = false) {
      self.name = name
      self.takesValue = value
      self.scope = scope
      self.repeatable = repeatable
    }
  }

  /// An option as given, with its value.
  private struct Given {
    let name: String
    let value: String?
  }

  private static let commands = ["explain", "probe", "help"]

  private static let specs: [Spec] = [
    Spec("--json"), Spec("--color", value: true), Spec("--lang", value: true), Spec("--help"),
    Spec("-h"), Spec("--version"),
    Spec("--after", value: true, .only("explain")),
    Spec("--server", value: true, .only("probe")), Spec("--port", value: true, .only("probe")),
    Spec("--from", value: true, .only("probe")),
    Spec("--to", value: true, .only("probe"), repeatable: true),
    Spec("--helo", value: true, .only("probe")), Spec("--quit-after", value: true, .only("probe")),
    Spec("--tls", value: true, .only("probe")), Spec("--tls-on-connect", .only("probe")),
    Spec("--tls-verify", .only("probe")), Spec("--sni", value: true, .only("probe")),
    Spec("--cafile", value: true, .only("probe")), Spec("--auth-user", value: true, .only("probe")),
    Spec("--auth-password-file", value: true, .only("probe")),
    Spec("--auth-mech", value: true, .only("probe")), Spec("--auth-insecure", .only("probe")),
    Spec("--data", value: true, .only("probe")), Spec("--send-test-message", .only("probe")),
    Spec("--dns-server", value: true, .only("probe")),
    Spec("--timeout", value: true, .only("probe")),
    Spec("--greeting-timeout", value: true, .only("probe")),
    Spec("--connect-timeout", value: true, .only("probe")), Spec("-4", .only("probe")),
    Spec("-6", .only("probe")), Spec("--no-pipelining", .only("probe")),
    Spec("--all-mx", .only("probe")),
  ]

  init(command: Command) {
    self.command = command
  }

  /// Binds `arguments` (argv without the tool name).
  init(arguments: [String]) throws(UsageError) {
    var subcommand: String?
    var positionals: [String] = []
    var given: [Given] = []
    var tokens = ArgumentTokens(arguments).tokens[...]
    while let token = tokens.popFirst() {
      switch token {
      case .terminator:
        continue
      case .value(let value, _):
        if subcommand == nil {
          guard Self.commands.contains(value) else { throw .unknownCommand(value) }
          subcommand = value
        } else {
          positionals.append(value)
        }
      case .option(let name, let attached, _):
        guard let spec = Self.specs.first(where: { $0.name == name }) else {
          throw .unknownOption(name)
        }
        if !spec.takesValue {
          if attached != nil { throw .unexpectedValue(option: name) }
          given.append(Given(name: name, value: nil))
        } else if let attached {
          given.append(Given(name: name, value: attached))
        } else if case .value(let value, _) = tokens.first {
          tokens.removeFirst()
          given.append(Given(name: name, value: value))
        } else if case .option(let next, nil, _) = tokens.first, Self.isNegativeNumber(next) {
          // `--port -1`: a number the user meant as the value, refused later with its reason.
          tokens.removeFirst()
          given.append(Given(name: name, value: next))
        } else {
          throw .missingValue(option: name)
        }
        if !spec.repeatable, given.filter({ $0.name == name }).count > 1 {
          throw .repeated(option: name)
        }
      }
    }

    let names = Set(given.map(\.name))
    if names.contains("--help") || names.contains("-h") {
      command = .help(Self.topic(subcommand == "help" ? positionals.first : subcommand))
      return
    }
    if names.contains("--version") {
      command = .version
      return
    }
    guard let subcommand else { throw .missingCommand }
    for option in given {
      if let spec = Self.specs.first(where: { $0.name == option.name }),
        case .only(let owner) = spec.scope, owner != subcommand
      {
        throw .optionNotForCommand(option: option.name, command: subcommand)
      }
    }
    let output = try OutputFlags(given)
    switch subcommand {
    case "help":
      guard positionals.count <= 1 else {
        throw .unexpectedArgument(positionals[1], command: "help")
      }
      if let topic = positionals.first, !Self.commands.contains(topic) {
        throw .unknownCommand(topic)
      }
      command = .help(Self.topic(positionals.first))
    case "explain":
      var options = ExplainOptions(inputs: positionals)
      options.json = output.json
      options.color = output.color
      options.lang = output.lang
      if let after = Self.value("--after", in: given) {
        guard let kind = CommandKind(name: after) else {
          throw .invalidValue(
            option: "--after", value: after,
            expected: "a command such as greeting, ehlo, mail, rcpt, data or ."
          )
        }
        options.after = kind
      }
      command = .explain(options)
    default:
      command = .probe(try Self.probeOptions(positionals, given, output))
    }
  }

  private static func isNegativeNumber(_ text: String) -> Bool {
    text.count > 1 && text.hasPrefix("-")
      && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
  }

  private static func topic(_ name: String?) -> HelpText.Topic {
    switch name {
    case "explain": .explain
    case "probe": .probe
    default: .tool
    }
  }

  private static func value(_ name: String, in given: [Given]) -> String? {
    given.last { $0.name == name }?.value
  }

  private static func flag(_ name: String, in given: [Given]) -> Bool {
    given.contains { $0.name == name }
  }

  /// `--json`, `--color` and `--lang`, accepted by every command.
  private struct OutputFlags {
    var json = false
    var color = ColorChoice.auto
    var lang = Language.en

    init(_ given: [Given]) throws(UsageError) {
      json = Invocation.flag("--json", in: given)
      if let value = Invocation.value("--color", in: given) {
        guard let choice = ColorChoice(rawValue: value) else {
          throw .invalidValue(option: "--color", value: value, expected: "auto, always or never")
        }
        color = choice
      }
      if let value = Invocation.value("--lang", in: given) {
        guard let language = Language(rawValue: value) else {
          throw .invalidValue(option: "--lang", value: value, expected: "en, tr or ja")
        }
        lang = language
      }
    }
  }

  private static func probeOptions(
    _ positionals: [String], _ given: [Given], _ output: OutputFlags
  ) throws(UsageError) -> ProbeOptions {
    let server = try value("--server", in: given).map { value throws(UsageError) in
      try serverTarget(value)
    }
    let target: ProbeTarget
    switch (positionals.first, server) {
    case (nil, nil): throw .missingTarget
    case (let domain?, nil):
      guard !domain.isEmpty, !domain.contains(where: { $0.isWhitespace || $0.isNewline }) else {
        throw .invalid("'\(domain)' is not a domain name")
      }
      target = .domain(domain)
    case (nil, let server?): target = server
    case (let domain?, _?): throw .conflict(domain, "--server")
    }
    if positionals.count > 1 { throw .unexpectedArgument(positionals[1], command: "probe") }

    var options = ProbeOptions(target: target)
    if let port = value("--port", in: given) {
      options.port = try portNumber(port, option: "--port")
      if case .server(_, _?) = target { throw .conflict("--port", "--server HOST:PORT") }
    }
    options.from = value("--from", in: given)
    options.to = given.filter { $0.name == "--to" }.compactMap(\.value)
    options.helo = value("--helo", in: given)
    if let stage = value("--quit-after", in: given) {
      guard ProbeOptions.quitAfterStages.contains(stage) else {
        throw .invalidValue(
          option: "--quit-after", value: stage,
          expected: ProbeOptions.quitAfterStages.joined(separator: ", "))
      }
      options.quitAfter = stage
    }
    if let mode = value("--tls", in: given) {
      guard ProbeOptions.tlsModes.contains(mode) else {
        throw .invalidValue(option: "--tls", value: mode, expected: "auto, require or off")
      }
      options.tls = mode
    }
    options.tlsOnConnect = flag("--tls-on-connect", in: given)
    options.tlsVerify = flag("--tls-verify", in: given)
    options.sni = value("--sni", in: given)
    options.cafile = value("--cafile", in: given)
    options.authUser = value("--auth-user", in: given)
    options.authPasswordFile = value("--auth-password-file", in: given)
    options.authMech = value("--auth-mech", in: given)
    options.authInsecure = flag("--auth-insecure", in: given)
    options.dataFile = value("--data", in: given)
    options.sendTestMessage = flag("--send-test-message", in: given)
    if options.dataFile != nil, options.sendTestMessage {
      throw .conflict("--data", "--send-test-message")
    }
    if let dns = value("--dns-server", in: given) {
      guard !dns.isEmpty, !dns.contains(where: \.isWhitespace) else {
        throw .invalidValue(option: "--dns-server", value: dns, expected: "IP[:PORT]")
      }
      options.dnsServer = dns
    }
    if let seconds = value("--timeout", in: given) {
      options.timeout = try duration(seconds, option: "--timeout")
    }
    if let seconds = value("--greeting-timeout", in: given) {
      options.greetingTimeout = try duration(seconds, option: "--greeting-timeout")
    }
    if let seconds = value("--connect-timeout", in: given) {
      options.connectTimeout = try duration(seconds, option: "--connect-timeout")
    }
    switch (flag("-4", in: given), flag("-6", in: given)) {
    case (true, true): throw .conflict("-4", "-6")
    case (true, false): options.family = .ipv4
    case (false, true): options.family = .ipv6
    case (false, false): options.family = .any
    }
    options.noPipelining = flag("--no-pipelining", in: given)
    options.allMX = flag("--all-mx", in: given)
    options.json = output.json
    options.color = output.color
    options.lang = output.lang
    return options
  }

  /// `HOST`, `HOST:PORT`, `[IPv6]`, `[IPv6]:PORT`, or a bare IPv6 literal.
  private static func serverTarget(_ text: String) throws(UsageError) -> ProbeTarget {
    let invalid = UsageError.invalidValue(
      option: "--server", value: text, expected: "HOST[:PORT], with IPv6 as [::1]:2525")
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { throw invalid }
      let host = String(text[text.index(after: text.startIndex)..<close])
      let rest = text[text.index(after: close)...]
      guard !host.isEmpty, host.contains(":") else { throw invalid }
      if rest.isEmpty { return .server(host: host, port: nil) }
      guard rest.hasPrefix(":") else { throw invalid }
      return .server(host: host, port: try portNumber(String(rest.dropFirst()), option: "--server"))
    }
    guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "/" }) else {
      throw invalid
    }
    let colons = text.filter { $0 == ":" }.count
    if colons == 0 { return .server(host: text, port: nil) }
    if colons > 1 {
      // A bare IPv6 literal; `::1:2525`-style host:port (not an address) needs brackets.
      guard SocketAddress(numericHost: text, port: 25)?.family == .ipv6 else { throw invalid }
      // `::1:2525` is also a valid address (its last group is hex 2525), but a user who types
      // it almost always means port 2525: refuse the ambiguity and show both spellings.
      if let lastColon = text.lastIndex(of: ":"),
        case let head = String(text[..<lastColon]),
        case let tail = text[text.index(after: lastColon)...],
        !tail.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }),
        Int(tail).map({ (1...65535).contains($0) }) == true,
        SocketAddress(numericHost: head, port: 25)?.family == .ipv6
      {
        throw .invalidValue(
          option: "--server", value: text,
          expected: "[\(head)]:\(tail) for port \(tail), or [\(text)] for that address")
      }
      return .server(host: text, port: nil)
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard !parts[0].isEmpty else { throw invalid }
    return .server(
      host: String(parts[0]), port: try portNumber(String(parts[1]), option: "--server"))
  }

  private static func portNumber(_ text: String, option: String) throws(UsageError) -> Int {
    guard let port = Int(text), (1...65535).contains(port) else {
      throw .invalidValue(option: option, value: text, expected: "a port number from 1 to 65535")
    }
    return port
  }

  private static func duration(_ text: String, option: String) throws(UsageError) -> Double {
    guard let seconds = Double(text), seconds.isFinite, seconds > 0 else {
      throw .invalidValue(option: option, value: text, expected: "a number of seconds above 0")
    }
    return seconds
  }
}
