/// What one rule of the classifier reads in a reply: a category with its words, and the
/// evidence that supports it.
struct Finding: Sendable {
  var category: DiagnosisCategory
  var summary: String
  var explanation: String
  var fix: String
  /// Explicit retry advice, or nil to derive it from the class and the category.
  var retry: RetryAdvice?
  /// The evidence this rule contributes, recorded first when the rule decides.
  var evidence: Evidence

  /// A finding in the catalogue's words for `category` (`CategoryAdvice`), with `detail`
  /// added to the explanation.
  static func advice(
    _ category: DiagnosisCategory, adding detail: String = "", retry: RetryAdvice? = nil,
    evidence: Evidence
  ) -> Finding {
    let advice = CategoryAdvice.of(category)
    return Finding(
      category: category, summary: advice.summary,
      explanation: detail.isEmpty ? advice.explanation : advice.explanation + " " + detail,
      fix: advice.fix, retry: retry, evidence: evidence)
  }
}
