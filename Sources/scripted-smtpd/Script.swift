/// A parsed script: the steps replayed on every connection, from the start.
struct Script: Hashable, Sendable {
  var steps: [ScriptStep]

  /// Parses script text; throws with the line number of the first bad line.
  init(parsing text: String) throws(ScriptError) {
    steps = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let keyword = trimmed.prefix { $0 != " " }
      var argument = trimmed.dropFirst(keyword.count)
      if argument.hasPrefix(" ") { argument = argument.dropFirst() }
      let number = index + 1
      switch keyword {
      case "send":
        steps.append(.send(try Self.unescape(argument, line: number) + [0x0D, 0x0A]))
      case "sendraw":
        steps.append(.send(try Self.unescape(argument, line: number)))
      case "expect":
        let prefix = argument.trimmingSpaces()
        guard !prefix.isEmpty else {
          throw ScriptError(line: number, message: "expect needs a prefix or *")
        }
        steps.append(.expect(prefix: prefix == "*" ? "" : prefix))
      case "expect-data":
        steps.append(.expectData)
      case "delay":
        guard let milliseconds = Int(argument.trimmingSpaces()), milliseconds >= 0 else {
          throw ScriptError(line: number, message: "delay needs milliseconds")
        }
        steps.append(.delay(milliseconds: milliseconds))
      case "close":
        steps.append(.close)
      case "reset":
        steps.append(.reset)
      default:
        throw ScriptError(line: number, message: "unknown step '\(keyword)'")
      }
    }
  }

  /// Turns `\r`, `\n`, `\t`, `\\` and `\xHH` into bytes.
  static func unescape(_ text: Substring, line: Int) throws(ScriptError) -> [UInt8] {
    var out: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    while let byte = bytes.popFirst() {
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        continue
      }
      switch bytes.popFirst() {
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "x"):
        let digits = String(decoding: bytes.prefix(2), as: UTF8.self)
        guard digits.count == 2, let value = UInt8(digits, radix: 16) else {
          throw ScriptError(line: line, message: "\\x needs two hex digits")
        }
        bytes = bytes.dropFirst(2)
        out.append(value)
      default:
        throw ScriptError(line: line, message: "unknown escape")
      }
    }
    return out
  }
}

/// A script line that does not parse.
struct ScriptError: Error, CustomStringConvertible {
  var line: Int
  var message: String

  var description: String { "script line \(line): \(message)" }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
