/// Lays out an `ExplainReport` for a person: headings in the chosen language, paragraphs
/// wrapped, the reply class in its colour when the style allows.
///
/// Section order follows the reference pages: Description, When You See It, How to Fix,
/// then for two codes Key Differences and When to Use Which, and Learn More last.
public struct ExplainTextRenderer: Sendable {
  public var headings: Headings
  public var style: TerminalStyle

  public init(language: Language = .en, style: TerminalStyle = .plain) {
    headings = Headings(language)
    self.style = style
  }

  /// The whole output, ending with a newline.
  public func render(_ report: ExplainReport) -> String {
    var out: [String] = []
    switch report {
    case .code(let entry):
      out += codeCard(entry, fullTitle: true)
      out += section(headings.learnMore, [entry.rfc.joined(separator: ", ")])
    case .comparison(let comparison):
      out += comparisonLines(comparison)
    case .enhanced(let card):
      out += enhancedCard(card)
    case .replies(let explanations):
      for (index, explanation) in explanations.enumerated() {
        if index > 0 {
          out.append("")
          out.append(style.dim(String(repeating: "─", count: min(style.width ?? 78, 78))))
          out.append("")
        }
        out += replyLines(explanation)
      }
    }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Reply codes

  private func codeCard(_ entry: ReplyCodeEntry, fullTitle: Bool) -> [String] {
    let name = fullTitle ? "SMTP \(entry.code) \(entry.title)" : "\(entry.code) \(entry.title)"
    var out = [style.bold(style.colored(name, for: entry.replyClass))]
    out.append(
      label(headings.class)
        + style.colored(classTitle(entry.replyClass, entry.code), for: entry.replyClass))
    out.append(
      label(headings.category) + entry.category.rawValue + "   " + label(headings.retry)
        + entry.retry.rawValue)
    out.append("")
    out += section(headings.description, [entry.description])
    out += section(headings.whenYouSeeIt, [entry.when])
    out += section(headings.howToFix, [entry.fix])
    return out
  }

  private func comparisonLines(_ comparison: ExplainReport.Comparison) -> [String] {
    let a = comparison.first
    let b = comparison.second
    var out = [style.bold("SMTP \(a.code) \(a.title) vs \(b.code) \(b.title)")]
    out.append("")
    out += paragraph(comparison.summary, indent: "")
    out.append("")
    out += codeCard(a, fullTitle: false)
    out += codeCard(b, fullTitle: false)
    var differences: [String] = [style.bold(headings.keyDifferences)]
    for (index, difference) in comparison.differences.enumerated() {
      let number = "\(index + 1). "
      let wrapped = paragraph(
        difference, indent: "  " + String(repeating: " ", count: number.count))
      guard let first = wrapped.first else { continue }
      differences.append("  " + number + first.dropFirst(2 + number.count))
      differences += wrapped.dropFirst()
    }
    out += differences
    out.append("")
    out += section(headings.whenToUseWhich, [comparison.whenToUseWhich])
    var rfcs: [String] = []
    for rfc in a.rfc + b.rfc where !rfcs.contains(rfc) { rfcs.append(rfc) }
    out += section(headings.learnMore, [rfcs.joined(separator: ", ")])
    return out
  }

  // MARK: - Enhanced codes

  private func enhancedCard(_ card: ExplainReport.EnhancedCard) -> [String] {
    let description = card.description
    var out = [
      style.bold(
        style.colored(
          "\(headings.enhancedCode) \(card.code) \(description.title)", for: card.replyClass))
    ]
    out.append(
      style.dim(
        description.isRegistered
          ? "Registered in the IANA SMTP Enhanced Status Codes registry."
          : "Not in the IANA registry: explained from its class and subject."))
    out.append("")
    out += section(headings.description, [description.description])
    let classDigit = card.code.prefix(1)
    out += section("\(headings.class) \(classDigit)", [card.classMeaning])
    let subject = card.subject
    if let subjectTitle = description.subjectTitle {
      out += section(
        "\(headings.subject) \(subject) · \(subjectTitle)",
        [description.subjectDescription ?? ""])
    }
    if !description.rfc.isEmpty {
      out += section(headings.learnMore, [description.rfc.joined(separator: ", ")])
    }
    return out
  }

  // MARK: - Replies

  private func replyLines(_ explanation: ExplainReport.ReplyExplanation) -> [String] {
    let reply = explanation.reply
    let diagnosis = explanation.diagnosis
    var out: [String] = []
    out.append(style.bold(style.colored(diagnosis.summary, for: diagnosis.replyClass)))
    // A reply whose code changes is read by its last line (`Reply.answer`).
    let classText = diagnosis.replyClass.map { classTitle($0, reply.finalCode) } ?? "unknown"
    out.append(label(headings.class) + style.colored(classText, for: diagnosis.replyClass))
    out.append(
      label(headings.category) + diagnosis.category.rawValue + "   " + label(headings.retry)
        + diagnosis.retry.rawValue)
    if let after = explanation.after {
      out.append(style.dim("In answer to \(after.displayName)."))
    }
    out.append("")
    for line in reply.lines {
      out.append("  " + style.dim("<- ") + UntrustedText.shown(line))
    }
    if let enhanced = reply.answer.enhanced {
      out.append("  " + label(headings.enhancedCode) + enhanced.description)
    }
    out.append("")
    if !reply.violations.isEmpty {
      out += section(headings.violations, reply.violations.map(\.description), bullets: true)
    }
    if !diagnosis.explanation.isEmpty {
      out += section(headings.explanation, [diagnosis.explanation])
    }
    if !diagnosis.fix.isEmpty {
      out += section(headings.fix, [diagnosis.fix])
    }
    if !diagnosis.evidence.isEmpty {
      out += section(
        headings.evidence,
        diagnosis.evidence.map { "\($0.kind.rawValue) \($0.value): \($0.detail)" }, bullets: true)
    }
    if let card = explanation.card {
      out += codeCard(card, fullTitle: true)
      out += section(headings.learnMore, [card.rfc.joined(separator: ", ")])
    }
    if let enhanced = reply.answer.enhanced, let description = explanation.enhanced {
      let card = ExplainReport.EnhancedCard(enhanced, description: description)
      out += enhancedCard(card)
    }
    return out
  }

  // MARK: - Pieces

  private func label(_ heading: String) -> String { style.bold(heading) + ": " }

  private func classTitle(_ replyClass: ReplyClass, _ code: Int) -> String {
    "\(replyClass.title) (\(code / 100)xx)"
  }

  /// A bold heading, its paragraphs indented and wrapped, and a blank line.
  private func section(_ heading: String, _ paragraphs: [String], bullets: Bool = false) -> [String]
  {
    var out = [style.bold(heading)]
    for text in paragraphs where !text.isEmpty {
      if bullets {
        let wrapped = paragraph(text, indent: "    ")
        guard let first = wrapped.first else { continue }
        out.append("  - " + first.dropFirst(4))
        out += wrapped.dropFirst()
      } else {
        out += paragraph(text, indent: "  ")
      }
    }
    out.append("")
    return out
  }

  private func paragraph(_ text: String, indent: String) -> [String] {
    style.wrap(text, indent: indent)
  }
}
