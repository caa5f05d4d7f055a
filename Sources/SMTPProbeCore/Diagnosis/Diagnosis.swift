/// What a reply means for the person who got it: the classifier's answer.
public struct Diagnosis: Hashable, Sendable {
  /// The reply's class, or nil for a code outside 200...599.
  public var replyClass: ReplyClass?
  /// The most specific category that fits.
  public var category: DiagnosisCategory
  /// One line: what happened.
  public var summary: String
  /// Why, in a few sentences: whose side the problem is on and what the server meant.
  public var explanation: String
  /// What to do about it (empty for plain success).
  public var fix: String
  /// Whether and when to retry.
  public var retry: RetryAdvice
  /// What decided this diagnosis, most specific first.
  public var evidence: [Evidence]

  public init(
    replyClass: ReplyClass?, category: DiagnosisCategory, summary: String, explanation: String,
    fix: String, retry: RetryAdvice, evidence: [Evidence]
  ) {
    self.replyClass = replyClass
    self.category = category
    self.summary = summary
    self.explanation = explanation
    self.fix = fix
    self.retry = retry
    self.evidence = evidence
  }
}
