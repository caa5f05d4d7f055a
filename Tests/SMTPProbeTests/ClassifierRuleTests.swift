import Testing

@testable import SMTPProbeCore

private func parse(_ raw: String) throws -> Reply {
  try #require(try ReplyParser.parseAll(Array(raw.utf8)).first)
}

/// The evidence order, context-aware enhanced codes, the two routing categories, replies whose
/// code changes, and replies in other languages.
@Suite struct ClassifierRuleTests {
  @Test func aSpecificPhraseOutranksAGenericEnhancedCode() throws {
    // X.7.1 names only "policy"; the words name the cause.
    let rdns = Classifier.diagnose(
      try parse("550 5.7.1 Client host rejected: IP 192.0.2.1 has no PTR record\r\n"), after: .rcpt)
    #expect(rdns.category == .rdnsFail)
    #expect(rdns.evidence.first?.kind == .pattern)
    let tls = Classifier.diagnose(
      try parse("451 4.7.3 STARTTLS is required to send mail\r\n"), after: .mail)
    #expect(tls.category == .tlsRequired)
  }

  @Test func aSpecificEnhancedCodeOutranksAGenericPhrase() throws {
    // "mailbox unavailable" is RFC 5321's text for any 550; X.2.1 says the mailbox is disabled.
    let d = Classifier.diagnose(try parse("550 5.2.1 Mailbox unavailable\r\n"), after: .rcpt)
    #expect(d.category == .mailboxDisabled)
    #expect(d.evidence.first?.kind == .enhancedCode)
    #expect(d.evidence.contains { $0.kind == .pattern && $0.value == "mailbox-unavailable" })
  }

  @Test func theRuleOrderIsData() {
    #expect(ClassifierRule.order.first == .specificPattern)
    #expect(ClassifierRule.order.last == .basicCode)
    #expect(Set(ClassifierRule.order) == Set(ClassifierRule.allCases))
    let specific = ClassifierRule.order.firstIndex(of: .specificEnhancedCode) ?? 0
    let generic = ClassifierRule.order.firstIndex(of: .genericPattern) ?? 0
    #expect(specific < generic)
  }

  struct ContextCodeCase: CustomTestStringConvertible, Sendable {
    let raw: String
    let command: CommandKind
    let category: DiagnosisCategory
    var testDescription: String { "\(raw) after \(command.rawValue)" }
  }

  static let contextCodes: [ContextCodeCase] = [
    ContextCodeCase(raw: "550 5.7.13 gone", command: .rcpt, category: .mailboxDisabled),
    ContextCodeCase(raw: "535 5.7.13 gone", command: .auth, category: .authFailed),
    ContextCodeCase(raw: "550 5.7.9 refused", command: .endOfData, category: .policySpamContent),
    ContextCodeCase(raw: "535 5.7.9 refused", command: .auth, category: .authFailed),
    ContextCodeCase(raw: "535 5.7.3 refused", command: .auth, category: .authFailed),
    ContextCodeCase(raw: "451 5.7.3 refused", command: .mail, category: .tlsRequired),
    ContextCodeCase(raw: "550 5.1.2 no", command: .rcpt, category: .domainUnknown),
    ContextCodeCase(raw: "550 5.1.2 no", command: .mail, category: .senderRejected),
  ]

  @Test(arguments: contextCodes)
  func enhancedCodesAreReadInContext(_ c: ContextCodeCase) throws {
    let d = Classifier.diagnose(try parse(c.raw + "\r\n"), after: c.command)
    #expect(d.category == c.category)
    #expect(d.evidence.first?.kind == .enhancedCode)
  }

  @Test func domainUnknownAndMailLoop() throws {
    let domain = Classifier.diagnose(
      try parse(
        "550 5.1.2 <bob@example.invalid>... Host unknown (Name server: host not found)\r\n"),
      after: .rcpt)
    #expect(domain.category == .domainUnknown)
    #expect(domain.retry == .never)
    let loop = Classifier.diagnose(try parse("554 5.4.6 Too many hops\r\n"), after: .endOfData)
    #expect(loop.category == .mailLoop)
    #expect(loop.retry == .afterFix)
    #expect(Classifier.diagnose(Reply(550, "4.4.6 x"), after: nil).category == .mailLoop)
  }

  @Test func theLastLineOfACodeChangingReplyIsTheAnswer() throws {
    let reply = try parse(
      "220-mx.example.com ESMTP\r\n421 4.7.0 Too many connections from your IP, try later\r\n")
    #expect(reply.firstLineCode == 220)
    #expect(reply.finalCode == 421)
    let d = Classifier.diagnose(reply, after: .greeting)
    #expect(d.replyClass == .transientNegative)
    #expect(d.category == .rateLimited)
    #expect(d.explanation.contains("220") && d.explanation.contains("421"))
    let rcpt = Classifier.diagnose(
      try parse("250-Ok so far\r\n550 5.1.1 User unknown\r\n"), after: .rcpt)
    #expect(rcpt.category == .mailboxUnknown)
  }

  @Test func lineLengthAndBareLineFeedRefusals() throws {
    for raw in [
      "500 5.5.2 Error: line too long", "500 Line too long", "552 5.3.4 line length exceeded",
    ] {
      let d = Classifier.diagnose(try parse(raw + "\r\n"), after: .endOfData)
      #expect(d.category == .syntaxError, "\(raw)")
      #expect(d.fix.contains("998"), "\(raw)")
    }
    for raw in [
      "521 5.5.2 mx.example.org Error: bare <LF> received",
      "451 See http://pobox.com/~djb/docs/smtplf.html.",
    ] {
      let d = Classifier.diagnose(try parse(raw + "\r\n"), after: .endOfData)
      #expect(d.category == .syntaxError, "\(raw)")
      #expect(d.fix.contains("CRLF"), "\(raw)")
    }
  }

  @Test func aPolicyRefusalOfTheGreetingIsAboutTheIP() throws {
    let d = Classifier.diagnose(
      try parse("554 Reject due to policy violations\r\n"), after: .greeting)
    #expect(d.category == .blocklistedIP)
    // The same words after DATA are about the message.
    let data = Classifier.diagnose(
      try parse("554 Reject due to policy violations\r\n"), after: .endOfData)
    #expect(data.category == .policySpamContent)
  }

  @Test func theHELOFallbackCodesAreOneConstant() {
    for code in [500, 502, 504, 550] {
      #expect(HelloFallback.fallsBackToHELO(after: code))
      let d = Classifier.diagnose(Reply(code, ""), after: .ehlo)
      #expect(d.category == .commandUnrecognized, "\(code)")
    }
    #expect(!HelloFallback.fallsBackToHELO(after: 421))
  }

  struct LanguageCase: CustomTestStringConvertible, Sendable {
    let language: String
    let raw: String
    let command: CommandKind
    let category: DiagnosisCategory
    var testDescription: String { "\(language): \(raw)" }
  }

  /// Replies in other languages as their senders write them, and the English twin's category.
  static let languages: [LanguageCase] = [
    LanguageCase(
      language: "fr", raw: "550 5.1.1 Adresse inconnue / Utilisateur inconnu", command: .rcpt,
      category: .mailboxUnknown),
    LanguageCase(
      language: "fr", raw: "552 Boite aux lettres pleine", command: .rcpt, category: .mailboxFull),
    LanguageCase(
      language: "fr", raw: "550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam",
      command: .greeting, category: .blocklistedIP),
    LanguageCase(
      language: "de", raw: "550 Benutzer UNBEKANNT", command: .rcpt, category: .mailboxUnknown),
    LanguageCase(language: "de", raw: "552 Postfach voll", command: .rcpt, category: .mailboxFull),
    LanguageCase(
      language: "de", raw: "554 IP-Adresse gesperrt", command: .greeting, category: .blocklistedIP),
    LanguageCase(
      language: "es", raw: "550 Usuario desconocido", command: .rcpt, category: .mailboxUnknown),
    LanguageCase(language: "es", raw: "552 Buzón lleno", command: .rcpt, category: .mailboxFull),
    LanguageCase(
      language: "pt", raw: "550 Usuário desconhecido", command: .rcpt, category: .mailboxUnknown),
    LanguageCase(
      language: "pt", raw: "550 Conta desativada", command: .rcpt, category: .mailboxDisabled),
    LanguageCase(
      language: "it", raw: "550 Utente sconosciuto", command: .rcpt, category: .mailboxUnknown),
    LanguageCase(language: "it", raw: "552 Casella piena", command: .rcpt, category: .mailboxFull),
    LanguageCase(
      language: "ru", raw: "550 Пользователь не найден", command: .rcpt, category: .mailboxUnknown),
    LanguageCase(
      language: "ru", raw: "550 ПОЧТОВЫЙ ЯЩИК ЗАБЛОКИРОВАН", command: .rcpt,
      category: .mailboxDisabled),
    LanguageCase(
      language: "ru", raw: "554 Сообщение похоже на спам", command: .endOfData,
      category: .policySpamContent),
    LanguageCase(
      language: "ja", raw: "550 宛先不明のため配送できません", command: .rcpt, category: .mailboxUnknown),
    LanguageCase(
      language: "ja", raw: "554 迷惑メールと判定されました", command: .endOfData, category: .policySpamContent),
    LanguageCase(language: "zh", raw: "550 用户不存在", command: .rcpt, category: .mailboxUnknown),
    LanguageCase(language: "zh", raw: "552 邮箱已满", command: .rcpt, category: .mailboxFull),
    LanguageCase(language: "zh", raw: "554 IP在黑名单中", command: .greeting, category: .blocklistedIP),
  ]

  @Test(arguments: languages)
  func repliesInOtherLanguages(_ c: LanguageCase) throws {
    let d = Classifier.diagnose(try parse(c.raw + "\r\n"), after: c.command)
    #expect(d.category == c.category)
  }
}

/// Every category in DESIGN.md's vocabulary has the catalogue's words.
@Suite struct CategoryVocabularyTests {
  /// DESIGN.md "Diagnosis vocabulary", `category`.
  static let vocabulary: Set = [
    "ok", "mailbox-unknown", "domain-unknown", "mailbox-full", "mailbox-disabled",
    "relay-denied", "greylisted", "rate-limited", "blocklisted-ip", "spf-fail", "dkim-fail",
    "dmarc-fail", "rdns-fail", "policy-spam-content", "auth-required", "auth-failed",
    "tls-required", "message-too-large", "mail-loop", "syntax-error", "command-unrecognized",
    "bad-sequence", "service-unavailable", "local-error", "storage-full",
    "host-does-not-accept-mail", "user-not-local", "too-many-recipients", "address-syntax",
    "sender-rejected", "other",
  ]

  @Test func theCategoriesAreDesignsVocabulary() {
    #expect(Set(DiagnosisCategory.allCases.map(\.rawValue)) == Self.vocabulary)
  }

  @Test(arguments: DiagnosisCategory.allCases)
  func everyCategoryHasItsWords(_ category: DiagnosisCategory) {
    let advice = CategoryAdvice.of(category)
    #expect(CatalogueTextChecks.problems(advice.explanation, field: "explanation").isEmpty)
    #expect(!advice.summary.isEmpty)
    if category != .ok {
      #expect(CatalogueTextChecks.problems(advice.fix, field: "fix").isEmpty)
    }
  }

  @Test func theEnhancedCatalogueNamesTheNewCategories() throws {
    let domain = try #require(EnhancedStatusCode("5.1.2"))
    let loop = try #require(EnhancedStatusCode("4.4.6"))
    #expect(EnhancedStatusCatalogue.entry(for: domain)?.category == .domainUnknown)
    #expect(EnhancedStatusCatalogue.entry(for: loop)?.category == .mailLoop)
  }
}
