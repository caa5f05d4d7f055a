import Testing

@testable import SMTPProbe

@Suite struct ReplyPatternTests {
  @Test func identifiersAreUniqueKebabCase() {
    let ids = ReplyPatterns.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(!id.isEmpty)
      #expect(
        id.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }, "\(id)")
      #expect(!id.hasPrefix("-") && !id.hasSuffix("-"))
    }
  }

  @Test(arguments: ReplyPatterns.all.map(\.id))
  func patternIsComplete(_ id: String) throws {
    let p = try #require(ReplyPatterns.pattern(id: id))
    #expect(!p.source.isEmpty)
    #expect(!p.summary.isEmpty && !p.summary.contains("\n"))
    #expect(!p.explanation.isEmpty)
    #expect(!p.fix.isEmpty)
    #expect(!p.phrases.isEmpty)
    #expect(p.category != .ok)
    #expect(!p.classes.isEmpty && p.classes.isSubset(of: [4, 5]))
    for phrase in p.phrases + p.requiring {
      #expect(!phrase.isEmpty)
      #expect(phrase == phrase.lowercased(), "\(id): \(phrase)")
    }
  }

  @Test(arguments: ReplyPatterns.all.map(\.id))
  func patternMatchesItsOwnPhrases(_ id: String) throws {
    let p = try #require(ReplyPatterns.pattern(id: id))
    let digit = try #require(p.classes.max())
    for phrase in p.phrases {
      let text = PatternText("xx " + phrase.uppercased() + " yy")
      let enhanced = p.enhancedCodes?.first.flatMap { EnhancedStatusCode($0) }
      #expect(
        p.matches(text, classDigit: digit, command: p.commands?.first, enhanced: enhanced),
        "\(id): \(phrase)")
    }
  }

  @Test func classAndCommandConstraintsApply() throws {
    let unknown = try #require(ReplyPatterns.pattern(id: "microsoft-recipient-not-found"))
    let text = PatternText("Requested action not taken: mailbox unavailable")
    #expect(unknown.matches(text, classDigit: 5, command: .rcpt))
    #expect(!unknown.matches(text, classDigit: 4, command: .rcpt))
    let auth = try #require(ReplyPatterns.pattern(id: "auth-credentials-rejected"))
    let failed = PatternText("535 Authentication failed")
    #expect(auth.matches(failed, classDigit: 5, command: .auth))
    #expect(auth.matches(failed, classDigit: 5, command: nil))
    #expect(!auth.matches(failed, classDigit: 5, command: .rcpt))
    let ms = try #require(ReplyPatterns.pattern(id: "microsoft-access-denied-541"))
    let denied = PatternText("Recipient address rejected: Access denied")
    #expect(
      ms.matches(denied, classDigit: 5, command: .rcpt, enhanced: EnhancedStatusCode("5.4.1")))
    #expect(
      !ms.matches(denied, classDigit: 5, command: .rcpt, enhanced: EnhancedStatusCode("5.7.1")))
    #expect(!ms.matches(denied, classDigit: 5, command: .rcpt, enhanced: nil))
  }

  @Test func specificPhrasesWinOverGenericOnes() throws {
    let greylist = try #require(
      ReplyPatterns.firstMatch(
        for: Reply(
          450,
          "4.2.0 <a@b.c>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/b.c.html"
        ),
        text: PatternText(
          "<a@b.c>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/b.c.html"
        ),
        after: .rcpt))
    #expect(greylist.id == "postgrey-greylisted")
    let relay = try #require(
      ReplyPatterns.firstMatch(
        for: Reply(550, "Relaying denied. Proper authentication required."),
        text: PatternText("Relaying denied. Proper authentication required."), after: .rcpt))
    #expect(relay.category == .relayDenied)
  }

  @Test func foldingLowercasesAndJoinsWhiteSpace() {
    let t = PatternText("  Unusual RATE of\r\n\t unsolicited   Mail ")
    #expect(String(decoding: t.bytes, as: UTF8.self) == "unusual rate of unsolicited mail")
    #expect(t.contains("rate of unsolicited"))
    #expect(t.contains("rate  of"))  // the phrase is folded too
    #expect(!t.contains(Array("rate  of".utf8)))
    #expect(t.contains(""))
    #expect(!PatternText("").contains("a"))
    #expect(!PatternText("ab").contains("abc"))
    // Folding is ASCII-only: non-ASCII letters keep their case.
    #expect(!PatternText("ÜBER").contains(Array("über".utf8)))
  }

  @Test func blocklistOperatorsAreRecognised() {
    #expect(
      ReplyPatterns.blocklistOperator(in: PatternText("blocked using zen.spamhaus.org"))?.name
        == "Spamhaus")
    #expect(
      ReplyPatterns.blocklistOperator(in: PatternText("black list at bl.spamcop.net"))?.name
        == "SpamCop")
    #expect(ReplyPatterns.blocklistOperator(in: PatternText("nothing here")) == nil)
  }
}
