/// Maps a reply and the command it answered to a diagnosis.
///
/// The classifier is an ordered list of rules (`ClassifierRule.order`): known phrases, a
/// mention of relaying, enhanced status codes read in context (RFC 3463, RFC 5248), the
/// command's context (RFC 5321 sections 3 and 4.2) and the basic code. Each rule returns a
/// finding or nothing; the first finding decides, and the evidence of the others is recorded
/// after it. The class always comes from the basic code: when an enhanced code's class
/// disagrees ("550 4.1.1"), its subject and detail are still used and the disagreement is
/// noted. A multi-line reply whose code changes is read by its last line (`Reply.answer`).
///
/// Every sentence about a category or a code is the catalogue's (`CategoryAdvice`,
/// `ReplyCodeEntry`, `EnhancedStatusEntry`) or a pattern's; the classifier only chooses.
///
/// Pure and allocation-light: the reply text is folded once and matched against the pattern
/// tables with byte searches and a byte-pair prefilter. It never traps: code 0, empty text and
/// codes like 299 or 600 get a diagnosis too.
public enum Classifier {
  /// Diagnoses `reply`, given the step it answered when known.
  public static func diagnose(_ reply: Reply, after command: CommandKind? = nil) -> Diagnosis {
    guard reply.codeChanges else { return diagnoseAnswer(reply, after: command) }
    var diagnosis = diagnoseAnswer(reply.answer, after: command)
    diagnosis.explanation +=
      " The reply began with code \(reply.firstLineCode) and ended with \(reply.finalCode); a multi-line reply must keep one code (RFC 5321 section 4.2.1), and the last line's code is the server's answer, as Postfix and Python's smtplib read it."
    diagnosis.evidence.append(
      Evidence(
        kind: .replyCode, value: String(reply.firstLineCode),
        detail:
          "The first line's code \(reply.firstLineCode) changed to \(reply.finalCode) on a later line; the last line decides."
      ))
    return diagnosis
  }

  /// Diagnoses a reply whose lines agree on one code.
  private static func diagnoseAnswer(_ stated: Reply, after command: CommandKind?) -> Diagnosis {
    let reply = stated.withTrailingStatus
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

    let input = ClassifierInput(
      reply, command: command, codeEvidence: codeEvidence, enhancedEvidence: enhancedEvidence)
    var findings: [(ClassifierRule, Finding)] = []
    for rule in ClassifierRule.order {
      if let finding = rule.finding(input) { findings.append((rule, finding)) }
    }
    // `basicCode` always has a finding, so there is one.
    var verdict =
      findings.first?.1
      ?? BasicCodeRules.finding(code: code, replyClass: replyClass, evidence: codeEvidence)

    var evidence = [verdict.evidence]
    for fact in [enhancedEvidence, codeEvidence].compactMap({ $0 }) where !evidence.contains(fact) {
      evidence.append(fact)
    }

    if verdict.category == .ok { verdict.category = .other }
    // At the greeting the server knows only the client's IP (and its reverse DNS), so a
    // policy refusal with nothing more specific to say is about the IP (RFC 5321 section 3.1).
    if command == .greeting, verdict.category == .policySpamContent,
      let rule = findings.first?.0, ClassifierRule.broad.contains(rule)
    {
      let note = Evidence(
        kind: .context, value: "greeting",
        detail: "A policy refusal of the connection itself concerns the connecting IP.")
      verdict = Finding.advice(.blocklistedIP, retry: verdict.retry, evidence: verdict.evidence)
      evidence.append(note)
    }
    let before = verdict.category
    let senderNote = ContextRules.attributeToSender(
      &verdict.category, summary: &verdict.summary, explanation: &verdict.explanation,
      fix: &verdict.fix, command: command)
    // A pattern's "never" was about a recipient; for the sender it is fixable.
    if verdict.category != before { verdict.retry = nil }
    // Context that agrees with the verdict supports it; context the text overrode does not.
    if let rule = input.contextRule, let ruleEvidence = input.contextEvidence,
      supports(rule, verdict.category, code: code, command: command),
      !evidence.contains(ruleEvidence)
    {
      evidence.append(ruleEvidence)
    } else if let senderNote, !evidence.contains(where: { $0.kind == .context }) {
      evidence.append(senderNote)
    }
    // A phrase that was outranked is still evidence of what the text says.
    for (rule, finding) in findings.dropFirst()
    where (rule == .specificPattern || rule == .genericPattern)
      && !evidence.contains(finding.evidence)
    {
      evidence.append(finding.evidence)
    }
    if verdict.category == .blocklistedIP,
      let list = ReplyPatterns.blocklistOperator(in: input.text),
      !verdict.fix.contains(list.delisting)
    {
      verdict.fix +=
        " For \(list.name): request delisting at \(list.delisting) after fixing the cause."
    }

    let retry =
      verdict.retry
      ?? defaultRetry(code: code, classDigit: input.classDigit, category: verdict.category)
    return Diagnosis(
      replyClass: replyClass, category: verdict.category, summary: verdict.summary,
      explanation: verdict.explanation, fix: verdict.fix, retry: retry, evidence: evidence)
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
      .domainUnknown,
    ]
    return code == 550 && command == .rcpt && recipientCategories.contains(category)
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
