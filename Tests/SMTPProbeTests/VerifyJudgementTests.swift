import Testing

@testable import SMTPProbeCore

@Suite struct VerifyJudgementTests {
  static let bob = VerifyAddressTests.must("bob@example.org")

  static func facts(_ session: VerifyFacts.Session, _ probe: VerifyFacts.CatchAllProbe = .notRun)
    -> VerifyFacts
  {
    VerifyFacts(
      address: bob, route: .hosts(["mx.example.org"]), session: session, catchAll: probe,
      mxHost: "mx.example.org", tls: true, attempts: 1)
  }

  static func parsed(_ raw: String) -> Reply {
    (try? ReplyParser.parseAll(Array((raw + "\r\n").utf8)))?.first ?? Reply(0)
  }

  @Test(arguments: verifyJudgementCases)
  func realReplies(_ c: VerifyJudgementCase) {
    let reply = Self.parsed(c.raw)
    let session: VerifyFacts.Session = c.step == .rcpt ? .recipient(reply) : .refused(c.step, reply)
    let result = VerifyJudgement.judge(Self.facts(session))
    #expect(result.verdict == c.verdict)
    #expect(result.reason.rawValue == c.reason)
    if let refusal = c.refusal { #expect(result.refusalCategory == refusal) }
    #expect(result.reply == reply)
    #expect(result.mxHost == "mx.example.org")
  }

  /// Every real reply of the classifier's corpus, given as the answer to RCPT: a refusal of the
  /// prober is never `undeliverable`, and only a 5xx naming the mailbox or domain is.
  @Test(arguments: realReplyCases)
  func corpusNeverMarksAProberRefusalUndeliverable(_ c: RealReplyCase) {
    let reply = Self.parsed(c.raw)
    let result = VerifyJudgement.judge(Self.facts(.recipient(reply)))
    let category = Classifier.diagnose(reply, after: .rcpt).category
    if VerifyJudgement.proberRefusals.contains(category) {
      #expect(result.verdict == .unknown)
      #expect(result.reason == .proberRefused)
    }
    if result.verdict == .undeliverable {
      #expect(reply.replyClass == .permanentNegative)
      #expect(
        [
          .mailboxUnknown, .mailboxDisabled, .addressSyntax, .userNotLocal,
          .hostDoesNotAcceptMail, .domainUnknown,
        ].contains(category))
    }
  }

  struct FactCase: Sendable, CustomTestStringConvertible {
    var id: String
    var facts: VerifyFacts
    var verdict: VerifyVerdict
    var reason: String
    var catchAll: CatchAllState
    var testDescription: String { id }
  }

  static let accepted = Reply(code: 250, lines: ["250 2.1.5 Ok"])
  static let unknownUser = parsed(
    "550 5.1.1 <smtpprobe-check-0123456789abcdef@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
  )

  static let factCases: [FactCase] = [
    FactCase(
      id: "null MX", facts: VerifyFacts(address: bob, route: .nullMX, session: .notRun),
      verdict: .undeliverable, reason: "null-mx", catchAll: .notRun),
    FactCase(
      id: "no mail host", facts: VerifyFacts(address: bob, route: .noMailHost, session: .notRun),
      verdict: .undeliverable, reason: "no-mail-host", catchAll: .notRun),
    FactCase(
      id: "NXDOMAIN", facts: VerifyFacts(address: bob, route: .domainUnknown, session: .notRun),
      verdict: .undeliverable, reason: "domain-unknown", catchAll: .notRun),
    FactCase(
      id: "DNS timeout",
      facts: VerifyFacts(address: bob, route: .dnsFailure(timedOut: true), session: .notRun),
      verdict: .unknown, reason: "timeout", catchAll: .notRun),
    FactCase(
      id: "port 25 blocked", facts: facts(.connectFailed(.port25Blocked)), verdict: .unknown,
      reason: "port-25-blocked", catchAll: .notRun),
    FactCase(
      id: "connection refused", facts: facts(.connectFailed(.refused)), verdict: .unknown,
      reason: "connection-failed", catchAll: .notRun),
    FactCase(
      id: "dropped before RCPT reply", facts: facts(.dropped(before: .rcpt, timedOut: false)),
      verdict: .unknown, reason: "connection-failed", catchAll: .notRun),
    FactCase(
      id: "timed out at greeting", facts: facts(.dropped(before: .greeting, timedOut: true)),
      verdict: .unknown, reason: "timeout", catchAll: .notRun),
    FactCase(
      id: "accepted, random refused as unknown user",
      facts: facts(.recipient(accepted), .reply(unknownUser)), verdict: .deliverable,
      reason: "ok", catchAll: .no),
    FactCase(
      id: "accepted, random accepted too", facts: facts(.recipient(accepted), .reply(accepted)),
      verdict: .risky, reason: "catch-all", catchAll: .yes),
    FactCase(
      id: "accepted, random greylisted",
      facts: facts(
        .recipient(accepted),
        .reply(parsed("450 4.2.0 <x@example.org>: Recipient address rejected: Greylisted"))),
      verdict: .deliverable, reason: "ok", catchAll: .inconclusive),
    FactCase(
      id: "accepted, random got too many recipients",
      facts: facts(.recipient(accepted), .reply(parsed("452 4.5.3 Error: too many recipients"))),
      verdict: .deliverable, reason: "ok", catchAll: .inconclusive),
    FactCase(
      id: "accepted, session dropped on random", facts: facts(.recipient(accepted), .dropped),
      verdict: .deliverable, reason: "ok", catchAll: .inconclusive),
    FactCase(
      id: "accepted, random hit a policy 5xx",
      facts: facts(.recipient(accepted), .reply(parsed("550 5.7.1 Too many invalid recipients"))),
      verdict: .deliverable, reason: "ok", catchAll: .inconclusive),
    FactCase(
      id: "role account accepted",
      facts: VerifyFacts(
        address: VerifyAddressTests.must("Postmaster@example.org"),
        route: .hosts(["mx.example.org"]), session: .recipient(accepted)),
      verdict: .risky, reason: "role-account", catchAll: .notRun),
  ]

  @Test(arguments: factCases)
  func facts(_ c: FactCase) {
    let result = VerifyJudgement.judge(c.facts)
    #expect(result.verdict == c.verdict)
    #expect(result.reason.rawValue == c.reason)
    #expect(result.catchAll == c.catchAll)
  }

  @Test func disposableDomainIsRisky() {
    let list = DisposableDomains(["mailinator.com"])
    let facts = VerifyFacts(
      address: VerifyAddressTests.must("x@eu.mailinator.com"), route: .hosts(["mx"]),
      session: .recipient(Self.accepted))
    let result = VerifyJudgement.judge(facts, disposable: list)
    #expect(result.verdict == .risky)
    #expect(result.reason == .disposable)
    #expect(result.disposable)
  }

  @Test func greylistedGivesRetryAfter() {
    var facts = Self.facts(
      .recipient(Self.parsed("450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted"))
    )
    facts.retryAfter = UnixTime(seconds: 1_700_000_060)
    facts.attempts = 11
    let result = VerifyJudgement.judge(facts)
    #expect(result.verdict == .risky)
    #expect(result.retryAfter == UnixTime(seconds: 1_700_000_060))
    #expect(result.attempts == 11)
  }

  @Test func syntaxErrorIsUndeliverable() throws {
    let error = MailboxSyntaxError(position: 7, rule: .trailingDot)
    let result = VerifyJudgement.syntaxResult("bob.smi.@x.org", error)
    #expect(result.verdict == .undeliverable)
    #expect(result.reason.rawValue == "address-syntax")
  }
}
