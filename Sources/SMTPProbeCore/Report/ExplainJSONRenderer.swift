/// Lays out an `ExplainReport` as JSON with stable snake_case keys (DESIGN.md, "JSON").
///
/// - a code: `{"code", "class", "title", "description", "when", "fix", "rfc", "category",
///   "retry"}`
/// - two codes: `{"codes": [card, card], "summary", "differences": [...],
///   "when_to_use_which"}`
/// - an enhanced code: `{"enhanced", "class", "class_meaning", "subject", "subject_title",
///   "subject_description", "title", "description", "registered", "registry_classes", "rfc"}`
/// - replies: `{"reply": {...}, "after", "diagnosis": {...}, "code_card": card | null,
///   "enhanced_status": enhanced | null}`, one object per reply; several replies are
///   printed as JSON Lines, one compact object a line.
public enum ExplainJSONRenderer {
  /// The JSON documents for `report`: one for every form but several replies.
  public static func values(_ report: ExplainReport) -> [JSONValue] {
    switch report {
    case .code(let entry):
      [card(entry)]
    case .comparison(let comparison):
      [
        [
          "codes": [card(comparison.first), card(comparison.second)],
          "summary": .string(comparison.summary),
          "differences": JSONValue(comparison.differences),
          "when_to_use_which": .string(comparison.whenToUseWhich),
        ]
      ]
    case .enhanced(let card):
      [enhanced(card)]
    case .replies(let explanations):
      explanations.map(reply)
    }
  }

  /// The output text: one pretty document, or JSON Lines for several replies; ends with a
  /// newline.
  public static func render(_ report: ExplainReport) -> String {
    let documents = values(report)
    if documents.count == 1, let only = documents.first { return only.pretty + "\n" }
    return documents.map { $0.compact + "\n" }.joined()
  }

  /// A reply code's card.
  public static func card(_ entry: ReplyCodeEntry) -> JSONValue {
    [
      "code": .int(entry.code),
      "class": .string(entry.replyClass.rawValue),
      "title": .string(entry.title),
      "description": .string(entry.description),
      "when": .string(entry.when),
      "fix": .string(entry.fix),
      "rfc": JSONValue(entry.rfc),
      "category": .string(entry.category.rawValue),
      "retry": .string(entry.retry.rawValue),
    ]
  }

  /// An enhanced status code's card.
  public static func enhanced(_ card: ExplainReport.EnhancedCard) -> JSONValue {
    let description = card.description
    return [
      "enhanced": .string(card.code),
      "class": JSONValue(card.replyClass?.rawValue),
      "class_meaning": .string(card.classMeaning),
      "subject": .int(card.subject),
      "subject_title": JSONValue(description.subjectTitle),
      "subject_description": JSONValue(description.subjectDescription),
      "title": .string(description.title),
      "description": .string(description.description),
      "registered": .bool(description.isRegistered),
      "registry_classes": .array(card.registeredClasses.map { .int($0) }),
      "rfc": JSONValue(description.rfc),
    ]
  }

  /// One pasted reply with its diagnosis.
  public static func reply(_ explanation: ExplainReport.ReplyExplanation) -> JSONValue {
    let enhancedStatus: JSONValue =
      if let code = explanation.reply.enhanced, let description = explanation.enhanced {
        enhanced(ExplainReport.EnhancedCard(code, description: description))
      } else {
        .null
      }
    return [
      "reply": explanation.reply.jsonValue,
      "after": JSONValue(explanation.after?.rawValue),
      "diagnosis": explanation.diagnosis.jsonValue,
      "code_card": explanation.card.map(card) ?? .null,
      "enhanced_status": enhancedStatus,
    ]
  }
}
