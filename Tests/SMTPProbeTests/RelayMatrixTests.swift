import Testing

@testable import SMTPProbeCore

@Suite struct RelayMatrixTests {
  @Test func theMatrixSendsEachClassicForm() {
    let matrix = RelayTest.matrix(targetDomain: "example.org", serverAddress: "192.0.2.25")
    let lines = matrix.map { "\($0.form.rawValue): \($0.mailLine) \($0.rcptLine)" }
    #expect(
      lines == [
        "outside-to-outside: MAIL FROM:<probe@example.net> RCPT TO:<relay-test@example.net>",
        "percent-hack: MAIL FROM:<probe@example.net> RCPT TO:<relay-test%example.net@example.org>",
        "bang-path: MAIL FROM:<probe@example.net> RCPT TO:<example.net!relay-test@example.org>",
        "quoted-local-part: MAIL FROM:<probe@example.net> RCPT TO:<\"relay-test@example.net\"@example.org>",
        "double-at: MAIL FROM:<probe@example.net> RCPT TO:<relay-test@example.net@example.org>",
        "source-route: MAIL FROM:<probe@example.net> RCPT TO:<@example.org:relay-test@example.net>",
        "ip-literal: MAIL FROM:<probe@example.net> RCPT TO:<relay-test%example.net@[192.0.2.25]>",
        "null-sender: MAIL FROM:<> RCPT TO:<relay-test@example.net>",
        "own-domain-sender: MAIL FROM:<relay-test@example.org> RCPT TO:<relay-test@example.net>",
      ])
  }

  @Test func anIPv6AddressBecomesATaggedLiteral() {
    let test = RelayTest.make(
      .ipLiteral, targetDomain: "example.org", serverAddress: "[2001:DB8::0:25]")
    #expect(test?.forwardPath == "relay-test%example.net@[IPv6:2001:db8::25]")
  }

  @Test func withoutAnAddressTheLiteralFormIsLeftOut() {
    let forms = RelayTest.matrix(targetDomain: "example.org", serverAddress: "mx.example.org")
      .map(\.form)
    #expect(forms == RelayTestForm.allCases.filter { $0 != .ipLiteral })
  }

  @Test func theOutsideDomainCanBeChosen() {
    let test = RelayTest.make(
      .percentHack, targetDomain: "example.org", serverAddress: nil, outside: "example.com")
    #expect(test?.rcptLine == "RCPT TO:<relay-test%example.com@example.org>")
  }

  static let matrix = RelayTest.matrix(targetDomain: "example.org", serverAddress: "192.0.2.25")

  static func outcomes(mail: Reply? = Reply(250, "2.1.0 Ok"), rcpt: (RelayTest) -> Reply?)
    -> [RelayOutcome]
  {
    matrix.map { RelayOutcome(test: $0, mailReply: mail, rcptReply: rcpt($0)) }
  }

  @Test func anAcceptAllServerIsCriticalAndEveryFormIsNamed() {
    let finding = RelayJudgement.judge(Self.outcomes { _ in Reply(250, "2.1.5 Ok") })
    #expect(finding.state == .critical)
    #expect(finding.value == 9)
    for form in RelayTestForm.allCases {
      #expect(finding.summary.contains(form.title))
    }
    #expect(finding.evidence?.commandLine == "RCPT TO:<relay-test@example.net>")
    #expect(finding.evidence?.diagnosis?.replyClass == .positiveCompletion)
  }

  @Test func oneAcceptedTrickIsEnoughAndOnlyItIsNamed() {
    let finding = RelayJudgement.judge(
      Self.outcomes {
        $0.form == .percentHack ? Reply(250, "2.1.5 Ok") : Reply(554, "5.7.1 Relay access denied")
      })
    #expect(finding.state == .critical)
    #expect(finding.summary.hasPrefix("open relay: accepted 1 of 9 forms (percent hack)"))
    #expect(finding.evidence?.commandLine == "RCPT TO:<relay-test%example.net@example.org>")
  }

  @Test func aServerThatRefusesEveryFormIsOK() {
    let finding = RelayJudgement.judge(
      Self.outcomes { _ in Reply(554, "5.7.1 Relay access denied") })
    #expect(finding.state == .ok)
    #expect(finding.summary == "relay refused for all 9 forms")
  }

  @Test func a530IsAuthenticationRequiredNotARelay() {
    let finding = RelayJudgement.judge(
      Self.outcomes(mail: Reply(530, "5.7.0 Authentication required")) { _ in nil })
    #expect(finding.state == .ok)
    #expect(finding.summary == "relay refused for all 9 forms (9 by requiring authentication, 530)")
  }

  @Test func aRefusedSenderIsARefusal() {
    let outcomes = Self.matrix.map {
      $0.form == .nullSender
        ? RelayOutcome(test: $0, mailReply: Reply(550, "5.7.1 no bounces here"), rcptReply: nil)
        : RelayOutcome(test: $0, mailReply: Reply(250), rcptReply: Reply(550, "5.7.1 denied"))
    }
    #expect(RelayJudgement.judge(outcomes).state == .ok)
  }

  @Test func aSessionThatEndedEarlyLeavesTheMatrixIncomplete() {
    let outcomes = Self.matrix.enumerated().map { index, test in
      index < 3
        ? RelayOutcome(test: test, mailReply: Reply(250), rcptReply: Reply(554, "5.7.1 denied"))
        : RelayOutcome(test: test, mailReply: nil, rcptReply: nil)
    }
    let finding = RelayJudgement.judge(outcomes)
    #expect(finding.state == .warning)
    #expect(finding.summary.hasPrefix("relay test incomplete: 6 of 9 forms not answered"))
  }
}
