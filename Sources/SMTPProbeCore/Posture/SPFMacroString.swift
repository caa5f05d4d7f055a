/// An SPF `macro-string` (RFC 7208 7.1): literal text and `%{...}` macros, expanded per
/// check_host() call.
///
/// A macro is a letter (`s l o d i p h v`; `c r t` only in explanations, 7.2), an optional
/// count of right-hand parts to keep, `r` to reverse them, and delimiters to split on (`.` by
/// default); an upper-case letter URL-escapes the value (7.3). `%%`, `%_` and `%-` stand for
/// `%`, a space and `%20`.
public struct SPFMacroString: Hashable, Sendable, CustomStringConvertible {
  /// One macro expansion.
  public struct Macro: Hashable, Sendable {
    public var letter: Character
    public var escaped: Bool
    public var keep: Int?
    public var reverse: Bool
    public var delimiters: [Character]
  }

  /// Literal text or a macro.
  public enum Piece: Hashable, Sendable {
    case literal(String)
    case macro(Macro)
  }

  /// Why a macro-string does not parse; `offset` counts characters from its start.
  public struct Problem: Error, Hashable, Sendable {
    public var offset: Int
    public var text: String
  }

  public var pieces: [Piece]
  /// The text as written.
  public var description: String

  /// Whether it holds any macro, so that its value depends on the message.
  public var hasMacros: Bool {
    pieces.contains { if case .macro = $0 { true } else { false } }
  }

  /// Parses `text`; `explanation` allows the `c`, `r` and `t` letters (RFC 7208 7.2).
  public static func parse(_ text: String, explanation: Bool = false) throws(Problem)
    -> SPFMacroString
  {
    let characters = Array(text)
    var pieces: [Piece] = []
    var literal = ""
    var index = 0
    let letters: Set<Character> = explanation ? Set("slodiphcrtv") : Set("slodiphv")
    while index < characters.count {
      let character = characters[index]
      guard character == "%" else {
        guard let ascii = character.asciiValue, (0x21...0x7E).contains(ascii) else {
          throw Problem(offset: index, text: String(character))
        }
        literal.append(character)
        index += 1
        continue
      }
      guard index + 1 < characters.count else { throw Problem(offset: index, text: "%") }
      switch characters[index + 1] {
      case "%": literal.append("%")
      case "_": literal.append(" ")
      case "-": literal.append("%20")
      case "{":
        guard let close = characters[index...].firstIndex(of: "}") else {
          throw Problem(offset: index, text: String(characters[index...]))
        }
        let body = Array(characters[(index + 2)..<close])
        guard let macro = Self.macro(body, letters: letters) else {
          throw Problem(offset: index, text: String(characters[index...close]))
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        literal = ""
        pieces.append(.macro(macro))
        index = close + 1
        continue
      default:
        throw Problem(offset: index, text: String(characters[index...(index + 1)]))
      }
      index += 2
    }
    if !literal.isEmpty { pieces.append(.literal(literal)) }
    return SPFMacroString(pieces: pieces, description: text)
  }

  /// `letter transformers *delimiter` (RFC 7208 7.1), or nil.
  private static func macro(_ body: [Character], letters: Set<Character>) -> Macro? {
    guard let first = body.first, let lower = first.lowercased().first, letters.contains(lower)
    else { return nil }
    var index = 1
    var digits = ""
    while index < body.count, body[index].isASCII, body[index].isNumber {
      digits.append(body[index])
      index += 1
    }
    var reverse = false
    if index < body.count, body[index] == "r" || body[index] == "R" {
      reverse = true
      index += 1
    }
    let delimiters = Array(body[index...])
    guard delimiters.allSatisfy({ ".-+,/_=".contains($0) }) else { return nil }
    var keep: Int?
    if !digits.isEmpty {
      // RFC 7208 7.1: a count of zero is a syntax error; large counts keep every part.
      guard let value = Int(digits.prefix(4)), value > 0 else { return nil }
      keep = value
    }
    return Macro(
      letter: lower, escaped: first.isUppercase, keep: keep, reverse: reverse,
      delimiters: delimiters.isEmpty ? ["."] : delimiters)
  }

  /// The expanded text for `context` (RFC 7208 7.3).
  ///
  /// Parts are split on the delimiters, reversed
  /// when asked, the rightmost `keep` kept, joined with dots; URL-escaped for upper-case
  /// letters. A domain name longer than 253 characters loses labels from the left (7.3).
  public func expand(_ context: SPFMacroContext, domainName: Bool = true) -> String {
    var text = ""
    for piece in pieces {
      switch piece {
      case .literal(let literal): text += literal
      case .macro(let macro):
        var parts = context.value(of: macro.letter)
          .split(whereSeparator: { macro.delimiters.contains($0) }).map(String.init)
        if macro.reverse { parts.reverse() }
        if let keep = macro.keep, keep < parts.count { parts = Array(parts.suffix(keep)) }
        let value = parts.joined(separator: ".")
        text += macro.escaped ? Self.urlEscaped(value) : value
      }
    }
    guard domainName else { return text }
    while text.utf8.count > 253, let dot = text.firstIndex(of: ".") {
      text = String(text[text.index(after: dot)...])
    }
    return text
  }

  /// RFC 3986 unreserved characters kept, everything else as %XX (RFC 7208 7.3).
  private static func urlEscaped(_ text: String) -> String {
    var output = ""
    for byte in text.utf8 {
      let scalar = Unicode.Scalar(byte)
      if scalar.properties.isAlphabetic && byte < 0x80 || (0x30...0x39).contains(byte)
        || "-._~".unicodeScalars.contains(scalar)
      {
        output.unicodeScalars.append(scalar)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        output += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return output
  }
}
