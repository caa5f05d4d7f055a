/// Compares two reply codes the way the reference pages do: class, meaning, when you meet each,
/// and what to do about each (`smtpprobe explain 251 421`).
public enum CodeComparison {
  /// The intro paragraph: both classes, then what each code means.
  public static func summary(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> String {
    let opening: String
    if a.replyClass == b.replyClass {
      opening =
        "SMTP \(a.code) (\(a.title)) and \(b.code) (\(b.title)) are both \(a.classLabel) replies."
    } else {
      opening =
        "SMTP \(a.code) (\(a.title)) is a \(a.classLabel) reply, while \(b.code) (\(b.title)) is a \(b.classLabel) reply."
    }
    return
      "\(opening) With \(a.code), \(lowercasingFirst(a.description)) With \(b.code), by contrast, \(lowercasingFirst(b.description))"
  }

  /// The "Key Differences" list: class, each meaning, when each appears, what to do.
  public static func differences(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> [String] {
    [
      classDifference(a, b),
      "\(a.code) (\(a.title)): \(a.description)",
      "\(b.code) (\(b.title)): \(b.description)",
      "You see \(a.code) \(lowercasingFirst(a.when))",
      "You see \(b.code) \(lowercasingFirst(b.when))",
      retryDifference(a, b),
    ]
  }

  /// The "When to Use Which" paragraph: what to do for each code.
  public static func whenToUseWhich(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> String {
    "For \(a.code) (\(a.title)): \(a.fix) For \(b.code) (\(b.title)): \(b.fix)"
  }

  /// The "Learn More" list: the RFC sections both cards cite, each once, in order of appearance.
  public static func learnMore(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> [String] {
    var seen: Set<String> = []
    return (a.rfc + b.rfc).filter { seen.insert($0).inserted }
  }

  /// Whether the two share a class, in one sentence (RFC 5321 4.2.1).
  static func classDifference(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> String {
    if a.replyClass == b.replyClass {
      return "Both \(a.code) and \(b.code) belong to the \(a.classLabel) class."
    }
    return
      "\(a.code) is a \(a.classLabel) reply, while \(b.code) is a \(b.classLabel) reply."
  }

  /// What the retry advice of each asks of the sender, in one sentence.
  static func retryDifference(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> String {
    if a.retry == b.retry {
      return "For both \(a.code) and \(b.code), \(retryPhrase(a.retry, plural: true))."
    }
    return
      "\(a.code) \(retryPhrase(a.retry, plural: false)), whereas \(b.code) \(retryPhrase(b.retry, plural: false))."
  }

  private static func retryPhrase(_ retry: RetryAdvice, plural: Bool) -> String {
    switch (retry, plural) {
    case (.noneNeeded, false): "needs no action from the sender"
    case (.noneNeeded, true): "no action is needed from the sender"
    case (.later, false): "calls for retrying later, with back-off"
    case (.later, true): "the sender should retry later, with back-off"
    case (.afterFix, false): "needs its cause fixed before trying again"
    case (.afterFix, true): "the cause must be fixed before trying again"
    case (.never, false): "should not be retried unchanged to the same address"
    case (.never, true): "the message should not be retried unchanged to the same address"
    }
  }

  /// `text` with its first letter lowercased, unless the first word looks like an acronym or a
  /// code ("SMTP", "SMTPUTF8", "3DES": a second character that is uppercase or a digit).
  static func lowercasingFirst(_ text: String) -> String {
    guard let first = text.first, first.isUppercase else { return text }
    let rest = text.dropFirst()
    if let second = rest.first, second.isUppercase || second.isNumber { return text }
    return first.lowercased() + rest
  }
}
