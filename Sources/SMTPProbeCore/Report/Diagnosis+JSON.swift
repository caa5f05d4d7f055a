extension Diagnosis {
  /// The diagnosis as DESIGN.md's JSON: `{"class", "category", "summary", "explanation",
  /// "fix", "retry", "evidence": [{"kind", "value", "detail"}]}`; `class` is null for a code
  /// outside 200 to 599.
  public var jsonValue: JSONValue {
    [
      "class": JSONValue(replyClass?.rawValue),
      "category": .string(category.rawValue),
      "summary": .string(summary),
      "explanation": .string(explanation),
      "fix": .string(fix),
      "retry": .string(retry.rawValue),
      "evidence": .array(
        evidence.map {
          [
            "kind": .string($0.kind.rawValue), "value": .string($0.value),
            "detail": .string($0.detail),
          ]
        }),
    ]
  }
}
