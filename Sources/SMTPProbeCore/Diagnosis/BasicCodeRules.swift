/// What a basic reply code says on its own when the catalogue does not know it.
///
/// A catalogued code's category and retry advice are the catalogue's (`ReplyCodeEntry`); other
/// codes fall back to their class and second digit (RFC 5321 section 4.2.1: x0z syntax, x1z
/// information, x2z connections, x3z and x4z unspecified, x5z mail system).
enum BasicCodeRules {
  /// The category a code outside the known set gets from its class and second digit.
  static func fallbackCategory(for code: Int) -> DiagnosisCategory {
    guard (400...599).contains(code) else { return .other }
    switch code / 10 % 10 {
    case 0: return .syntaxError
    case 2: return .serviceUnavailable
    default: return .other
    }
  }

  /// The meaning of the second digit (RFC 5321 section 4.2.1).
  static func secondDigitMeaning(_ code: Int) -> String {
    switch code / 10 % 10 {
    case 0: "syntax"
    case 1: "information"
    case 2: "the connection"
    case 3: "unspecified (authentication in RFC 4954)"
    case 4: "unspecified"
    case 5: "the mail system"
    default: "no defined area"
    }
  }

  /// One line describing `code`: the catalogue's title when it has the code, else what its
  /// class and second digit say.
  static func describe(_ code: Int) -> String {
    if let entry = ReplyCodeCatalogue.entry(for: code) {
      return "\(code) \(entry.title) (\(entry.replyClass.title))"
    }
    guard let replyClass = ReplyClass(code: code) else {
      return code == 0
        ? "The reply carried no reply code."
        : "\(code) is not an SMTP reply code (RFC 5321 codes run from 200 to 599)."
    }
    return
      "\(code) is not a catalogued code: \(replyClass.title), about \(secondDigitMeaning(code))"
  }
}
