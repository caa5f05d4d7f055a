/// A JSON value whose objects keep their keys in the order they were written.
///
/// Output keys are part of smtpprobe's interface (DESIGN.md, "JSON"), so objects are ordered
/// lists rather than dictionaries: the same input always prints the same bytes. Serialization
/// follows RFC 8259; strings are escaped per section 7, and U+2028/U+2029 are escaped as well
/// so the output is also safe to embed in JavaScript.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  /// A finite number; NaN and infinities serialize as `null` (RFC 8259 section 6 has no
  /// spelling for them).
  case double(Double)
  case string(String)
  case array([JSONValue])
  /// Members in output order; keys should be unique.
  case object([(key: String, value: JSONValue)])

  /// A string, or `null` when `value` is nil.
  public init(_ value: String?) {
    self = value.map { .string($0) } ?? .null
  }

  /// An integer, or `null` when `value` is nil.
  public init(_ value: Int?) {
    self = value.map { .int($0) } ?? .null
  }

  /// An array of strings.
  public init(_ values: [String]) {
    self = .array(values.map { .string($0) })
  }

  /// The value of `key` when this is an object holding it.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The text on one line, with no spaces: the form for JSON Lines.
  public var compact: String {
    var out = ""
    write(to: &out, indent: nil, depth: 0)
    return out
  }

  /// The text indented by two spaces per level, `"key": value`, without a final newline.
  public var pretty: String {
    var out = ""
    write(to: &out, indent: "  ", depth: 0)
    return out
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.double(let a), .double(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  private func write(to out: inout String, indent: String?, depth: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .double(let value): out += value.isFinite ? String(value) : "null"
    case .string(let value): JSONValue.writeString(value, to: &out)
    case .array(let elements):
      guard !elements.isEmpty else {
        out += "[]"
        return
      }
      out += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { out += "," }
        JSONValue.newline(&out, indent: indent, depth: depth + 1)
        element.write(to: &out, indent: indent, depth: depth + 1)
      }
      JSONValue.newline(&out, indent: indent, depth: depth)
      out += "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        JSONValue.newline(&out, indent: indent, depth: depth + 1)
        JSONValue.writeString(member.key, to: &out)
        out += indent == nil ? ":" : ": "
        member.value.write(to: &out, indent: indent, depth: depth + 1)
      }
      JSONValue.newline(&out, indent: indent, depth: depth)
      out += "}"
    }
  }

  private static func newline(_ out: inout String, indent: String?, depth: Int) {
    guard let indent else { return }
    out += "\n"
    for _ in 0..<depth { out += indent }
  }

  /// Writes `value` as a JSON string (RFC 8259 section 7): quote, backslash and every control
  /// character escaped; other characters, non-ASCII included, as UTF-8.
  private static func writeString(_ value: String, to out: inout String) {
    out += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\u{2028}", "\u{2029}": out += "\\u\(hex4(scalar.value))"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u\(hex4(scalar.value))"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
  ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// An object with the members in the order written.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(elements.map { (key: $0.0, value: $0.1) })
  }
  public init(nilLiteral: ()) { self = .null }
}
