/// Compares two reply codes as the reference pages do (TEMP stand-in for the catalogue
/// helper's file).
public enum CodeComparison {
  /// The numbered key differences: class, meaning, when you see each.
  public static func differences(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> [String] {
    var result: [String] = []
    if a.replyClass == b.replyClass {
      result.append("Both \(a.code) and \(b.code) are \(a.replyClass.title) replies.")
    } else {
      result.append(
        "\(a.code) is a \(a.code / 100)xx \(a.replyClass.title) reply, while \(b.code) is a "
          + "\(b.code / 100)xx \(b.replyClass.title) reply.")
    }
    result.append("SMTP \(a.code): \(a.description)")
    result.append("SMTP \(b.code): \(b.description)")
    result.append("You see \(a.code) \(a.when)")
    result.append("You see \(b.code) \(b.when)")
    return result
  }

  /// One paragraph contrasting the two codes.
  public static func summary(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> String {
    "SMTP \(a.code) (\(a.title)) is a \(a.replyClass.title) reply, while \(b.code) "
      + "(\(b.title)) is a \(b.replyClass.title) reply."
  }

  /// What to do for each code, in one paragraph.
  public static func whenToUseWhich(_ a: ReplyCodeEntry, _ b: ReplyCodeEntry) -> String {
    "For \(a.code) (\(a.title)): \(a.fix) For \(b.code) (\(b.title)): \(b.fix)"
  }
}
