/// A known phrase real servers put in a reply's text, with what it means.
///
/// Servers say the important part in words: "Relay access denied", "blocked using
/// zen.spamhaus.org", "[TSS04] ... temporarily deferred". A pattern matches when the reply's
/// text, lowercased and with runs of white space folded to one space, contains any of
/// `phrases` and every one of `requiring`. Matching is a byte search on pre-lowered ASCII, so a
/// reply is checked against the whole table without allocating per pattern.
///
/// Every pattern names its `source`: the provider page, MTA source file or RFC where the
/// wording comes from. The summary, explanation and fix are our own words: a pattern that
/// says nothing beyond its category takes the catalogue's (`CategoryAdvice`).
public struct ReplyPattern: Hashable, Sendable {
  /// A stable kebab-case identifier ("gmail-ip-reputation"), used as evidence.
  public let id: String
  /// The category a reply matching this pattern gets.
  public let category: DiagnosisCategory
  /// Lowercase phrases; the pattern matches when any one occurs in the text.
  public let phrases: [String]
  /// Lowercase phrases that must all occur as well (empty: no extra condition).
  public let requiring: [String]
  /// The reply classes (first digits, 4 or 5) the pattern applies to.
  public let classes: Set<Int>
  /// The commands the pattern applies to, or nil for any (and for an unknown command).
  public let commands: Set<CommandKind>?
  /// The enhanced codes (`5.4.1`) the pattern requires, or nil for any (or none).
  ///
  /// For texts that mean different things at different servers, told apart by their code.
  public let enhancedCodes: Set<String>?
  /// One line: what happened and whose side it is on.
  public let summary: String
  /// Why, in two to four sentences.
  public let explanation: String
  /// What to do about it.
  public let fix: String
  /// Retry advice when the reply is permanent (5yz).
  public let retry: RetryAdvice
  /// Retry advice when the reply is transient (4yz).
  public let transientRetry: RetryAdvice
  /// Where the wording comes from: a provider page URL, an MTA source path, an RFC section.
  public let source: String
  /// Whether the phrase is broad ("access denied", "try again later"): a specific enhanced
  /// code outranks it, where a specific phrase outranks any enhanced code.
  public let isGeneric: Bool

  /// The phrases and constraints in the form the matching loop uses.
  let matcher: PatternMatcher

  /// Makes a pattern; phrases are lowercased here so callers may write them as servers do.
  public init(
    id: String, category: DiagnosisCategory, phrases: [String], requiring: [String] = [],
    classes: Set<Int> = [4, 5], commands: Set<CommandKind>? = nil,
    enhancedCodes: Set<String>? = nil, isGeneric: Bool = false, summary: String? = nil,
    explanation: String? = nil, fix: String? = nil, retry: RetryAdvice? = nil,
    transientRetry: RetryAdvice = .later, source: String
  ) {
    self.id = id
    self.category = category
    self.phrases = phrases.map { PatternText.fold($0) }
    self.requiring = requiring.map { PatternText.fold($0) }
    self.classes = classes
    self.commands = commands
    self.enhancedCodes = enhancedCodes
    // Without words of its own, a pattern speaks in the catalogue's words for its category.
    let advice = CategoryAdvice.of(category)
    self.summary = summary ?? advice.summary
    self.explanation = explanation ?? advice.explanation
    self.fix = fix ?? advice.fix
    self.retry = retry ?? CategoryAdvice.permanentRetry(category)
    self.transientRetry = transientRetry
    self.source = source
    self.isGeneric = isGeneric
    self.matcher = PatternMatcher(
      phrases: self.phrases, requiring: self.requiring, classes: classes, commands: commands,
      enhancedCodes: enhancedCodes)
  }

  /// Whether the pattern applies to a reply of class digit `classDigit` (nil when the code is
  /// outside 200...599) answering `command`, whose folded text is `text`.
  public func matches(
    _ text: PatternText, classDigit: Int?, command: CommandKind?,
    enhanced: EnhancedStatusCode? = nil
  ) -> Bool {
    matcher.matches(text, classDigit: classDigit, command: command, enhanced: enhanced)
  }

  /// The retry advice for a reply of class digit `classDigit`.
  public func retry(forClassDigit classDigit: Int?) -> RetryAdvice {
    classDigit == 4 ? transientRetry : retry
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
