/// Everything `smtpprobe explain` shows, as a value built from the catalogues and the
/// classifier; the text and JSON renderers only lay it out.
public enum ExplainReport: Hashable, Sendable {
  /// One reply code's card.
  case code(ReplyCodeEntry)
  /// Two reply codes' cards and how they differ, as the reference pages compare them.
  case comparison(Comparison)
  /// An enhanced status code (RFC 3463).
  case enhanced(EnhancedCard)
  /// One or more pasted replies, each diagnosed.
  case replies([ReplyExplanation])

  /// Two codes side by side.
  public struct Comparison: Hashable, Sendable {
    public var first: ReplyCodeEntry
    public var second: ReplyCodeEntry
    /// One paragraph contrasting the two.
    public var summary: String
    /// The numbered key differences.
    public var differences: [String]
    /// What to do for each.
    public var whenToUseWhich: String

    public init(first: ReplyCodeEntry, second: ReplyCodeEntry) {
      self.first = first
      self.second = second
      summary = CodeComparison.summary(first, second)
      differences = CodeComparison.differences(first, second)
      whenToUseWhich = CodeComparison.whenToUseWhich(first, second)
    }
  }

  /// An enhanced status code explained.
  public struct EnhancedCard: Hashable, Sendable {
    /// The code as the user wrote it, normalized: `5.7.1`, or `X.7.1`.
    public var code: String
    /// The class, or nil for the registry's `X.` spelling.
    public var replyClass: ReplyClass?
    /// The subject digit (RFC 3463 section 2: 0 to 7).
    public var subject: Int
    /// What the class means; for `X.` which classes the registry lists.
    public var classMeaning: String
    /// The catalogue's description; for `X.` that of the first class the registry lists.
    public var description: EnhancedStatusDescription
    /// The class digits the registry lists for this subject and detail (empty if unregistered).
    public var registeredClasses: [Int]

    public init(
      code: String, replyClass: ReplyClass?, subject: Int, classMeaning: String,
      description: EnhancedStatusDescription, registeredClasses: [Int]
    ) {
      self.code = code
      self.replyClass = replyClass
      self.subject = subject
      self.classMeaning = classMeaning
      self.description = description
      self.registeredClasses = registeredClasses
    }

    /// The card for `code` with its catalogue description (RFC 3463 and the IANA registry).
    public init(_ code: EnhancedStatusCode, description: EnhancedStatusDescription) {
      self.init(
        code: code.description, replyClass: code.replyClass, subject: code.subject,
        classMeaning: description.classMeaning, description: description,
        registeredClasses: EnhancedStatusCatalogue.entry(for: code)?.classes ?? [])
    }

    /// The card for `code`, described by the catalogue.
    public init(_ code: EnhancedStatusCode) {
      self.init(code, description: EnhancedStatusCatalogue.describe(code))
    }

    /// The card for `X.subject.detail`: any class.
    public init?(anyClassSubject subject: Int, detail: Int) {
      let probe = EnhancedStatusCode(statusClass: 5, subject: subject, detail: detail)
      guard let probe else { return nil }
      let classes = EnhancedStatusCatalogue.entry(for: probe)?.classes ?? []
      let representative =
        classes.first.flatMap {
          EnhancedStatusCode(statusClass: $0, subject: subject, detail: detail)
        } ?? probe
      let classMeaning =
        classes.isEmpty
        ? "X stands for any class: 2 success, 4 persistent transient failure, 5 permanent "
          + "failure."
        : "X stands for any class; the registry lists this code for "
          + (classes.count == 1 ? "class " : "classes ")
          + classes.map(String.init).joined(separator: ", ") + "."
      self.init(
        code: "X.\(subject).\(detail)", replyClass: nil, subject: subject,
        classMeaning: classMeaning,
        description: EnhancedStatusCatalogue.describe(representative), registeredClasses: classes)
    }
  }

  /// One reply, its diagnosis, and the catalogue entries behind it.
  public struct ReplyExplanation: Hashable, Sendable {
    public var reply: Reply
    /// The step the reply answered, when known.
    public var after: CommandKind?
    public var diagnosis: Diagnosis
    /// The basic code's card, when catalogued.
    public var card: ReplyCodeEntry?
    /// The enhanced code's description, when the reply carries one.
    public var enhanced: EnhancedStatusDescription?

    public init(reply: Reply, after: CommandKind?) {
      self.reply = reply
      self.after = after
      diagnosis = Classifier.diagnose(reply, after: after)
      // A reply whose code changes is the last line's answer (`Reply.answer`).
      card = ReplyCodeCatalogue.entry(for: reply.finalCode)
      enhanced = reply.answer.enhanced.map { EnhancedStatusCatalogue.describe($0) }
    }
  }

  /// Builds the report for `query`; `readStandardInput` is called only for `-`.
  ///
  /// `after` names the command the reply answered; it overrides what a pasted transcript
  /// shows and is refused for codes.
  public static func build(
    _ query: ExplainQuery, after: CommandKind? = nil, readStandardInput: () -> String
  ) throws(ExplainError) -> ExplainReport {
    switch query {
    case .codes(let codes):
      if after != nil { throw .afterWithoutReply }
      let entries = codes.compactMap { ReplyCodeCatalogue.entry(for: $0) }
      guard let first = entries.first else { throw .noInput }
      if entries.count == 2 { return .comparison(Comparison(first: first, second: entries[1])) }
      return .code(first)
    case .enhanced(let statusClass, let subject, let detail):
      if after != nil { throw .afterWithoutReply }
      if let statusClass,
        let code = EnhancedStatusCode(statusClass: statusClass, subject: subject, detail: detail)
      {
        return .enhanced(EnhancedCard(code))
      }
      guard let card = EnhancedCard(anyClassSubject: subject, detail: detail) else {
        throw .badEnhancedCode("X.\(subject).\(detail)", reason: "out of range")
      }
      return .enhanced(card)
    case .replyText(let text):
      return try pasted(text, after: after, isStandardInput: false)
    case .standardInput:
      return try pasted(readStandardInput(), after: after, isStandardInput: true)
    }
  }

  /// The replies in pasted text; a delivery status with only a `Status:` field explains that
  /// enhanced code (RFC 3464 2.3.4).
  private static func pasted(
    _ text: String, after: CommandKind?, isStandardInput: Bool
  ) throws(ExplainError) -> ExplainReport {
    do {
      return .replies(try explanations(of: text, after: after, isStandardInput: isStandardInput))
    } catch {
      guard case .notUnderstood = error else { throw error }
      if let status = BounceText.deliveryStatus(in: text) { return .enhanced(EnhancedCard(status)) }
      let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
      throw lines.count > 1 ? .noReplyFound : error
    }
  }

  private static func explanations(
    of text: String, after: CommandKind?, isStandardInput: Bool
  ) throws(ExplainError) -> [ReplyExplanation] {
    guard text.utf8.count <= maxInputBytes else { throw .inputTooLarge(maxInputBytes) }
    let bounce = BounceText.replies(in: text)
    // A whole message with no reply in it is not a paste of replies: its lines would each be
    // read as a reply without a code.
    if bounce.isEmpty, isMessage(text) { throw .notUnderstood(text) }
    let items =
      bounce.isEmpty
      ? try PastedReplies.parse(unquoted(text))
      : try bounce.map { found throws(ExplainError) in
        let replies = try PastedReplies.parse(found.lines.joined(separator: "\n"))
        return PastedReplies.Item(
          reply: replies[0].reply.withTrailingStatus, after: found.after)
      }
    guard !items.isEmpty else { throw isStandardInput ? .emptyStandardInput : .noInput }
    // Text with no reply code is not understood whatever its length; only a paste of real
    // replies can be too long.
    for item in items {
      if item.reply.code == 0 || item.reply.violations.contains(where: isMissingCode) {
        throw .notUnderstood(item.reply.lines.first ?? text)
      }
      if !(200...599).contains(item.reply.code) { throw .replyCodeOutOfRange(item.reply.code) }
    }
    guard items.count <= maxReplies else { throw .tooManyReplies(maxReplies) }
    return items.map { ReplyExplanation(reply: $0.reply, after: after ?? $0.after) }
  }

  /// Whether `text` starts with a message's header block (RFC 5322 section 2.2).
  static func isMessage(_ text: String) -> Bool {
    let lines = MIMEWalker.headerLines(text)
    guard let (headers, _) = MIMEHeaders.read(lines[...]) else { return false }
    return MIMEWalker.looksLikeMessage(headers)
  }

  /// The most `explain` reads: a bounce with its headers fits many times over.
  public static let maxInputBytes = 1 << 20
  /// The most replies one paste may hold: a long session, not a log file.
  public static let maxReplies = 1000

  /// `text` without surrounding whitespace and one pair of matching quotes around it.
  static func unquoted(_ text: String) -> String {
    guard let start = text.firstIndex(where: { !$0.isWhitespace }),
      let end = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    let trimmed = text[start...end]
    let pairs: [(Character, Character)] = [("\"", "\""), ("'", "'"), ("`", "`"), ("“", "”")]
    for (open, close) in pairs
    where start != end && trimmed.first == open && trimmed.last == close {
      return String(trimmed.dropFirst().dropLast())
    }
    return String(trimmed)
  }

  private static func isMissingCode(_ violation: ReplyViolation) -> Bool {
    if case .missingCode = violation { return true }
    return false
  }
}
