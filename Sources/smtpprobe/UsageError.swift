/// A command line smtpprobe cannot run; each case names the offending input in one line.
enum UsageError: Error, Hashable, Sendable, CustomStringConvertible {
  case missingCommand
  case unknownCommand(String)
  case unknownOption(String)
  case optionNotForCommand(option: String, command: String)
  case missingValue(option: String)
  case unexpectedValue(option: String)
  case invalidValue(option: String, value: String, expected: String)
  case repeated(option: String)
  case conflict(String, String)
  case unexpectedArgument(String, command: String)
  case missingTarget
  case invalid(String)

  var description: String {
    switch self {
    case .missingCommand:
      "missing command (try 'smtpprobe --help')"
    case .unknownCommand(let name):
      "unknown command '\(name)' (try 'smtpprobe --help')"
    case .unknownOption(let name):
      "unknown option '\(name)'"
    case .optionNotForCommand(let option, let command):
      "option '\(option)' does not apply to '\(command)'"
    case .missingValue(let option):
      "option '\(option)' needs a value"
    case .unexpectedValue(let option):
      "option '\(option)' takes no value"
    case .invalidValue(let option, let value, let expected):
      "invalid value '\(value)' for '\(option)': expected \(expected)"
    case .repeated(let option):
      "option '\(option)' given more than once"
    case .conflict(let a, let b):
      "'\(a)' and '\(b)' cannot be used together"
    case .unexpectedArgument(let argument, let command):
      "unexpected argument '\(argument)' for '\(command)'"
    case .missingTarget:
      "probe needs a DOMAIN or --server HOST[:PORT] (try 'smtpprobe probe --help')"
    case .invalid(let message):
      message
    }
  }
}
