/// One kind of evidence the classifier weighs; `order` is the order they are weighed in.
///
/// The most specific evidence decides: a provider's or an MTA's own sentence says more than a
/// code, a specific enhanced status code (RFC 3463: "5.1.1 bad destination mailbox") says more
/// than a generic phrase ("access denied"), and a generic phrase says more than a generic
/// enhanced code (X.7.1 "delivery not authorized", X.Y.0 "other"), the command the reply
/// answered (RFC 5321 sections 3 and 4.2) or the basic code alone.
enum ClassifierRule: CaseIterable, Sendable {
  /// A known sentence from the pattern tables.
  case specificPattern
  /// A mention of relaying in a 5.7.1 refusal of RCPT TO.
  case relayMention
  /// An enhanced code whose meaning depends on the command (`EnhancedCodeContext`).
  case enhancedCodeInContext
  /// A registered enhanced code that names a cause.
  case specificEnhancedCode
  /// A known but broad phrase ("access denied", "try again later").
  case genericPattern
  /// An enhanced code that names only an area (X.7.1, X.6.0).
  case genericEnhancedCode
  /// The basic code read with the command it answered (`ContextRules`).
  case commandContext
  /// The basic code alone: the catalogue's card, or its class and second digit.
  case basicCode

  /// The order rules are weighed in; the first with a finding decides.
  static let order: [ClassifierRule] = [
    .specificPattern, .relayMention, .enhancedCodeInContext, .specificEnhancedCode,
    .genericPattern, .genericEnhancedCode, .commandContext, .basicCode,
  ]

  /// The rules that name only an area: a finding of theirs may be refined by the step.
  static let broad: Set<ClassifierRule> = [
    .genericPattern, .genericEnhancedCode, .commandContext, .basicCode,
  ]

  /// What this rule reads in `input`, or nil when it has nothing to say.
  func finding(_ input: ClassifierInput) -> Finding? {
    switch self {
    case .specificPattern:
      return input.specificPattern.map { patternFinding($0, input) }
    case .relayMention:
      return input.relayPattern.map { pattern in
        Finding.advice(
          .relayDenied,
          evidence: Evidence(
            kind: .context, value: input.command?.rawValue ?? "",
            detail:
              "5.7.1 after RCPT with a mention of relaying is a relay refusal (source: \(pattern.source))."
          ))
      }
    case .enhancedCodeInContext:
      guard let enhanced = input.enhanced,
        let row = EnhancedCodeContext.row(for: enhanced, after: input.command), !row.isGeneric
      else { return nil }
      return contextFinding(row, enhanced)
    case .specificEnhancedCode, .genericEnhancedCode:
      if self == .genericEnhancedCode, let enhanced = input.enhanced,
        let row = EnhancedCodeContext.row(for: enhanced, after: input.command), row.isGeneric
      {
        return contextFinding(row, enhanced)
      }
      // A code read in context is not read out of it as well.
      guard let enhanced = input.enhanced,
        EnhancedCodeContext.row(for: enhanced, after: input.command) == nil,
        let entry = EnhancedCodeRules.decidingEntry(enhanced, code: input.code),
        EnhancedCodeRules.isGeneric(enhanced) == (self == .genericEnhancedCode)
      else { return nil }
      return Finding.advice(
        entry.category, adding: "The enhanced code \(enhanced) means: \(entry.title).",
        evidence: input.enhancedEvidence ?? input.codeEvidence)
    case .genericPattern:
      return input.genericPattern.map { patternFinding($0, input) }
    case .commandContext:
      guard let rule = input.contextRule, let evidence = input.contextEvidence else { return nil }
      return Finding(
        category: rule.category, summary: rule.summary, explanation: rule.explanation,
        fix: rule.fix, retry: rule.retry, evidence: evidence)
    case .basicCode:
      return BasicCodeRules.finding(
        code: input.code, replyClass: input.replyClass, evidence: input.codeEvidence)
    }
  }

  private func contextFinding(_ row: EnhancedCodeContext, _ enhanced: EnhancedStatusCode)
    -> Finding
  {
    Finding.advice(
      row.category,
      adding: "The enhanced code \(enhanced) means: \(EnhancedCodeRules.meaning(of: enhanced)).",
      evidence: Evidence(
        kind: .enhancedCode, value: enhanced.description,
        detail: "\(row.note) (source: \(row.source))."))
  }

  private func patternFinding(_ pattern: ReplyPattern, _ input: ClassifierInput) -> Finding {
    Finding(
      category: pattern.category, summary: pattern.summary, explanation: pattern.explanation,
      fix: pattern.fix, retry: pattern.retry(forClassDigit: input.classDigit),
      evidence: Evidence(
        kind: .pattern, value: pattern.id,
        detail: "The reply text matches a known phrase (source: \(pattern.source))."))
  }
}

/// A negative reply prepared once for the classifier's rules.
struct ClassifierInput {
  let code: Int
  let replyClass: ReplyClass?
  /// The class digit used for retry advice: the basic code's, or the enhanced code's when
  /// the basic code is not a real reply code.
  let classDigit: Int?
  let command: CommandKind?
  let enhanced: EnhancedStatusCode?
  let text: PatternText
  let specificPattern: ReplyPattern?
  let genericPattern: ReplyPattern?
  let relayPattern: ReplyPattern?
  let contextRule: ContextRule?
  let contextEvidence: Evidence?
  let codeEvidence: Evidence
  let enhancedEvidence: Evidence?

  init(_ reply: Reply, command: CommandKind?, codeEvidence: Evidence, enhancedEvidence: Evidence?) {
    let code = reply.code
    self.code = code
    replyClass = ReplyClass(code: code)
    let enhancedClass = reply.enhanced.flatMap {
      [4, 5].contains($0.statusClass) ? $0.statusClass : nil
    }
    classDigit = (200...599).contains(code) ? code / 100 : enhancedClass
    self.command = command
    enhanced = reply.enhanced
    text = PatternText(reply.text)
    let digit: Int? = (200...599).contains(code) ? code / 100 : nil
    specificPattern = ReplyPatterns.firstMatch(
      in: ReplyPatterns.specificMatchers, text: text, classDigit: digit, command: command,
      enhanced: enhanced)
    genericPattern = ReplyPatterns.firstMatch(
      in: ReplyPatterns.genericMatchers, text: text, classDigit: digit, command: command,
      enhanced: enhanced)
    relayPattern = ReplyPatterns.firstMatch(
      in: ReplyPatterns.relayMentionMatchers, text: text, classDigit: digit, command: command,
      enhanced: enhanced)
    contextRule = ContextRules.rule(code: code, command: command, text: text)
    contextEvidence = contextRule.map {
      Evidence(kind: .context, value: command?.rawValue ?? "", detail: $0.note + ".")
    }
    self.codeEvidence = codeEvidence
    self.enhancedEvidence = enhancedEvidence
  }
}
