/// What the user asked `explain` about, read from its arguments.
///
/// Three digits are a reply code (RFC 5321 section 4.2); `class.subject.detail` (or
/// `X.subject.detail`) an enhanced status code (RFC 3463 section 2); `-` means a reply on
/// standard input; anything else is taken as a pasted reply. Several words starting with a
/// reply code are one reply typed without quotes.
public enum ExplainQuery: Hashable, Sendable {
  /// One or two catalogued reply codes.
  case codes([Int])
  /// An enhanced status code; `statusClass` is nil for the registry's `X.` spelling.
  case enhanced(statusClass: Int?, subject: Int, detail: Int)
  /// A reply given as an argument.
  case replyText(String)
  /// A reply to read from standard input.
  case standardInput

  /// Reads the positional arguments of `explain`.
  public static func parse(_ arguments: [String]) throws(ExplainError) -> ExplainQuery {
    if let reply = unquotedReply(arguments) { return .replyText(reply) }
    switch arguments.count {
    case 0: throw .noInput
    case 1: break
    case 2:
      var codes: [Int] = []
      for argument in arguments {
        guard isDigits(argument) else { throw .cannotCompare(argument) }
        codes.append(try catalogued(argument))
      }
      if codes[0] == codes[1] { throw .sameCodeTwice(codes[0]) }
      return .codes(codes)
    default: throw .tooManyArguments(count: arguments.count)
    }
    let argument = arguments[0]
    if argument == "-" { return .standardInput }
    if isDigits(argument) { return .codes([try catalogued(argument)]) }
    if let enhanced = try enhancedCode(argument) { return enhanced }
    if argument.allSatisfy({ $0.isWhitespace }) { throw .noInput }
    return .replyText(argument)
  }

  /// The reply typed without quotes as several words, or nil.
  ///
  /// `550 5.1.1 user unknown` is one reply, and `5.1.1 550` is the reply `550 5.1.1`.
  /// Several bare codes stay codes.
  private static func unquotedReply(_ arguments: [String]) -> String? {
    guard arguments.count >= 2, !arguments.allSatisfy(isDigits) else { return nil }
    let isCode = { (text: String) in
      text.utf8.count == 3 && isDigits(text) && (2...5).contains((Int(text) ?? 0) / 100)
    }
    if isCode(arguments[0]) { return arguments.joined(separator: " ") }
    if arguments.count == 2, isCode(arguments[1]), (try? enhancedCode(arguments[0])) != nil {
      return arguments[1] + " " + arguments[0]
    }
    return nil
  }

  private static func isDigits(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
  }

  private static func catalogued(_ text: String) throws(ExplainError) -> Int {
    guard text.utf8.count == 3, let code = Int(text) else { throw .notThreeDigits(text) }
    guard (2...5).contains(code / 100) else { throw .notAReplyCode(code) }
    guard ReplyCodeCatalogue.entry(for: code) != nil else { throw .uncatalogued(code) }
    return code
  }

  /// An enhanced code when `text` has the dotted shape, nil when it does not look like one.
  private static func enhancedCode(_ text: String) throws(ExplainError) -> ExplainQuery? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 1,
      parts[0] == "X" || parts[0] == "x" || isDigits(String(parts[0])),
      isDigits(String(parts[1])), isDigits(String(parts[2]))
    else { return nil }
    guard parts[1].count <= 3, parts[2].count <= 3, let subject = Int(parts[1]),
      let detail = Int(parts[2])
    else {
      throw .badEnhancedCode(text, reason: "subject and detail have one to three digits")
    }
    let statusClass = Int(parts[0])
    if let statusClass, ![2, 4, 5].contains(statusClass) {
      throw .badEnhancedCode(text, reason: "the class must be 2, 4 or 5 (RFC 3463 2)")
    }
    guard (0...7).contains(subject) else {
      throw .badEnhancedCode(
        text, reason: "subject \(subject) is undefined (RFC 3463 defines subjects 0 to 7)")
    }
    return .enhanced(statusClass: statusClass, subject: subject, detail: detail)
  }
}
