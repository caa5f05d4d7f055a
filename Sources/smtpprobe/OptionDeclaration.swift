/// Everything the tool knows about one option: its names, its value, its help line and which
/// commands take it.
///
/// Parsing, `--help` and every usage error read this one declaration (the shape of
/// swift-argument-parser's `ArgumentDefinition`), so an option's name is written once.
struct OptionDeclaration: Sendable {
  /// Whether the option takes a value, and how many times it may be given.
  enum Arity: Hashable, Sendable {
    /// A flag: present or not; `--flag=value` is refused.
    case flag
    /// One value; giving the option twice is refused.
    case value(placeholder: String)
    /// A value that may be given several times, kept in order.
    case repeatedValue(placeholder: String)
  }

  /// The group an option is listed under in the help text.
  enum Section: String, CaseIterable, Sendable {
    case explain = "Options"
    case verify = "Verify"
    case dialogue = "Dialogue"
    case tlsAndAuth = "TLS and AUTH"
    case network = "Network"
    case check = "Checks and reports"
    case output = "Output options"
  }

  /// The long name with its dashes (`--tls`), or a short name alone (`-4`).
  let name: String
  /// A one-letter alias (`-h`), if any.
  let short: String?
  let arity: Arity
  /// The help line; wrapped under the option's name when both do not fit one line.
  let help: String
  /// The commands that take it; empty means every command.
  let commands: Set<CommandName>
  let section: Section

  /// A flag: present or not.
  init(
    _ name: String, short: String? = nil, _ section: Section, for commands: Set<CommandName> = [],
    help: String
  ) {
    self.init(name, short: short, .flag, section, for: commands, help: help)
  }

  init(
    _ name: String, short: String? = nil, _ arity: Arity, _ section: Section,
    for commands: Set<CommandName> = [], help: String
  ) {
    self.name = name
    self.short = short
    self.arity = arity
    self.help = help
    self.commands = commands
    self.section = section
  }

  /// Whether `command` takes this option.
  func applies(to command: CommandName) -> Bool {
    commands.isEmpty || commands.contains(command)
  }

  /// The left column of the help text: `-h, --help`, `--tls auto|require|off`.
  var synopsis: String {
    let names = short.map { "\($0), \(name)" } ?? name
    switch arity {
    case .flag: return names
    case .value(let placeholder), .repeatedValue(let placeholder): return "\(names) \(placeholder)"
    }
  }
}

/// The commands of the tool.
enum CommandName: String, CaseIterable, Hashable, Sendable {
  case explain
  case probe
  case verify
  case check
  case help
}
