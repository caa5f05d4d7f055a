import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Arguments `explain` must refuse, and the one line it must say.
struct ExplainErrorCase: CustomTestStringConvertible, Sendable {
  let id: String
  let arguments: [String]
  let expected: ExplainError
  var testDescription: String { id }
}

/// Pasted text and the replies (code, context) it must yield.
struct PasteCase: CustomTestStringConvertible, Sendable {
  let id: String
  let text: String
  let expected: [PastedExpectation]
  var testDescription: String { id }
}

struct PastedExpectation: Hashable, Sendable {
  let code: Int
  let lines: Int
  let after: CommandKind?
}

@Suite struct ExplainReportTests {
  static let errors: [ExplainErrorCase] = [
    ExplainErrorCase(id: "nothing", arguments: [], expected: .noInput),
    ExplainErrorCase(id: "uncatalogued code", arguments: ["299"], expected: .uncatalogued(299)),
    ExplainErrorCase(id: "first digit 6", arguments: ["600"], expected: .notAReplyCode(600)),
    ExplainErrorCase(id: "first digit 1", arguments: ["100"], expected: .notAReplyCode(100)),
    ExplainErrorCase(id: "two digits", arguments: ["55"], expected: .notThreeDigits("55")),
    ExplainErrorCase(id: "four digits", arguments: ["5500"], expected: .notThreeDigits("5500")),
    ExplainErrorCase(
      id: "three codes", arguments: ["250", "550", "421"], expected: .tooManyArguments(count: 3)),
    ExplainErrorCase(
      id: "same code twice", arguments: ["550", "550"], expected: .sameCodeTwice(550)),
    ExplainErrorCase(
      id: "code and a word", arguments: ["abc", "550"], expected: .cannotCompare("abc")),
    ExplainErrorCase(
      id: "enhanced class 3", arguments: ["3.1.1"],
      expected: .badEnhancedCode("3.1.1", reason: "the class must be 2, 4 or 5 (RFC 3463 2)")),
    ExplainErrorCase(
      id: "enhanced subject 9", arguments: ["5.9.1"],
      expected: .badEnhancedCode(
        "5.9.1", reason: "subject 9 is undefined (RFC 3463 defines subjects 0 to 7)")),
    ExplainErrorCase(
      id: "enhanced detail of four digits", arguments: ["5.1.1000"],
      expected: .badEnhancedCode("5.1.1000", reason: "subject and detail have one to three digits")),
    ExplainErrorCase(id: "whitespace only", arguments: ["  "], expected: .noInput),
  ]

  @Test(arguments: errors)
  func refusesQuery(_ c: ExplainErrorCase) {
    #expect(throws: c.expected) { try ExplainQuery.parse(c.arguments) }
    #expect(!c.expected.description.contains("\n"))
  }

  @Test func refusesTextWithoutACode() {
    #expect(throws: ExplainError.notUnderstood("abc")) {
      try ExplainReport.build(.replyText("abc"), readStandardInput: { "" })
    }
    #expect(throws: ExplainError.replyCodeOutOfRange(600)) {
      try ExplainReport.build(.replyText("600 nope"), readStandardInput: { "" })
    }
    #expect(throws: ExplainError.emptyStandardInput) {
      try ExplainReport.build(.standardInput, readStandardInput: { "\n \r\n" })
    }
    #expect(throws: ExplainError.afterWithoutReply) {
      try ExplainReport.build(.codes([550]), after: .rcpt, readStandardInput: { "" })
    }
  }

  @Test func readsQueries() throws {
    #expect(try ExplainQuery.parse(["550"]) == .codes([550]))
    #expect(try ExplainQuery.parse(["250", "550"]) == .codes([250, 550]))
    #expect(try ExplainQuery.parse(["5.7.1"]) == .enhanced(statusClass: 5, subject: 7, detail: 1))
    #expect(try ExplainQuery.parse(["4.4.99"]) == .enhanced(statusClass: 4, subject: 4, detail: 99))
    #expect(try ExplainQuery.parse(["X.7.1"]) == .enhanced(statusClass: nil, subject: 7, detail: 1))
    #expect(try ExplainQuery.parse(["-"]) == .standardInput)
    #expect(try ExplainQuery.parse(["550 5.1.1 nope"]) == .replyText("550 5.1.1 nope"))
    #expect(try ExplainQuery.parse(["550", "5.1.1"]) == .replyText("550 5.1.1"))
    #expect(try ExplainQuery.parse(["5.1.1", "550"]) == .replyText("550 5.1.1"))
    #expect(
      try ExplainQuery.parse(["550", "5.1.1", "no", "such"]) == .replyText("550 5.1.1 no such"))
  }

  @Test func buildsACodeCard() throws {
    let report = try ExplainReport.build(.codes([550]), readStandardInput: { "" })
    let entry = try #require(ReplyCodeCatalogue.entry(for: 550))
    #expect(report == .code(entry))
  }

  @Test func buildsAComparison() throws {
    let report = try ExplainReport.build(.codes([250, 550]), readStandardInput: { "" })
    guard case .comparison(let comparison) = report else {
      Issue.record("expected a comparison, got \(report)")
      return
    }
    #expect(comparison.first.code == 250 && comparison.second.code == 550)
    #expect(
      comparison.differences == CodeComparison.differences(comparison.first, comparison.second))
    #expect(!comparison.summary.isEmpty && !comparison.whenToUseWhich.isEmpty)
  }

  @Test func buildsEnhancedCards() throws {
    let registered = try ExplainReport.build(
      .enhanced(statusClass: 5, subject: 1, detail: 1), readStandardInput: { "" })
    guard case .enhanced(let card) = registered else {
      Issue.record("expected an enhanced card")
      return
    }
    #expect(card.code == "5.1.1" && card.replyClass == .permanentNegative)
    #expect(card.description.isRegistered)

    let unregistered = try ExplainReport.build(
      .enhanced(statusClass: 4, subject: 4, detail: 99), readStandardInput: { "" })
    guard case .enhanced(let other) = unregistered else {
      Issue.record("expected an enhanced card")
      return
    }
    #expect(other.code == "4.4.99" && !other.description.isRegistered)

    let anyClass = try ExplainReport.build(
      .enhanced(statusClass: nil, subject: 1, detail: 1), readStandardInput: { "" })
    guard case .enhanced(let x) = anyClass else {
      Issue.record("expected an enhanced card")
      return
    }
    #expect(x.code == "X.1.1" && x.replyClass == nil)
    #expect(x.classMeaning.hasPrefix("X stands for any class"))
  }

  @Test func diagnosesAPastedReply() throws {
    let text = "550 5.1.1 <bob@x.org>: Recipient address rejected: User unknown"
    let report = try ExplainReport.build(.replyText(text), after: .rcpt, readStandardInput: { "" })
    guard case .replies(let replies) = report, let only = replies.first else {
      Issue.record("expected one reply")
      return
    }
    #expect(replies.count == 1)
    #expect(only.reply.code == 550 && only.reply.enhanced?.description == "5.1.1")
    #expect(only.after == .rcpt)
    #expect(only.diagnosis == Classifier.diagnose(only.reply, after: .rcpt))
    #expect(only.card?.code == 550)
    #expect(only.enhanced?.isRegistered == true)
  }

  static let pastes: [PasteCase] = [
    PasteCase(
      id: "one line without CRLF", text: "550 5.1.1 User unknown",
      expected: [PastedExpectation(code: 550, lines: 1, after: nil)]),
    PasteCase(
      id: "Gmail-style multi-line with LF endings",
      text:
        "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
        + "550-5.1.1 double-checking the recipient's email address for typos or\n"
        + "550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser\n",
      expected: [PastedExpectation(code: 550, lines: 3, after: nil)]),
    PasteCase(
      id: "two replies with CRLF and a blank line", text: "421 4.7.0 Try later\r\n\r\n250 OK\r\n",
      expected: [
        PastedExpectation(code: 421, lines: 1, after: nil),
        PastedExpectation(code: 250, lines: 1, after: nil),
      ]),
    PasteCase(
      id: "swaks transcript, pipelined",
      text: """
        === Trying 127.0.0.1:2525...
        <-  220 mx.test ESMTP
         -> EHLO me.test
        <-  250-mx.test
        <-  250 PIPELINING
         -> MAIL FROM:<a@x.org>
         -> RCPT TO:<b@y.org>
        <-  250 2.1.0 Ok
        <** 550 5.1.1 <b@y.org>: Recipient address rejected: User unknown
         -> QUIT
        <-  221 2.0.0 Bye
        """,
      expected: [
        PastedExpectation(code: 220, lines: 1, after: .greeting),
        PastedExpectation(code: 250, lines: 2, after: .ehlo),
        PastedExpectation(code: 250, lines: 1, after: .mail),
        PastedExpectation(code: 550, lines: 1, after: .rcpt),
        PastedExpectation(code: 221, lines: 1, after: .quit),
      ]),
    PasteCase(
      id: "S:/C: transcript with message content",
      text: """
        S: 220 mx ESMTP
        C: DATA
        S: 354 go ahead
        C: Subject: hi
        C: 
        C: body
        C: .
        S: 250 queued as 4F2A1C
        """,
      expected: [
        PastedExpectation(code: 220, lines: 1, after: .greeting),
        PastedExpectation(code: 354, lines: 1, after: .data),
        PastedExpectation(code: 250, lines: 1, after: .endOfData),
      ]),
  ]

  @Test(arguments: pastes)
  func readsPastedText(_ c: PasteCase) throws {
    let items = try PastedReplies.parse(c.text)
    #expect(
      items.map {
        PastedExpectation(code: $0.reply.code, lines: $0.reply.lines.count, after: $0.after)
      }
        == c.expected)
  }

  @Test func textRendererUsesTheLanguagesHeadings() throws {
    let report = try ExplainReport.build(.codes([250, 550]), readStandardInput: { "" })
    for language in Language.allCases {
      let headings = Headings(language)
      let text = ExplainTextRenderer(language: language).render(report)
      for heading in [
        headings.description, headings.whenYouSeeIt, headings.howToFix, headings.keyDifferences,
        headings.whenToUseWhich, headings.learnMore,
      ] {
        #expect(text.contains("\n\(heading)\n"), "\(language): \(heading)")
      }
      #expect(!text.contains("\u{1B}["))
    }
  }

  @Test func textRendererWrapsAndColours() throws {
    let report = try ExplainReport.build(.codes([550]), readStandardInput: { "" })
    let narrow = ExplainTextRenderer(style: TerminalStyle(colors: false, width: 50)).render(report)
    // Paragraphs wrap; the title and label lines are short by design.
    let lines: [Substring] = narrow.split(separator: "\n")
    #expect(lines.dropFirst().allSatisfy { $0.count <= 50 })
    let coloured = ExplainTextRenderer(style: TerminalStyle(colors: true)).render(report)
    #expect(coloured.contains("\u{1B}[31m"))
    #expect(coloured.contains("\u{1B}[1m"))
  }

  @Test func jsonShapes() throws {
    let card = ExplainJSONRenderer.values(
      try ExplainReport.build(.codes([550]), readStandardInput: { "" }))
    #expect(card.count == 1)
    guard case .object(let members) = card[0] else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.key) == [
        "code", "class", "title", "description", "when", "fix", "rfc", "category", "retry",
      ])
    let two = ExplainJSONRenderer.values(
      try ExplainReport.build(.codes([250, 550]), readStandardInput: { "" }))
    #expect(two.first?["differences"] != nil && two.first?["codes"] != nil)
    let replies = try ExplainReport.build(.standardInput, readStandardInput: { "250 a\n550 b\n" })
    let rendered = ExplainJSONRenderer.render(replies)
    #expect(rendered.split(separator: "\n").count == 2)
  }
}
