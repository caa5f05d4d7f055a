/// One basic reply code as the catalogue explains it (RFC 5321 section 4.2 and extensions).
public struct ReplyCodeEntry: Hashable, Sendable {
  /// The three-digit code.
  public var code: Int
  /// A short title ("User Not Local").
  public var title: String
  /// What the code means.
  public var description: String
  /// When a sender typically meets it; reads after "You see 251 " ("When sending to ...").
  public var when: String
  /// What to do about it.
  public var fix: String
  /// Where it is defined, most authoritative first ("RFC 5321 4.2.3").
  public var rfc: [String]
  /// The category a reply with this code gets when nothing more specific is known.
  public var category: DiagnosisCategory
  /// The retry advice when nothing more specific is known.
  public var retry: RetryAdvice

  public init(
    code: Int, title: String, description: String, when: String, fix: String, rfc: [String],
    category: DiagnosisCategory, retry: RetryAdvice
  ) {
    self.code = code
    self.title = title
    self.description = description
    self.when = when
    self.fix = fix
    self.rfc = rfc
    self.category = category
    self.retry = retry
  }

  /// The class from the code's first digit.
  public var replyClass: ReplyClass {
    // Catalogue entries are 2yz to 5yz by construction; the test suite checks it.
    ReplyClass(code: code) ?? .permanentNegative
  }

  /// The class as the reference pages name it: "2xx Positive Completion" (RFC 5321 4.2.1).
  public var classLabel: String { "\(code / 100)xx \(replyClass.title)" }
}
