import SMTPProbeCore
import SMTPProbePOSIX

/// A command line bound to a subcommand and its typed options.
///
/// `ParsedArguments` matches each option to its `Option` declaration; this binds the values to
/// `ExplainOptions` or `ProbeOptions`, each parsed by its own type, so nothing later re-reads
/// option text.
struct Invocation: Hashable, Sendable {
  /// What to run.
  enum Command: Hashable, Sendable {
    case help(HelpText.Topic)
    case version
    case explain(ExplainOptions)
    case probe(ProbeOptions)
    case verify(VerifyOptions)
    case check(CheckOptions)
  }

  var command: Command

  init(command: Command) {
    self.command = command
  }

  /// Binds `arguments` (argv without the tool name).
  init(arguments: [String]) throws(UsageError) {
    let parsed = try ParsedArguments(arguments)
    if parsed.has(.help) {
      let topic = parsed.command == .help ? parsed.positionals.first : parsed.command?.rawValue
      command = .help(Self.topic(topic))
      return
    }
    if parsed.has(.version) {
      command = .version
      return
    }
    guard let subcommand = parsed.command else { throw .missingCommand }
    if let option = parsed.firstOption(notFor: subcommand) {
      throw .optionNotForCommand(option: option.declaration.name, command: subcommand.rawValue)
    }
    let output = try OutputOptions(parsed)
    switch subcommand {
    case .help:
      guard parsed.positionals.count <= 1 else {
        throw .unexpectedArgument(parsed.positionals[1], command: "help")
      }
      if let topic = parsed.positionals.first, CommandName(rawValue: topic) == nil {
        throw .unknownCommand(topic)
      }
      command = .help(Self.topic(parsed.positionals.first))
    case .explain:
      var options = ExplainOptions(inputs: parsed.positionals)
      options.after = try parsed.value(.after, as: CommandKind.self)
      options.output = output
      command = .explain(options)
    case .probe:
      command = .probe(try ProbeOptions(parsed, output: output))
    case .verify:
      command = .verify(try VerifyOptions(parsed, output: output))
    case .check:
      command = .check(try CheckOptions(parsed, output: output))
    }
  }

  /// The exit status of a command line that could not be bound: 3 (UNKNOWN) for `check`,
  /// as monitoring systems read it (Nagios Plugin API), else 64 (`EX_USAGE`).
  static func usageStatus(_ arguments: [String]) -> ExitCode {
    var tokens = ArgumentTokens(arguments).tokens[...]
    while let token = tokens.popFirst() {
      switch token {
      case .terminator: continue
      case .value(let value, _): return value == "check" ? .unknownCheck : .usage
      case .option(let name, let attached, _):
        guard attached == nil, let option = Option.named(name) else { continue }
        if case .flag = option.declaration.arity { continue }
        if case .value = tokens.first { tokens.removeFirst() }
      }
    }
    return .usage
  }

  private static func topic(_ name: String?) -> HelpText.Topic {
    switch name {
    case "explain": .explain
    case "probe": .probe
    case "verify": .verify
    case "check": .check
    default: .tool
    }
  }
}

/// `--json`, `--color` and `--lang`, taken by every command.
struct OutputOptions: Hashable, Sendable {
  var json = false
  var color = ColorChoice.auto
  var lang = Language.en

  init() {}

  init(_ parsed: ParsedArguments) throws(UsageError) {
    json = parsed.has(.json)
    color = try parsed.value(.color, as: ColorChoice.self) ?? .auto
    lang = try parsed.value(.lang, as: Language.self) ?? .en
  }
}
