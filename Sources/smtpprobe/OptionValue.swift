import SMTPProbeCore

/// A value an option takes, parsed from its command-line text by the type itself.
///
/// The binder asks the type, never a string table: `--tls maybe` is refused with the type's own
/// list of valid values, and nothing downstream sees the text again.
protocol OptionValue: Sendable {
  /// Parses `argument` as typed; nil when it is not a valid value.
  init?(argument: String)
  /// What a valid value looks like, for "expected …" in an error.
  static var expected: String { get }
  /// How the value is written in the help text (`auto|require|off`, `SECONDS`).
  static var placeholder: String { get }
}

extension OptionValue where Self: CaseIterable & RawRepresentable, RawValue == String {
  init?(argument: String) { self.init(rawValue: argument) }

  /// Every case, "a, b or c".
  static var expected: String { OptionValueList.either(allCases.map(\.rawValue)) }

  /// Every case, `a|b|c`.
  static var placeholder: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// Joins a list of valid values as an error message names them.
enum OptionValueList {
  /// `a, b or c`; one value alone.
  static func either(_ values: [String]) -> String {
    guard let last = values.last, values.count > 1 else { return values.first ?? "" }
    return values.dropLast().joined(separator: ", ") + " or " + last
  }
}

extension DialoguePlan.TLSMode: OptionValue {}

extension DialoguePlan.Stage: OptionValue {
  static var placeholder: String { "STAGE" }
}

extension ColorChoice: OptionValue {}

extension Language: OptionValue {}

extension CommandKind: OptionValue {
  init?(argument: String) { self.init(name: argument) }

  static var expected: String { "a command such as greeting, ehlo, mail, rcpt, data or ." }
  static var placeholder: String { "COMMAND" }
}

/// A duration option in seconds: above 0 and at most one day.
///
/// Written as decimal digits with an optional fraction (`30`, `2.5`); exponents, `inf`, `nan`,
/// hexadecimal and signs are refused, so no deadline can overflow when it is added to the clock.
struct Seconds: OptionValue, Hashable {
  /// The longest duration any option takes: one day.
  static let maximum: Double = 86_400

  var value: Double

  init(_ value: Double) {
    self.value = value
  }

  init?(argument: String) {
    let parts = argument.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.count == 1 || !parts[1].isEmpty,
      !parts[0].isEmpty || parts.count == 2,
      parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
      argument.utf8.count <= 32, let value = Double(argument), value > 0,
      value <= Self.maximum
    else { return nil }
    self.value = value
  }

  static var expected: String { "a number of seconds above 0 and at most 86400 (one day)" }
  static var placeholder: String { "SECONDS" }
}

/// A TCP port, 1 to 65535, in decimal digits.
struct PortNumber: OptionValue, Hashable {
  var value: Int

  init?(argument: String) {
    guard (1...5).contains(argument.utf8.count),
      argument.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let value = Int(argument), (1...65535).contains(value)
    else { return nil }
    self.value = value
  }

  static var expected: String { "a port number from 1 to 65535" }
  static var placeholder: String { "N" }
}

/// How many addresses of one MX host to try (`--mx-address-limit`), 0 to 1000; 0 is no limit.
///
/// Postfix's `smtp_mx_address_limit` plays the same part, with the same default of 5 and the
/// same 0 for no limit.
struct AddressLimit: OptionValue, Hashable {
  /// The default, as Postfix's.
  static let standard = AddressLimit(5)
  /// The most any run may ask for.
  static let maximum = 1000

  var value: Int

  init(_ value: Int) {
    self.value = value
  }

  init?(argument: String) {
    guard (1...4).contains(argument.utf8.count),
      argument.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let value = Int(argument), (0...Self.maximum).contains(value)
    else { return nil }
    self.value = value
  }

  static var expected: String { "a whole number 0-\(maximum) (0: no limit)" }
  static var placeholder: String { "N" }
}

/// How many addresses one verify session checks (`--rcpt-per-session`), 1 to 1000.
///
/// RFC 5321 4.5.3.1.8 has servers accept at least 100 recipients per transaction; the default
/// of 50 stays well under it, leaving room for the catch-all probe.
struct RecipientCount: OptionValue, Hashable {
  static let standard = RecipientCount(50)
  static let maximum = 1000

  var value: Int

  init(_ value: Int) {
    self.value = value
  }

  init?(argument: String) {
    guard (1...4).contains(argument.utf8.count),
      argument.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let value = Int(argument), (1...Self.maximum).contains(value)
    else { return nil }
    self.value = value
  }

  static var expected: String { "a whole number 1-\(maximum)" }
  static var placeholder: String { "N" }
}
