/// Maps a reply and the command it answered to a diagnosis.
///
/// The most specific evidence decides (issue 2, item 6): a known text pattern over the enhanced
/// status code (RFC 3463) over the command's context over the basic code (RFC 5321 section
/// 4.2). Every piece that applied is recorded in `evidence`, the deciding one first. The class
/// always comes from the basic code: when an enhanced code's class disagrees ("550 4.1.1"),
/// its subject and detail are still used and the disagreement is noted.
///
/// A code's default category and retry advice are the catalogue's (`ReplyCodeEntry`,
/// `EnhancedStatusEntry`), so `explain` shows one answer; the classifier adds only what depends
/// on the text or the command (`ReplyPatterns`, `ContextRules`, `EnhancedCodeRules`).
///
/// Pure and allocation-light: the reply text is folded once and matched against the pattern
/// table with byte searches and a byte-pair prefilter (well over 100,000 diagnoses a second
/// in a release build). It never traps:
/// code 0, empty text and codes like 299 or 600 get a diagnosis too.
public enum Classifier {
  /// Diagnoses `reply`, given the step it answered when known.
  public static func diagnose(_ reply: Reply, after command: CommandKind? = nil) -> Diagnosis {
    let code = reply.code
    let replyClass = ReplyClass(code: code)
    let codeEvidence = Evidence(
      kind: .replyCode, value: String(code), detail: BasicCodeRules.describe(code))
    let enhancedEvidence = reply.enhanced.map { enhancedNote($0, replyClass: replyClass) }

    if let replyClass, replyClass.isPositive {
      return positive(
        reply, replyClass: replyClass, command: command, codeEvidence: codeEvidence,
        enhancedEvidence: enhancedEvidence)
    }

    // The class digit used for retry advice: the basic code's, or the enhanced code's when the
    // basic code is not a real reply code.
    let classDigit: Int? =
      replyClass.map { _ in code / 100 }
      ?? reply.enhanced.flatMap { [4, 5].contains($0.statusClass) ? $0.statusClass : nil }
    let text = PatternText(reply.text)
    let relayRule = relayRefusal(code: code, command: command, text: text, reply: reply)
    let rule = relayRule ?? ContextRules.rule(code: code, command: command, text: text)
    let ruleEvidence = rule.map {
      Evidence(kind: .context, value: command?.rawValue ?? "", detail: $0.note + ".")
    }
    var verdict: Verdict
    var evidence: [Evidence] = []

    if let pattern = ReplyPatterns.firstMatch(for: reply, text: text, after: command) {
      verdict = Verdict(
        category: pattern.category, summary: pattern.summary, explanation: pattern.explanation,
        fix: pattern.fix, retry: pattern.retry(forClassDigit: classDigit))
      evidence.append(
        Evidence(
          kind: .pattern, value: pattern.id,
          detail: "The reply text matches a known phrase (source: \(pattern.source))."))
      evidence += [enhancedEvidence, codeEvidence].compactMap { $0 }
    } else if relayRule == nil, let enhanced = reply.enhanced,
      let entry = EnhancedCodeRules.decidingEntry(enhanced, code: code)
    {
      let advice = CategoryAdvice.of(entry.category)
      verdict = Verdict(
        category: entry.category, summary: advice.summary,
        explanation: advice.explanation
          + " The enhanced code \(enhanced) means: \(entry.title).",
        fix: advice.fix, retry: nil)
      evidence += [enhancedEvidence, codeEvidence].compactMap { $0 }
    } else if let rule, let ruleEvidence {
      verdict = Verdict(
        category: rule.category, summary: rule.summary, explanation: rule.explanation,
        fix: rule.fix, retry: rule.retry)
      evidence += [ruleEvidence, enhancedEvidence, codeEvidence].compactMap { $0 }
    } else {
      verdict = basicVerdict(code: code, replyClass: replyClass)
      evidence += [codeEvidence, enhancedEvidence].compactMap { $0 }
    }

    if verdict.category == .ok { verdict.category = .other }
    let before = verdict.category
    let senderNote = ContextRules.attributeToSender(
      &verdict.category, summary: &verdict.summary, explanation: &verdict.explanation,
      fix: &verdict.fix, command: command)
    // A pattern's "never" was about a recipient; for the sender it is fixable.
    if verdict.category != before { verdict.retry = nil }
    // Context that agrees with the verdict supports it; context the text overrode does not.
    if let rule, let ruleEvidence, supports(rule, verdict.category, code: code, command: command),
      !evidence.contains(ruleEvidence)
    {
      evidence.append(ruleEvidence)
    } else if let senderNote, !evidence.contains(where: { $0.kind == .context }) {
      evidence.append(senderNote)
    }
    if verdict.category == .blocklistedIP, let list = ReplyPatterns.blocklistOperator(in: text),
      !verdict.fix.contains(list.delisting)
    {
      verdict.fix +=
        " For \(list.name): request delisting at \(list.delisting) after fixing the cause."
    }

    let retry =
      verdict.retry
      ?? defaultRetry(code: code, classDigit: classDigit, category: verdict.category)
    return Diagnosis(
      replyClass: replyClass, category: verdict.category, summary: verdict.summary,
      explanation: verdict.explanation, fix: verdict.fix, retry: retry, evidence: evidence)
  }

  /// The working verdict before retry advice is settled.
  private struct Verdict {
    var category: DiagnosisCategory
    var summary: String
    var explanation: String
    var fix: String
    var retry: RetryAdvice?
  }

  /// Diagnoses 2yz and 3yz replies: success or "go on".
  ///
  /// Patterns are not consulted: a success is a success.
  private static func positive(
    _ reply: Reply, replyClass: ReplyClass, command: CommandKind?, codeEvidence: Evidence,
    enhancedEvidence: Evidence?
  ) -> Diagnosis {
    let text = PatternText(reply.text)
    if let rule = ContextRules.rule(code: reply.code, command: command, text: text) {
      return Diagnosis(
        replyClass: replyClass, category: .ok, summary: rule.summary,
        explanation: rule.explanation, fix: "", retry: .noneNeeded,
        evidence: [
          Evidence(kind: .context, value: command?.rawValue ?? "", detail: rule.note + ".")
        ]
          + [codeEvidence, enhancedEvidence].compactMap { $0 })
    }
    let summary: String
    let explanation: String
    if replyClass == .positiveCompletion {
      summary = "The server completed the command (\(reply.code))"
      explanation = "A 2yz reply means the requested action was completed (RFC 5321 section 4.2.1)."
    } else {
      summary = "The server accepted the command and waits for more (\(reply.code))"
      explanation =
        "A 3yz reply means the command was accepted and the server needs more input, as after DATA or during AUTH (RFC 5321 section 4.2.1)."
    }
    return Diagnosis(
      replyClass: replyClass, category: .ok, summary: summary, explanation: explanation, fix: "",
      retry: .noneNeeded, evidence: [codeEvidence, enhancedEvidence].compactMap { $0 })
  }

  /// Whether context `rule` supports a verdict of `category`: it agrees, or it is the open
  /// "unavailable or policy" reading of 550 after RCPT and the text named a recipient problem.
  private static func supports(
    _ rule: ContextRule, _ category: DiagnosisCategory, code: Int, command: CommandKind?
  ) -> Bool {
    if rule.category == category { return true }
    let recipientCategories: Set<DiagnosisCategory> = [
      .mailboxUnknown, .mailboxDisabled, .mailboxFull, .userNotLocal, .hostDoesNotAcceptMail,
    ]
    return code == 550 && command == .rcpt && recipientCategories.contains(category)
  }

  /// Words that speak of relaying; "relay" alone also occurs in host names
  /// (relay2.example.net) that say nothing about the refusal.
  private static let relayWords: [[UInt8]] = [
    "relaying", "relay access", "relay denied", "relay not", "not relay", "no relay",
    "to relay", "relay for", "relay to", "relay is", "relay prohibited", "open relay",
  ].map { Array($0.utf8) }

  /// The one text-and-context rule: 5.7.1 after RCPT mentioning relaying is a relay refusal
  /// even when the wording is not a known phrase.
  private static func relayRefusal(
    code: Int, command: CommandKind?, text: PatternText, reply: Reply
  ) -> ContextRule? {
    if command == .rcpt, code / 100 == 5, reply.enhanced?.subject == 7,
      reply.enhanced?.detail == 1, relayWords.contains(where: { text.contains($0) })
    {
      let advice = CategoryAdvice.of(.relayDenied)
      return ContextRule(
        category: .relayDenied, summary: advice.summary, explanation: advice.explanation,
        fix: advice.fix, retry: nil,
        note: "5.7.1 after RCPT with a mention of relaying is a relay refusal")
    }
    return nil
  }

  /// The verdict from the basic code alone: the catalogue's category when it has the code,
  /// else the category its class and second digit point to.
  private static func basicVerdict(code: Int, replyClass: ReplyClass?) -> Verdict {
    guard let replyClass else {
      return Verdict(
        category: .other,
        summary: code == 0
          ? "The reply has no reply code: it cannot be classified"
          : "Reply code \(code) is not a valid SMTP code: it cannot be classified",
        explanation:
          "RFC 5321 replies start with a three-digit code from 200 to 599; this one does not, so only its text can say what happened.",
        fix: "Check that you are talking to an SMTP server on the right port, and read the text.",
        retry: nil)
    }
    if code == 550, let entry = ReplyCodeCatalogue.entry(for: code) {
      // The card's own words: "mailbox unavailable" covers both a missing mailbox and a policy.
      return Verdict(
        category: entry.category,
        summary: "Refused (550): \(ContextRules.unavailableOrPolicy)",
        explanation:
          "550 means the requested action was not taken because the mailbox is unavailable (RFC 5321 section 4.2.2); servers send it for unknown addresses and for policy refusals alike. Without a mailbox phrase, an enhanced code or the command it answered, it cannot be told which.",
        fix: entry.fix, retry: entry.retry)
    }
    if let entry = ReplyCodeCatalogue.entry(for: code) {
      let advice = CategoryAdvice.of(entry.category)
      return Verdict(
        category: entry.category, summary: advice.summary, explanation: advice.explanation,
        fix: advice.fix, retry: entry.retry)
    }
    let category = BasicCodeRules.fallbackCategory(for: code)
    let advice = CategoryAdvice.of(category)
    let transient = replyClass == .transientNegative
    return Verdict(
      category: category,
      summary:
        "\(transient ? "Temporary" : "Permanent") refusal \(code) about \(BasicCodeRules.secondDigitMeaning(code))",
      explanation:
        "\(code) is not a standard code. Its first digit makes it \(replyClass.title.lowercased()) and its second digit points to \(BasicCodeRules.secondDigitMeaning(code)) (RFC 5321 section 4.2.1).",
      fix: transient ? "Retry later; read the text for details." : advice.fix, retry: nil)
  }

  /// Evidence for the enhanced code, noting when its class disagrees with the basic code's.
  private static func enhancedNote(
    _ enhanced: EnhancedStatusCode, replyClass: ReplyClass?
  ) -> Evidence {
    var detail = EnhancedCodeRules.meaning(of: enhanced)
    if let replyClass, let own = enhanced.replyClass, own != replyClass {
      detail +=
        ". Its class \(enhanced.statusClass) disagrees with the reply code's class; the reply code's class is used (RFC 3463 section 3.1)"
    }
    return Evidence(kind: .enhancedCode, value: enhanced.description, detail: detail + ".")
  }

  /// The retry advice when nothing more specific set it: the catalogue's for the basic code
  /// when the verdict kept the code's own category, else what the class and category imply.
  private static func defaultRetry(
    code: Int, classDigit: Int?, category: DiagnosisCategory
  ) -> RetryAdvice {
    if let entry = ReplyCodeCatalogue.entry(for: code), entry.category == category {
      return entry.retry
    }
    switch classDigit {
    case 4: return .later
    case 5: return CategoryAdvice.permanentRetry(category)
    default: return .afterFix
    }
  }
}
