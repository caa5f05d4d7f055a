/// A value that cannot go on the wire, found before anything is sent (the CLI exits 64).
///
/// Each message names the value and the rule it breaks, on one line. Values are shown with
/// control characters escaped, so the message itself is always safe to print.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The value contains CR, LF, NUL or another control character (RFC 5321 2.3.8, 4.1.2).
  case controlCharacter(InputField, value: String, character: UInt32)
  /// The value is empty.
  case empty(InputField)
  /// A local part over 64 octets (RFC 5321 4.5.3.1.1).
  case localPartTooLong(InputField, value: String, octets: Int)
  /// A domain over 255 octets (RFC 5321 4.5.3.1.2).
  case domainTooLong(InputField, value: String, octets: Int)
  /// A path, angle brackets included, over 256 octets (RFC 5321 4.5.3.1.3).
  case pathTooLong(InputField, value: String, octets: Int)
  /// The address does not match RFC 5321 4.1.2 `Mailbox`; `reason` says where.
  case invalidAddress(InputField, value: String, reason: String)
  /// The domain or address literal does not match RFC 5321 4.1.2 / 4.1.3; `reason` says where.
  case invalidDomain(InputField, value: String, reason: String)
  /// The null path `<>` is only a reverse-path (MAIL FROM), never a recipient (RFC 5321 4.1.1.3).
  case nullRecipient
  /// An ESMTP parameter that is not `keyword[=value]` (RFC 5321 4.1.2 `esmtp-param`).
  case invalidParameter(value: String, reason: String)
  /// A combination of options the dialogue cannot carry out.
  case unsupportedPlan(reason: String)

  public var description: String {
    switch self {
    case .controlCharacter(let field, let value, let character):
      return "\(field.rawValue) \(Self.quote(value)) contains the control character "
        + "\(Self.name(of: character)); RFC 5321 allows none in a command (2.3.8, 4.1.2)"
    case .empty(let field):
      return "\(field.rawValue) is empty"
    case .localPartTooLong(let field, let value, let octets):
      return "\(field.rawValue) \(Self.quote(value)): local part is \(octets) octets, "
        + "over the 64-octet limit (RFC 5321 4.5.3.1.1)"
    case .domainTooLong(let field, let value, let octets):
      return "\(field.rawValue) \(Self.quote(value)): domain is \(octets) octets, "
        + "over the 255-octet limit (RFC 5321 4.5.3.1.2)"
    case .pathTooLong(let field, let value, let octets):
      return "\(field.rawValue) \(Self.quote(value)): path <...> is \(octets) octets, "
        + "over the 256-octet limit (RFC 5321 4.5.3.1.3)"
    case .invalidAddress(let field, let value, let reason):
      return "\(field.rawValue) \(Self.quote(value)) is not a valid address: \(reason) "
        + "(RFC 5321 4.1.2)"
    case .invalidDomain(let field, let value, let reason):
      return "\(field.rawValue) \(Self.quote(value)) is not a valid domain or address literal: "
        + "\(reason) (RFC 5321 4.1.2, 4.1.3)"
    case .nullRecipient:
      return "recipient address (--to) \"<>\": the null path is only allowed as the sender "
        + "(RFC 5321 4.1.1.3)"
    case .invalidParameter(let value, let reason):
      return "command parameter \(Self.quote(value)) is not valid: \(reason) (RFC 5321 4.1.2)"
    case .unsupportedPlan(let reason):
      return reason
    }
  }

  /// The value in double quotes, control characters and backslashes escaped.
  static func quote(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case 0x0D: out += "\\r"
      case 0x0A: out += "\\n"
      case 0x09: out += "\\t"
      case 0x00: out += "\\0"
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case let v where v < 0x20 || (0x7F...0x9F).contains(v):
        out += "\\u{\(String(v, radix: 16, uppercase: true))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// The usual name of a control character (`CR`, `LF`, `NUL`) or its code point.
  static func name(of character: UInt32) -> String {
    switch character {
    case 0x00: "NUL"
    case 0x09: "TAB"
    case 0x0A: "LF"
    case 0x0D: "CR"
    case 0x1B: "ESC"
    case 0x7F: "DEL"
    default:
      "U+" + String(repeating: "0", count: max(0, 4 - String(character, radix: 16).count))
        + String(character, radix: 16, uppercase: true)
    }
  }
}
