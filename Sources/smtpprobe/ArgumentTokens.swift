/// The command line split into typed tokens, each with its index in argv (after the tool name).
///
/// Splitting knows nothing of which options take values; `Invocation` binds values later
/// (the shape of swift-argument-parser's `SplitArguments`). `--name=value` keeps its attached
/// value; `-` alone and negative numbers of two or more digits (`-12`) are values, while a
/// single dash and digit is a short option (`-4`, `-6`); `--` ends options, and every later
/// argument is a value.
struct ArgumentTokens: Equatable {
  /// One element of the command line.
  enum Token: Equatable {
    /// `--name`, `--name=value` or `-x`; `name` includes its dashes.
    case option(name: String, attached: String?, index: Int)
    /// A positional argument or an option's separate value.
    case value(String, index: Int)
    /// `--`: options end here.
    case terminator(index: Int)
  }

  var tokens: [Token]

  init(_ arguments: [String]) {
    var tokens: [Token] = []
    var optionsEnded = false
    for (index, argument) in arguments.enumerated() {
      if optionsEnded {
        tokens.append(.value(argument, index: index))
      } else if argument == "--" {
        optionsEnded = true
        tokens.append(.terminator(index: index))
      } else if argument.hasPrefix("--") {
        if let equals = argument.firstIndex(of: "=") {
          let name = String(argument[..<equals])
          let value = String(argument[argument.index(after: equals)...])
          tokens.append(.option(name: name, attached: value, index: index))
        } else {
          tokens.append(.option(name: argument, attached: nil, index: index))
        }
      } else if argument.hasPrefix("-"), argument.count > 1,
        argument.count == 2 || !argument.dropFirst().allSatisfy(\.isASCIIDigitCharacter)
      {
        tokens.append(.option(name: argument, attached: nil, index: index))
      } else {
        tokens.append(.value(argument, index: index))
      }
    }
    self.tokens = tokens
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0 to 9.
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
