import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Parses raw reply text (CRLF lines) the way the dialogue does.
private func parse(_ raw: String) throws -> Reply {
  let replies = try ReplyParser.parseAll(Array(raw.utf8))
  return try #require(replies.first)
}

@Suite struct ClassifierTests {
  // MARK: Real replies

  @Test(arguments: realReplyCases)
  func realReply(_ c: RealReplyCase) throws {
    #expect(!c.source.isEmpty)
    let reply = try parse(c.raw)
    let d = Classifier.diagnose(reply, after: c.command)
    #expect(d.category == c.category)
    #expect(d.replyClass == c.replyClass)
    #expect(d.retry == c.retry)
    let first = try #require(d.evidence.first)
    #expect(first.kind == c.decidedBy)
    if let pattern = c.pattern { #expect(first.value == pattern) }
    #expect(!d.summary.isEmpty && !d.summary.contains("\n"))
    #expect(!d.explanation.isEmpty)
    if c.category != .ok { #expect(!d.fix.isEmpty) }
  }

  @Test(arguments: notMailboxUnknownCases)
  func replyWithoutMailboxWordsIsNotAnUnknownMailbox(_ c: RealReplyCase) throws {
    let d = Classifier.diagnose(try parse(c.raw), after: c.command)
    #expect(d.category != .mailboxUnknown)
    #expect(d.category == c.category)
    #expect(d.retry == c.retry)
    #expect(d.evidence.first?.kind == c.decidedBy)
    if let pattern = c.pattern { #expect(d.evidence.first?.value == pattern) }
  }

  @Test func realRepliesCoverEnoughServers() {
    #expect(realReplyCases.count >= 130)
    let servers = Set(realReplyCases.map { $0.server.split(separator: " ").first ?? "" })
    #expect(servers.count >= 25)
    let sources = Set(realReplyCases.map(\.source))
    #expect(sources.count >= 40)
  }

  @Test func multiLineGmailReplyIsOneReplyWithJoinedText() throws {
    let raw = try #require(realReplyCases.first { $0.raw.hasPrefix("421-4.7.28") }).raw
    let replies = try ReplyParser.parseAll(Array(raw.utf8))
    #expect(replies.count == 1)
    let reply = try #require(replies.first)
    #expect(reply.lines.count == 5)
    #expect(reply.enhanced?.description == "4.7.28")
    // The phrase spans two lines; the joined text still holds it.
    #expect(PatternText(reply.text).contains("unusual rate of unsolicited mail"))
  }

  // MARK: Facts we state ourselves

  @Test func blocklistFixNamesTheDelistingPage() throws {
    let spamhaus = Classifier.diagnose(
      try parse(
        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"),
      after: .rcpt)
    #expect(spamhaus.fix.contains("https://check.spamhaus.org"))
    let s3150 = Classifier.diagnose(
      try parse(
        "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."
      ), after: .mail)
    #expect(s3150.fix.contains("https://sender.office.com"))
  }

  @Test func patternEvidenceCitesItsSource() throws {
    let d = Classifier.diagnose(
      try parse(
        "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table"
      ),
      after: .rcpt)
    let first = try #require(d.evidence.first)
    #expect(first.kind == .pattern)
    #expect(first.detail.contains("smtpd_check.c"))
    // The enhanced code, the basic code and the command are recorded after the pattern.
    #expect(d.evidence.map(\.kind) == [.pattern, .enhancedCode, .replyCode, .context])
  }

  @Test func enhancedCodeDecidesWhenNoPhraseIsKnown() throws {
    let d = Classifier.diagnose(
      try parse("550 5.2.1 <bob@example.org>: Mailbox gone fishing"), after: .rcpt)
    #expect(d.category == .mailboxDisabled)
    #expect(d.retry == .never)
    #expect(d.evidence.first?.kind == .enhancedCode)
    #expect(d.evidence.first?.value == "5.2.1")
  }

  @Test func enhancedClassMismatchTrustsTheBasicCode() throws {
    let d = Classifier.diagnose(try parse("550 4.1.1 <bob@example.org>: rejected"), after: .rcpt)
    #expect(d.replyClass == .permanentNegative)
    #expect(d.category == .mailboxUnknown)
    #expect(d.retry == .never)
    let first = try #require(d.evidence.first)
    #expect(first.kind == .enhancedCode)
    #expect(first.detail.contains("disagrees"))
  }

  @Test func relayMentionAfterRCPTWith571IsRelayDenied() throws {
    let d = Classifier.diagnose(
      try parse("550 5.7.1 <x@example.net>: we do not relay for this domain"), after: .rcpt)
    #expect(d.category == .relayDenied)
    #expect(d.evidence.first?.kind == .context)
    let other = Classifier.diagnose(try parse("550 5.7.1 <x@example.net>: policy"), after: .rcpt)
    #expect(other.category == .policySpamContent)
    #expect(other.evidence.first?.kind == .enhancedCode)
  }

  @Test func unknownMailboxAfterMAILBlamesTheSender() throws {
    let raw = "550 5.1.1 <nobody@example.org>... User unknown"
    let asSender = Classifier.diagnose(try parse(raw), after: .mail)
    #expect(asSender.category == .senderRejected)
    #expect(asSender.retry == .afterFix)  // fix the sender; "never" was about a recipient
    #expect(asSender.summary.contains("MAIL FROM"))
    #expect(asSender.evidence.first?.kind == .pattern)
    #expect(asSender.evidence.contains { $0.kind == .context && $0.value == "MAIL" })
    let asRecipient = Classifier.diagnose(try parse(raw), after: .rcpt)
    #expect(asRecipient.category == .mailboxUnknown)
  }

  @Test func mailboxWordsAfterAUTHAreAboutTheLogin() throws {
    let unknown = Classifier.diagnose(
      try parse("535 5.7.8 Unknown user or bad password"), after: .auth)
    #expect(unknown.category == .authFailed)
    let disabled = Classifier.diagnose(try parse("535 Account is disabled"), after: .auth)
    #expect(disabled.category == .authFailed)
    #expect(disabled.evidence.first?.kind == .replyCode)
    // The same words after RCPT are about the mailbox.
    let rcpt = Classifier.diagnose(try parse("550 Account is disabled"), after: .rcpt)
    #expect(rcpt.category == .mailboxDisabled)
  }

  @Test func firstMatchConvenience() {
    #expect(
      ReplyPatterns.firstMatch(for: Reply(550, "5.7.1 Relay access denied"))?.id == "relay-denied")
    #expect(ReplyPatterns.firstMatch(for: Reply(250, "Ok")) == nil)
  }

  // MARK: Context

  struct ContextCase: CustomTestStringConvertible, Sendable {
    let id: String
    let raw: String
    let command: CommandKind?
    let category: DiagnosisCategory
    let retry: RetryAdvice
    let decidedBy: Evidence.Kind
    /// Words our own summary must contain.
    let summaryHas: String
    var testDescription: String { id }
  }

  static let contextCases: [ContextCase] = [
    ContextCase(
      id: "550 after MAIL blames the sender", raw: "550 Rejected", command: .mail,
      category: .senderRejected, retry: .afterFix, decidedBy: .context, summaryHas: "Sender"),
    ContextCase(
      id: "550 after RCPT without mailbox words does not claim an unknown mailbox",
      raw: "550 Rejected", command: .rcpt,
      category: .other, retry: .afterFix, decidedBy: .context, summaryHas: "Recipient"),
    ContextCase(
      id: "553 after MAIL is the sender's address", raw: "553 sorry", command: .mail,
      category: .addressSyntax, retry: .afterFix, decidedBy: .context, summaryHas: "Sender"),
    ContextCase(
      id: "421 greeting means not now",
      raw: "421 mx.example.org Service not available, closing transmission channel",
      command: .greeting, category: .serviceUnavailable, retry: .later, decidedBy: .context,
      summaryHas: "not accepting connections"),
    ContextCase(
      id: "421 mid-session means hung up",
      raw: "421 mx.example.org Service not available, closing transmission channel",
      command: .rcpt, category: .serviceUnavailable, retry: .later, decidedBy: .context,
      summaryHas: "closed the session"),
    ContextCase(
      id: "250 after RCPT is accepted, not proven", raw: "250 2.1.5 Ok", command: .rcpt,
      category: .ok, retry: .noneNeeded, decidedBy: .context, summaryHas: "Recipient accepted"),
    ContextCase(
      id: "251 after RCPT will forward", raw: "251 User not local; will forward to <b@example.net>",
      command: .rcpt, category: .ok, retry: .noneNeeded, decidedBy: .context, summaryHas: "forward"),
    ContextCase(
      id: "252 after VRFY cannot verify", raw: "252 2.0.0 root", command: .vrfy, category: .ok,
      retry: .noneNeeded, decidedBy: .context, summaryHas: "cannot verify"),
    ContextCase(
      id: "354 after DATA", raw: "354 End data with <CR><LF>.<CR><LF>", command: .data,
      category: .ok, retry: .noneNeeded, decidedBy: .context, summaryHas: "send the message"),
    ContextCase(
      id: "220 greeting", raw: "220 mx.example.org ESMTP Postfix", command: .greeting,
      category: .ok, retry: .noneNeeded, decidedBy: .context, summaryHas: "ready"),
    ContextCase(
      id: "220 after STARTTLS", raw: "220 2.0.0 Ready to start TLS", command: .startTLS,
      category: .ok, retry: .noneNeeded, decidedBy: .context, summaryHas: "TLS handshake"),
    ContextCase(
      id: "221 after QUIT", raw: "221 2.0.0 Bye", command: .quit, category: .ok,
      retry: .noneNeeded, decidedBy: .context, summaryHas: "closed the session normally"),
    ContextCase(
      id: "235 after AUTH", raw: "235 2.7.0 Authentication successful", command: .auth,
      category: .ok, retry: .noneNeeded, decidedBy: .context, summaryHas: "Authentication succeeded"
    ),
    ContextCase(
      id: "334 after AUTH", raw: "334 VXNlcm5hbWU6", command: .auth, category: .ok,
      retry: .noneNeeded, decidedBy: .context, summaryHas: "challenge"),
    ContextCase(
      id: "500 after EHLO falls back to HELO", raw: "500 5.5.1 Command unrecognized: \"EHLO x\"",
      command: .ehlo, category: .commandUnrecognized, retry: .afterFix, decidedBy: .context,
      summaryHas: "HELO"),
    ContextCase(
      id: "502 after EHLO falls back to HELO", raw: "502 Command not implemented", command: .ehlo,
      category: .commandUnrecognized, retry: .afterFix, decidedBy: .context, summaryHas: "HELO"),
    ContextCase(
      id: "503 bad sequence", raw: "503 5.5.1 Error: need MAIL command", command: .rcpt,
      category: .badSequence, retry: .afterFix, decidedBy: .replyCode, summaryHas: "sequence"),
    ContextCase(
      id: "554 greeting refuses outright", raw: "554 mx.example.org", command: .greeting,
      category: .serviceUnavailable, retry: .afterFix, decidedBy: .context, summaryHas: "refuses"),
    ContextCase(
      id: "554 after end of data is content", raw: "554 Transaction failed", command: .endOfData,
      category: .policySpamContent, retry: .afterFix, decidedBy: .context, summaryHas: "content"),
    ContextCase(
      id: "552 after end of data is size", raw: "552 Requested mail action aborted",
      command: .endOfData, category: .messageTooLarge, retry: .afterFix, decidedBy: .context,
      summaryHas: "too large"),
    ContextCase(
      id: "552 after RCPT is storage", raw: "552 Requested mail action aborted", command: .rcpt,
      category: .mailboxFull, retry: .afterFix, decidedBy: .context, summaryHas: "mailbox"),
    ContextCase(
      id: "452 after RCPT is too many recipients", raw: "452 Requested action not taken",
      command: .rcpt, category: .tooManyRecipients, retry: .later, decidedBy: .context,
      summaryHas: "Too many recipients"),
    ContextCase(
      id: "452 elsewhere is storage", raw: "452 Insufficient system storage", command: .mail,
      category: .storageFull, retry: .later, decidedBy: .replyCode, summaryHas: "storage"),
    ContextCase(
      id: "450 greylist words", raw: "450 4.7.1 Greylisting in action, please come back later",
      command: .rcpt, category: .greylisted, retry: .later, decidedBy: .pattern,
      summaryHas: "Greylisted"),
    ContextCase(
      id: "530 without text is auth required", raw: "530 Authentication needed", command: .mail,
      category: .authRequired, retry: .afterFix, decidedBy: .context, summaryHas: "Authentication"),
    ContextCase(
      id: "no command: 550 alone", raw: "550 No", command: nil, category: .other,
      retry: .afterFix, decidedBy: .replyCode, summaryHas: "mailbox unavailable or refused"),
  ]

  @Test(arguments: contextCases)
  func context(_ c: ContextCase) throws {
    let d = Classifier.diagnose(try parse(c.raw), after: c.command)
    #expect(d.category == c.category)
    #expect(d.retry == c.retry)
    #expect(d.evidence.first?.kind == c.decidedBy)
    #expect(d.summary.contains(c.summaryHas), "summary: \(d.summary)")
  }

  @Test func recipientAcceptedMentionsCatchAll() throws {
    let d = Classifier.diagnose(try parse("250 2.1.5 Ok"), after: .rcpt)
    #expect(d.explanation.contains("catch-all"))
    #expect(d.replyClass == .positiveCompletion)
  }

  @Test func successIgnoresAlarmingWords() throws {
    // A 250 is a success even if its text contains a known phrase.
    let d = Classifier.diagnose(
      Reply(250, "2.0.0 Ok: relay access denied is just a word"), after: .endOfData)
    #expect(d.category == .ok)
    #expect(d.retry == .noneNeeded)
  }

  // MARK: One source of truth: the catalogue

  @Test(arguments: ReplyCodeCatalogue.all.map(\.code))
  func bareCodeGetsItsCatalogueDefault(_ code: Int) throws {
    // No context rule applies without a command, so the card and the diagnosis agree.
    let entry = try #require(ReplyCodeCatalogue.entry(for: code))
    let d = Classifier.diagnose(Reply(code, ""), after: nil)
    #expect(d.category == entry.category)
    #expect(d.retry == entry.retry)
  }

  /// Registered codes with a specific detail; X.Y.0 says only the area, and the few
  /// success-only meanings (category ok) cannot describe a refusal.
  static let decidingEntries = EnhancedStatusCatalogue.all.filter {
    $0.detail != 0 && $0.category != .ok
  }

  @Test(arguments: decidingEntries)
  func enhancedCodeGetsItsCatalogueCategory(_ entry: EnhancedStatusEntry) {
    for statusClass in entry.classes where statusClass != 2 {
      let code = statusClass == 4 ? 450 : 550
      let reply = Reply(code, "\(statusClass).\(entry.subject).\(entry.detail) something")
      let d = Classifier.diagnose(reply, after: nil)
      #expect(d.category == entry.category, "\(code) \(statusClass).\(entry.registryCode)")
      #expect(d.evidence.first?.kind == .enhancedCode)
    }
  }

  @Test func generalEnhancedCodesDeferToTheBasicCode() {
    // RFC 3463 section 2: X.Y.0 names an area, not a cause.
    // A bare 550 is "unavailable or policy" (`other`), never a guessed unknown mailbox.
    for entry in EnhancedStatusCatalogue.all where entry.detail == 0 {
      let d = Classifier.diagnose(Reply(550, "5.\(entry.subject).0 something"), after: nil)
      #expect(d.category == .other)
      // X.6.y is about the message content whatever the detail, so the enhanced code decides.
      #expect(d.evidence.first?.kind == (entry.subject == 6 ? .enhancedCode : .replyCode))
    }
    // X.5.1 with 500 to 504: the basic code tells unknown from out of sequence.
    let sequence = Classifier.diagnose(Reply(503, "5.5.1 Error: need MAIL command"), after: .rcpt)
    #expect(sequence.category == .badSequence)
    let unknown = Classifier.diagnose(Reply(500, "5.5.1 Command unrecognized"), after: .rcpt)
    #expect(unknown.category == .commandUnrecognized)
  }

  // MARK: Robustness

  struct OddCase: CustomTestStringConvertible, Sendable {
    let id: String
    let reply: Reply
    let command: CommandKind?
    let replyClass: ReplyClass?
    var testDescription: String { id }
  }

  static let oddCases: [OddCase] = [
    OddCase(id: "code 0, empty", reply: Reply(code: 0, lines: []), command: nil, replyClass: nil),
    OddCase(
      id: "code 0, one empty line", reply: Reply(code: 0, lines: [""]), command: .rcpt,
      replyClass: nil),
    OddCase(
      id: "code 0 with text", reply: Reply(code: 0, lines: ["hello there"]), command: .greeting,
      replyClass: nil),
    OddCase(id: "299", reply: Reply(299, ""), command: .rcpt, replyClass: .positiveCompletion),
    OddCase(id: "600", reply: Reply(600, "x"), command: .mail, replyClass: nil),
    OddCase(
      id: "999 user unknown", reply: Reply(999, "user unknown"), command: .rcpt, replyClass: nil),
    OddCase(id: "199", reply: Reply(199, "info"), command: nil, replyClass: nil),
    OddCase(
      id: "477 unknown transient", reply: Reply(477, "weird"), command: .rcpt,
      replyClass: .transientNegative),
    OddCase(
      id: "599 unknown permanent", reply: Reply(599, ""), command: nil,
      replyClass: .permanentNegative),
    OddCase(
      id: "negative code", reply: Reply(code: -5, lines: ["-5 what"]), command: nil, replyClass: nil
    ),
    OddCase(
      id: "huge code", reply: Reply(code: Int.max, lines: ["boom"]), command: nil, replyClass: nil),
    OddCase(
      id: "non-ASCII text", reply: Reply(550, "Ünknown \u{FFFD}\u{FFFD} ユーザー"), command: .rcpt,
      replyClass: .permanentNegative),
    OddCase(
      id: "enhanced only", reply: Reply(code: 0, lines: ["5.1.1 gone"]), command: .rcpt,
      replyClass: nil),
  ]

  @Test(arguments: oddCases)
  func neverCrashes(_ c: OddCase) {
    let d = Classifier.diagnose(c.reply, after: c.command)
    #expect(d.replyClass == c.replyClass)
    #expect(!d.summary.isEmpty)
    #expect(!d.evidence.isEmpty)
    if c.replyClass == nil || c.replyClass?.isPositive == false { #expect(d.category != .ok) }
  }

  @Test func unknownCodeFallsBackToClassAndSecondDigit() {
    let d = Classifier.diagnose(Reply(471, "whatever"), after: .rcpt)
    #expect(d.category == .other)
    #expect(d.retry == .later)
    #expect(d.evidence.first?.kind == .replyCode)
    #expect(d.explanation.contains("second digit"))
    let syntax = Classifier.diagnose(Reply(508, "odd"), after: .mail)
    #expect(syntax.category == .syntaxError)
    #expect(syntax.retry == .afterFix)
  }

  @Test func garbageBytesThroughTheParser() throws {
    let inputs: [[UInt8]] = [
      [], [0x0D, 0x0A], Array("\r\n\r\n".utf8), [0xFF, 0xFE, 0x00, 0x35, 0x35],
      Array("55".utf8), Array("550-\r\n".utf8), Array("abc def\r\n".utf8),
    ]
    for bytes in inputs {
      let replies = (try? ReplyParser.parseAll(bytes)) ?? []
      for reply in replies {
        for command in [nil] + CommandKind.allCases.map(Optional.some) {
          let d = Classifier.diagnose(reply, after: command)
          #expect(!d.summary.isEmpty)
        }
      }
    }
  }

  @Test func manyRepliesInALoop() {
    // Not a timing assertion: exercises the hot path on every real text and command.
    var count = 0
    for _ in 0..<20 {
      for c in realReplyCases {
        let reply = (try? ReplyParser.parseAll(Array(c.raw.utf8)).first) ?? Reply(0, "")
        if Classifier.diagnose(reply, after: c.command).category == c.category { count += 1 }
      }
    }
    #expect(count == 20 * realReplyCases.count)
  }
}
