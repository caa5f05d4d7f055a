/// A command line split into its command, its positional arguments and its options, each
/// option matched to its declaration; no value is interpreted yet.
///
/// Options may come before or after positional arguments; `--opt=value` and `--opt value` both
/// work; `--` ends options. The first problem, left to right, is thrown.
struct ParsedArguments {
  /// One option as given, with its value.
  struct Given {
    let option: Option
    let value: String?
  }

  private(set) var command: CommandName?
  private(set) var positionals: [String] = []
  private(set) var given: [Given] = []

  init(_ arguments: [String]) throws(UsageError) {
    var tokens = ArgumentTokens(arguments).tokens[...]
    while let token = tokens.popFirst() {
      switch token {
      case .terminator:
        continue
      case .value(let value, _):
        if command == nil {
          guard let name = CommandName(rawValue: value) else { throw .unknownCommand(value) }
          command = name
        } else {
          positionals.append(value)
        }
      case .option(let name, let attached, _):
        guard let option = Option.named(name) else { throw .unknownOption(name) }
        let declaration = option.declaration
        let value: String?
        switch declaration.arity {
        case .flag:
          if attached != nil { throw .unexpectedValue(option: name) }
          value = nil
        case .value, .repeatedValue:
          if let attached {
            value = attached
          } else if case .value(let next, _) = tokens.first {
            tokens.removeFirst()
            value = next
          } else if case .option(let next, nil, _) = tokens.first, Self.isNegativeNumber(next) {
            // `--port -1`: a number the user meant as the value, refused later with its reason.
            tokens.removeFirst()
            value = next
          } else {
            throw .missingValue(option: name)
          }
        }
        if case .repeatedValue = declaration.arity {
        } else if given.contains(where: { $0.option == option }) {
          throw .repeated(option: declaration.name)
        }
        given.append(Given(option: option, value: value))
      }
    }
  }

  /// Whether `option` was given.
  func has(_ option: Option) -> Bool {
    given.contains { $0.option == option }
  }

  /// The value of a single-valued option, as typed.
  func text(_ option: Option) -> String? {
    given.last { $0.option == option }?.value
  }

  /// Every value of a repeatable option, in order.
  func texts(_ option: Option) -> [String] {
    given.filter { $0.option == option }.compactMap(\.value)
  }

  /// The value of `option` parsed as `type`; an invalid one names the valid values.
  func value<Value: OptionValue>(_ option: Option, as type: Value.Type) throws(UsageError)
    -> Value?
  {
    guard let text = text(option) else { return nil }
    guard let value = Value(argument: text) else {
      throw .invalidValue(option: option.declaration.name, value: text, expected: Value.expected)
    }
    return value
  }

  /// The first option given that `command` does not take.
  func firstOption(notFor command: CommandName) -> Option? {
    given.first { !$0.option.declaration.applies(to: command) }?.option
  }

  private static func isNegativeNumber(_ text: String) -> Bool {
    text.count > 1 && text.hasPrefix("-")
      && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
  }
}
