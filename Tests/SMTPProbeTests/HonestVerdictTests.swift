import Testing

@testable import SMTPProbeCore

/// Verdicts that must agree with what the server actually did.
@Suite struct HonestVerdictTests {
  typealias Item = ScriptedTransport.Item
  typealias Driver = SessionDriverTests

  @Test func aGreetingWhoseCodeChangesIsAProtocolViolation() {
    // RFC 5321 4.2.1: one code per reply. Read by its first line this was a 550 (exit 1).
    let script: [Item] = [
      .server("550-mx.probe.test no\r\n220 mx.probe.test ESMTP\r\n"),
      .client("QUIT\r\n"), .close,
    ]
    let (result, transport) = Driver.drive(script, Driver.plan())
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .incomplete)
    #expect(result.verdict.exitCode == 3)
    #expect(
      result.verdict.problem == .codeChanged(from: 550, to: 220, answering: "the greeting"))
    #expect(result.verdict.summary.hasPrefix("protocol violation"))
    // The last line is the server's answer.
    #expect(result.steps.first?.reply.code == 220)
  }

  @Test func anEHLOReplyThatTurnsNegativeIsNotOK() {
    // Read by its first line this was "ok" (exit 0).
    let script: [Item] = [
      Driver.greeting, .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n550 5.7.1 go away\r\n"),
      .client("QUIT\r\n"), .close,
    ]
    let (result, transport) = Driver.drive(script, Driver.plan())
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.exitCode == 3)
    #expect(result.verdict.problem == .codeChanged(from: 250, to: 550, answering: "EHLO"))
    #expect(result.steps.last?.reply.code == 550)
    #expect(result.steps.last?.reply.enhanced?.description == "5.7.1")
  }
}

extension HonestVerdictTests {
  @Test(arguments: ["99999999999999999999", "-5", "abc"])
  func aMalformedSIZEIsNoted(_ value: String) {
    let script: [Item] = [
      Driver.greeting, .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n250 SIZE \(value)\r\n"),
      .client("QUIT\r\n"), .server("221 bye\r\n"), .close,
    ]
    let (result, transport) = Driver.drive(script, Driver.plan(quitAfter: .ehlo))
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.notes == [.malformedSize(value)])
    #expect(result.capabilities?.maximumMessageSize == nil)
  }

  @Test func aValidSIZEIsNotNoted() {
    let script: [Item] = [
      Driver.greeting, .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n250 SIZE 0\r\n"),
      .client("QUIT\r\n"), .server("221 bye\r\n"), .close,
    ]
    let (result, _) = Driver.drive(script, Driver.plan(quitAfter: .ehlo))
    #expect(result.notes.isEmpty)
  }

  @Test func aMessageNotSentForItsSizeIsNotEveryReplyPositive() {
    let script: [Item] = [
      Driver.greeting, .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n250 SIZE 10\r\n"),
      .client("MAIL FROM:<alice@x.test> SIZE=43\r\n"), .server("250 2.1.0 Ok\r\n"),
      .client("RCPT TO:<bob@y.test>\r\n"), .server("250 2.1.5 Ok\r\n"),
      .client("RSET\r\n"), .server("250 Ok\r\n"),
      .client("QUIT\r\n"), .server("221 bye\r\n"), .close,
    ]
    let (result, transport) = Driver.drive(script, Driver.plan(message: .data(Driver.message)))
    #expect(transport.sentText == transport.expectedClient)
    #expect(result.verdict.status == .permanentFailure)
    #expect(!result.verdict.summary.contains("every reply was positive"))
    #expect(result.verdict.summary.contains("so it was not sent"))
  }

  @Test func quitAfterConnectReadsNothing() {
    // A silent server: the old code waited for its greeting until the timeout.
    let (result, transport) = Driver.drive([.timeout], Driver.plan(quitAfter: .connect))
    #expect(transport.sentText.isEmpty)
    #expect(!transport.stalled)
    #expect(transport.closed)
    #expect(result.steps.isEmpty)
    #expect(result.verdict.status == .ok)
  }
}
