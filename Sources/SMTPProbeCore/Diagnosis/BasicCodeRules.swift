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

  /// The finding from the basic code alone: the catalogue's category when it has the code,
  /// else the category its class and second digit point to.
  static func finding(code: Int, replyClass: ReplyClass?, evidence: Evidence) -> Finding {
    guard let replyClass else {
      return Finding(
        category: .other,
        summary: code == 0
          ? "The reply has no reply code: it cannot be classified"
          : "Reply code \(code) is not a valid SMTP code: it cannot be classified",
        explanation:
          "RFC 5321 replies start with a three-digit code from 200 to 599; this one does not, so only its text can say what happened.",
        fix: "Check that you are talking to an SMTP server on the right port, and read the text.",
        retry: nil, evidence: evidence)
    }
    if code == 550, let entry = ReplyCodeCatalogue.entry(for: code) {
      // The card's own words: "mailbox unavailable" covers both a missing mailbox and a policy.
      return Finding(
        category: entry.category,
        summary: "Refused (550): \(ContextRules.unavailableOrPolicy)",
        explanation:
          "550 means the requested action was not taken because the mailbox is unavailable (RFC 5321 section 4.2.2); servers send it for unknown addresses and for policy refusals alike. Without a mailbox phrase, an enhanced code or the command it answered, it cannot be told which.",
        fix: entry.fix, retry: entry.retry, evidence: evidence)
    }
    if let entry = ReplyCodeCatalogue.entry(for: code) {
      return Finding.advice(entry.category, retry: entry.retry, evidence: evidence)
    }
    let category = fallbackCategory(for: code)
    let advice = CategoryAdvice.of(category)
    let transient = replyClass == .transientNegative
    return Finding(
      category: category,
      summary:
        "\(transient ? "Temporary" : "Permanent") refusal \(code) about \(secondDigitMeaning(code))",
      explanation:
        "\(code) is not a standard code. Its first digit makes it \(replyClass.title.lowercased()) and its second digit points to \(secondDigitMeaning(code)) (RFC 5321 section 4.2.1).",
      fix: transient ? "Retry later; read the text for details." : advice.fix, retry: nil,
      evidence: evidence)
  }
}
