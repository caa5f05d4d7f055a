import SMTPProbeCore

/// A command line smtpprobe cannot run; each case names the offending input in one line, with
/// control and invisible characters escaped (`InputError.escaped`).
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
  /// `verify` with neither an address nor `--file`.
  case missingAddresses
  case invalid(String)

  var description: String {
    let e = InputError.escaped
    return switch self {
    case .missingCommand:
      "missing command (try 'smtpprobe --help')"
    case .unknownCommand(let name):
      "unknown command '\(e(name))' (try 'smtpprobe --help')"
    case .unknownOption(let name):
      "unknown option '\(e(name))'"
    case .optionNotForCommand(let option, let command):
      "option '\(e(option))' does not apply to '\(command)'"
    case .missingValue(let option):
      "option '\(e(option))' needs a value"
    case .unexpectedValue(let option):
      "option '\(e(option))' takes no value"
    case .invalidValue(let option, let value, let expected):
      "invalid value '\(e(value))' for '\(e(option))': expected \(expected)"
    case .repeated(let option):
      "option '\(e(option))' given more than once"
    case .conflict(let a, let b):
      "'\(e(a))' and '\(e(b))' cannot be used together"
    case .unexpectedArgument(let argument, let command):
      "unexpected argument '\(e(argument))' for '\(command)'"
    case .missingTarget:
      "probe needs a DOMAIN or --server HOST[:PORT] (try 'smtpprobe probe --help')"
    case .missingAddresses:
      "verify needs an ADDRESS or --file PATH|- (try 'smtpprobe verify --help')"
    case .invalid(let message):
      message
    }
  }
}
