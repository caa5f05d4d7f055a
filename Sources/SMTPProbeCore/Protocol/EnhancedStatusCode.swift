/// An enhanced mail system status code `class.subject.detail` (RFC 3463 section 2).
///
/// The class is 2, 4 or 5; subject and detail are 1 to 3 digits without leading zeros
/// beyond the digit itself. Servers that advertise ENHANCEDSTATUSCODES (RFC 2034) put it at
/// the start of each reply line's text.
public struct EnhancedStatusCode: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// 2 (success), 4 (persistent transient failure) or 5 (permanent failure).
  public let statusClass: Int
  /// What the status is about: 0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network and
  /// routing, 5 mail delivery protocol, 6 message content, 7 security or policy.
  public let subject: Int
  /// The specific condition within the subject.
  public let detail: Int

  /// Makes a code from its three parts, or nil when a part is out of range (RFC 3463 section 2).
  public init?(statusClass: Int, subject: Int, detail: Int) {
    guard [2, 4, 5].contains(statusClass), (0...999).contains(subject), (0...999).contains(detail)
    else { return nil }
    self.statusClass = statusClass
    self.subject = subject
    self.detail = detail
  }

  /// Parses exactly `X.Y.Z` (for example `5.1.1`), or returns nil.
  public init?(_ text: some StringProtocol) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }),
      parts[0].count == 1,
      let c = Int(parts[0]), let s = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(statusClass: c, subject: s, detail: d)
  }

  /// Reads an enhanced code at the start of a reply line's text ("5.1.1 User unknown"), returning
  /// the code and the number of UTF-8 bytes it used including one following space, or nil.
  ///
  /// Works on the UTF-8 bytes: it runs once per reply line, on the parser's hot path.
  public static func prefix(of text: Substring) -> (code: EnhancedStatusCode, length: Int)? {
    var parts = (0, 0, 0)
    var digits = 0
    var part = 0
    var used = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits += 1
        guard digits <= 3 else { return nil }
        let value = Int(byte &- UInt8(ascii: "0"))
        switch part {
        case 0: parts.0 = parts.0 * 10 + value
        case 1: parts.1 = parts.1 * 10 + value
        default: parts.2 = parts.2 * 10 + value
        }
      case UInt8(ascii: "."):
        // The class is one digit; subject and detail are one to three (RFC 3463 section 2).
        guard digits > 0, part < 2, part > 0 || digits == 1 else { return nil }
        part += 1
        digits = 0
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        guard part == 2, digits > 0 else { return nil }
        return finish(parts, length: used + 1)
      default:
        return nil
      }
      used += 1
    }
    guard part == 2, digits > 0 else { return nil }
    return finish(parts, length: used)
  }

  private static func finish(_ parts: (Int, Int, Int), length: Int)
    -> (code: EnhancedStatusCode, length: Int)?
  {
    guard let code = EnhancedStatusCode(statusClass: parts.0, subject: parts.1, detail: parts.2)
    else { return nil }
    return (code, length)
  }

  /// `class.subject` followed by `.detail`, for example `5.7.1`.
  public var description: String { "\(statusClass).\(subject).\(detail)" }

  /// The reply class that matches this code's class digit.
  public var replyClass: ReplyClass? { ReplyClass(firstDigit: statusClass) }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.statusClass, lhs.subject, lhs.detail) < (rhs.statusClass, rhs.subject, rhs.detail)
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0 to 9.
  var isASCIIDigit: Bool { isASCII && isNumber }
}
