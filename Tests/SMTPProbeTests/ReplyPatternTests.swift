import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

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
      let required = p.requiring.map { " " + $0.uppercased() }.joined()
      let text = PatternText("xx " + phrase.uppercased() + required + " yy")
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
    // Latin-1 and Cyrillic capitals fold too; other scripts are kept as they are.
    #expect(PatternText("ÜBER").contains(Array("über".utf8)))
    #expect(PatternText("ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН").contains("пользователь не найден"))
    #expect(PatternText("Ёж").contains("ёж"))
    #expect(PatternText("用户不存在").contains("用户不存在"))
    #expect(!PatternText("×").contains("÷"))
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

  @Test func pairPrefilterNeverHidesAPhrase() throws {
    // The pair buckets may only rule out phrases that a plain scan would not find.
    var texts = realReplyCases.compactMap { c in
      (try? ReplyParser.parseAll(Array(c.raw.utf8)).first).map { PatternText($0.text) }
    }
    texts += [PatternText(""), PatternText("a"), PatternText("relay access denied")]
    for text in texts {
      for matcher in ReplyPatterns.matchers {
        for (bytes, pairs) in zip(matcher.phraseBytes, matcher.phrasePairs) {
          #expect(text.contains(bytes, pairs: pairs) == text.contains(bytes))
        }
      }
    }
  }

  @Test func addressesAndBracketedHostsAreBlanked() {
    let t = PatternText("550 5.1.1 <Greylist@Example.org>... User unknown <mx.relay.example>")
    #expect(String(decoding: t.bytes, as: UTF8.self) == "550 5.1.1 <>... user unknown <>")
    // Brackets that hold no address stay: "<CR><LF>", an empty "<>", a stray "<".
    #expect(PatternText("end with <CR><LF>.<CR><LF>").contains("<cr><lf>.<cr><lf>"))
    #expect(PatternText("from <> ok").contains("from <> ok"))
    #expect(PatternText("a < b@c.d and e >").contains("a < b@c.d and e >"))
    #expect(PatternText("<a@b.c").contains("<a@b.c"))
  }
}

/// A reply whose words look like a known phrase but do not mean it.
struct NegativeCase: CustomTestStringConvertible, Sendable {
  let id: String
  let raw: String
  let command: CommandKind?
  /// The pattern that must not decide.
  let notPattern: String
  /// What the reply does mean.
  let category: DiagnosisCategory
  var testDescription: String { id }
}

@Suite struct ReplyPatternFalsePositiveTests {
  static let cases: [NegativeCase] = [
    NegativeCase(
      id: "relay inside a host name is not a relay refusal",
      raw: "550 5.7.1 <u@example.net>: Message refused by relay2.example.net policy",
      command: .rcpt, notPattern: "relay-denied", category: .policySpamContent),
    NegativeCase(
      id: "spam inside spamhaus is a blocklist, not content",
      raw: "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
      command: .rcpt, notPattern: "spam-detected", category: .blocklistedIP),
    NegativeCase(
      id: "user unknown after AUTH is the login",
      raw: "535 5.7.8 Error: authentication failed: user unknown", command: .auth,
      notPattern: "user-unknown", category: .authFailed),
    NegativeCase(
      id: "no such user after AUTH is the login",
      raw: "535 5.7.8 No such user", command: .auth, notPattern: "user-unknown",
      category: .authFailed),
    NegativeCase(
      id: "virus in a local part is not a virus",
      raw: "451 4.3.0 <virus-lab@example.org>: Temporary lookup failure", command: .rcpt,
      notPattern: "blocked-attachment-or-virus", category: .localError),
    NegativeCase(
      id: "rate-limit in a local part is not a rate limit",
      raw: "451 4.3.0 <rate-limit-alerts@example.org>: Temporary lookup failure", command: .rcpt,
      notPattern: "rate-limited", category: .localError),
    NegativeCase(
      id: "throttle in a host name is not throttling",
      raw: "421 4.7.0 throttle.example.net Error: too many errors", command: .rcpt,
      notPattern: "rate-limited", category: .serviceUnavailable),
    NegativeCase(
      id: "blacklist in a local part is not a blocklist",
      raw: "550 5.1.1 <blacklist-admin@example.org>... User unknown", command: .rcpt,
      notPattern: "named-blocklist", category: .mailboxUnknown),
    NegativeCase(
      id: "greylist in a local part is not greylisting",
      raw:
        "550 5.1.1 <greylist@example.org>: Recipient address rejected: User unknown in local recipient table",
      command: .rcpt, notPattern: "greylisting", category: .mailboxUnknown),
    NegativeCase(
      id: "dnsbl in a HELO name is not a blocklist",
      raw: "554 5.7.1 <dnsbl-test.example.org>: Helo command rejected: Access denied",
      command: .ehlo, notPattern: "named-blocklist", category: .policySpamContent),
    NegativeCase(
      id: "relay in a sender address is not relaying",
      raw: "550 5.7.1 <relay@example.org>: Sender address rejected: Access denied", command: .mail,
      notPattern: "relay-denied", category: .senderRejected),
    NegativeCase(
      id: "try again later as a greeting is not greylisting",
      raw: "421 4.7.0 Please try again later", command: .greeting,
      notPattern: "please-try-again-later", category: .serviceUnavailable),
    NegativeCase(
      id: "a recipient's bad syntax is not a sender rejection",
      raw: "553 5.1.3 The recipient address <bob@example> is not a valid RFC 5321 address.",
      command: .rcpt, notPattern: "sender-rejected", category: .addressSyntax),
    NegativeCase(
      id: "protocol error without 5.5.1 is not postscreen",
      raw: "451 4.3.0 Error: queue file write error (protocol error in cleanup)",
      command: .endOfData, notPattern: "postscreen-protocol-error", category: .localError),
    NegativeCase(
      id: "loop in a local part is not a mail loop",
      raw: "451 4.3.0 <loop-alert@example.org>: Temporary lookup failure", command: .rcpt,
      notPattern: "mail-loop", category: .localError),
    NegativeCase(
      id: "a sender domain not found is the sender's, not the recipient's domain",
      raw: "450 4.1.8 <a@nxdomain.example>: Sender address rejected: Domain not found",
      command: .mail, notPattern: "domain-unknown", category: .senderRejected),
    NegativeCase(
      id: "too many recipients is not a sending limit",
      raw: "452 4.5.3 Error: too many recipients", command: .rcpt,
      notPattern: "sending-limits", category: .tooManyRecipients),
    NegativeCase(
      id: "rdns in a HELO name is not reverse DNS",
      raw: "554 5.7.1 <rdns-check.example.org>: Helo command rejected: Access denied",
      command: .ehlo, notPattern: "reverse-dns-missing", category: .policySpamContent),
    NegativeCase(
      id: "spf in a local part is not SPF",
      raw: "550 5.7.1 <spf-reports@example.org>: Recipient address rejected: Access denied",
      command: .rcpt, notPattern: "spf-refusal", category: .policySpamContent),
    NegativeCase(
      id: "a disabled account after AUTH is the login",
      raw: "535 5.7.8 Error: authentication failed: account disabled", command: .auth,
      notPattern: "mailbox-inactive", category: .authFailed),
    NegativeCase(
      id: "too many messages on the server is a full mailbox",
      raw: "552 5.2.2 Too many messages on the server for this user", command: .rcpt,
      notPattern: "sending-limits", category: .mailboxFull),
    NegativeCase(
      id: "tls in a host name is not a TLS demand",
      raw:
        "550 5.1.1 <bob@tls-required.example.org>: Recipient address rejected: User unknown in local recipient table",
      command: .rcpt, notPattern: "tls-required", category: .mailboxUnknown),
    NegativeCase(
      id: "a mailbox named spam is a mailbox",
      raw: "550 5.1.1 <spam@example.org>... User unknown", command: .rcpt,
      notPattern: "spam-detected", category: .mailboxUnknown),
  ]

  @Test(arguments: cases)
  func doesNotFire(_ c: NegativeCase) throws {
    let reply = try #require(try ReplyParser.parseAll(Array((c.raw + "\r\n").utf8)).first)
    let d = Classifier.diagnose(reply, after: c.command)
    #expect(!d.evidence.contains { $0.kind == .pattern && $0.value == c.notPattern })
    #expect(d.category == c.category)
  }
}
