/// Why `explain` cannot explain what it was given; each case reads as one line.
public enum ExplainError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Nothing to explain: no argument, or an empty reply text.
  case noInput
  /// Standard input held no reply.
  case emptyStandardInput
  /// More arguments than two codes.
  case tooManyArguments(count: Int)
  /// Two arguments, but not both three-digit reply codes.
  case cannotCompare(String)
  /// The same code given twice.
  case sameCodeTwice(Int)
  /// Digits, but not three of them.
  case notThreeDigits(String)
  /// Three digits whose first is outside 2 to 5 (RFC 5321 section 4.2).
  case notAReplyCode(Int)
  /// A well-formed code that no catalogued RFC defines.
  case uncatalogued(Int)
  /// Looks like `class.subject.detail` but breaks RFC 3463 section 2.
  case badEnhancedCode(String, reason: String)
  /// Neither a code nor a reply.
  case notUnderstood(String)
  /// A pasted reply whose code is outside 200 to 599.
  case replyCodeOutOfRange(Int)
  /// The pasted text crossed a parser bound.
  case unreadable(ReplyParserError)
  /// `--after` given for something that is not a reply.
  case afterWithoutReply
  /// The pasted text is longer than `explain` reads.
  case inputTooLarge(Int)
  /// Several lines of text, none of them a reply and no bounce quoting one.
  case noReplyFound
  /// The pasted text holds more replies than `explain` diagnoses at once.
  case tooManyReplies(Int)

  public var description: String {
    switch self {
    case .noInput:
      "explain needs a reply code, an enhanced status code or a reply text "
        + "(try 'smtpprobe explain --help')"
    case .emptyStandardInput:
      "standard input held no reply to explain"
    case .tooManyArguments(let count):
      "explain takes one reply, one enhanced code or at most two reply codes (got \(count) "
        + "arguments)"
    case .cannotCompare(let argument):
      "explain compares two three-digit reply codes; \(ExplainError.quoted(argument)) is not one"
    case .sameCodeTwice(let code):
      "both codes are \(code); give two different codes to compare"
    case .notThreeDigits(let argument):
      "\(ExplainError.quoted(argument)) is not a reply code: reply codes have three digits"
    case .notAReplyCode(let code):
      "\(code) is not an SMTP reply code: the first digit must be 2 to 5 (RFC 5321 4.2)"
    case .uncatalogued(let code):
      "\(code) is not a reply code smtpprobe knows (no RFC it catalogues defines it; "
        + "paste the whole reply to have it diagnosed)"
    case .badEnhancedCode(let argument, let reason):
      "\(ExplainError.quoted(argument)) is not an enhanced status code: \(reason)"
    case .notUnderstood(let argument):
      "\(ExplainError.quoted(argument)) is not a reply code, an enhanced status code "
        + "or an SMTP reply"
    case .replyCodeOutOfRange(let code):
      "the reply's code \(code) is not an SMTP reply code (RFC 5321 4.2 allows 200 to 599)"
    case .unreadable(let error):
      "cannot read the reply: \(error.description.replacingServerWording())"
    case .afterWithoutReply:
      "--after applies only to a pasted reply, not to a code"
    case .inputTooLarge(let limit):
      "the text is over \(limit / 1024) KiB; paste only the reply or the bounce message"
    case .noReplyFound:
      "found no SMTP reply in the text: a reply starts with a three-digit code (550 ...), "
        + "and a bounce quotes one after 'said:' or 'Diagnostic-Code: smtp;'"
    case .tooManyReplies(let limit):
      "the text holds more than \(limit) replies; paste one session at a time"
    }
  }

  /// `'text'` on one line: control characters shown as `?`, cut after 40 characters.
  static func quoted(_ text: String) -> String {
    var shown = String(
      text.unicodeScalars.prefix(40).map {
        $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0)
      })
    if text.unicodeScalars.count > 40 { shown += "…" }
    return "'\(shown)'"
  }
}

extension String {
  /// The parser's errors speak of "the server"; for pasted text, of "the text".
  fileprivate func replacingServerWording() -> String {
    var result = self
    for (from, to) in [
      ("the server sent ", "the text has "), ("the connection closed ", "it ends "),
    ]
    where result.hasPrefix(from) {
      result = to + result.dropFirst(from.count)
    }
    return result
  }
}
