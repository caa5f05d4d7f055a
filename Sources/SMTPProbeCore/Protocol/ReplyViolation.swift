/// A way in which a reply departs from RFC 5321 section 4.2, recorded instead of rejected.
///
/// Real servers bend the grammar; a probe must still show what they said. Each violation keeps
/// the zero-based index of the line it was seen on.
public enum ReplyViolation: Hashable, Sendable, CustomStringConvertible {
  /// The line ended in LF without the CR that RFC 5321 section 2.3.8 requires.
  case bareLineFeed(line: Int)
  /// A continuation line carried a different code from the first line (RFC 5321 4.2.1).
  case codeChanged(line: Int, from: Int, to: Int)
  /// The line exceeded the 512-octet reply line limit (RFC 5321 section 4.5.3.1.5).
  case lineTooLong(line: Int, octets: Int)
  /// The character after the code was neither a space nor a hyphen (`250x`).
  case badSeparator(line: Int, found: UInt8)
  /// The line was shorter than a three-digit code (`25`) or did not start with digits.
  case missingCode(line: Int)
  /// The code's first digit is outside 2 to 5, or its second digit outside 0 to 5 (RFC 5321 4.2).
  case codeOutOfRange(line: Int, code: Int)
  /// The line carried octets above 127, which SMTP replies must not contain without SMTPUTF8.
  case nonASCII(line: Int)
  /// The line carried a NUL octet.
  case nulByte(line: Int)
  /// The line carried a control character other than HT.
  case controlCharacter(line: Int)
  /// Text came before the code (for example a stray banner or log line before `220`).
  case textBeforeCode(line: Int)

  /// The zero-based line of the reply the violation was seen on.
  public var line: Int {
    switch self {
    case .bareLineFeed(let line), .codeChanged(let line, _, _), .lineTooLong(let line, _),
      .badSeparator(let line, _), .missingCode(let line), .codeOutOfRange(let line, _),
      .nonASCII(let line), .nulByte(let line), .controlCharacter(let line),
      .textBeforeCode(let line):
      return line
    }
  }

  /// A short stable identifier, as used in JSON output.
  public var identifier: String {
    switch self {
    case .bareLineFeed: "bare-lf"
    case .codeChanged: "code-changed"
    case .lineTooLong: "line-too-long"
    case .badSeparator: "bad-separator"
    case .missingCode: "missing-code"
    case .codeOutOfRange: "code-out-of-range"
    case .nonASCII: "non-ascii"
    case .nulByte: "nul-byte"
    case .controlCharacter: "control-character"
    case .textBeforeCode: "text-before-code"
    }
  }

  /// One sentence a person can read, citing the rule that was broken.
  public var description: String {
    let at = "line \(line + 1)"
    switch self {
    case .bareLineFeed:
      return "\(at): ends in a bare LF instead of CRLF (RFC 5321 2.3.8)"
    case .codeChanged(_, let from, let to):
      return "\(at): code changed from \(from) to \(to) inside a multi-line reply (RFC 5321 4.2.1)"
    case .lineTooLong(_, let octets):
      return "\(at): \(octets) octets, over the 512-octet reply line limit (RFC 5321 4.5.3.1.5)"
    case .badSeparator(_, let found):
      let shown =
        (0x21...0x7E).contains(found)
        ? "'\(Character(Unicode.Scalar(found)))'" : "byte 0x\(String(found, radix: 16))"
      return "\(at): \(shown) after the code where a space or '-' belongs (RFC 5321 4.2)"
    case .missingCode:
      return "\(at): does not start with a three-digit reply code (RFC 5321 4.2)"
    case .codeOutOfRange(_, let code):
      return "\(at): code \(code) is outside the ranges RFC 5321 4.2 defines (2-5, then 0-5)"
    case .nonASCII:
      return "\(at): contains octets above 127 (RFC 5321 4.2 wants US-ASCII text)"
    case .nulByte:
      return "\(at): contains a NUL octet"
    case .controlCharacter:
      return "\(at): contains a control character"
    case .textBeforeCode:
      return "\(at): text before the reply code"
    }
  }
}
