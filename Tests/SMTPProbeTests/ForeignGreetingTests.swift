import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// First lines from other services on a port we expected SMTP on, and odd but real SMTP
/// greetings that must still pass.
@Suite struct ForeignGreetingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: String
    /// The service named, "" for "not SMTP, unknown", nil for "this is SMTP".
    var service: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    // nginx and Apache answer a stray line with a 400 (RFC 9112 2.2 status-line).
    Case(name: "HTTP 400", bytes: "HTTP/1.1 400 Bad Request\r\n", service: "HTTP"),
    // RFC 4253 4.2: the SSH identification string.
    Case(name: "OpenSSH", bytes: "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3\r\n", service: "SSH"),
    // RFC 1939 4 and RFC 9051 7.1.1.
    Case(name: "POP3 banner", bytes: "+OK Dovecot ready.\r\n", service: "POP3"),
    Case(
      name: "IMAP banner", bytes: "* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n", service: "IMAP"),
    Case(name: "no code at all", bytes: "HELLO THERE\r\n", service: ""),
    Case(name: "plain 220", bytes: "220 mx.example ESMTP Postfix\r\n", service: nil),
    Case(
      name: "multi-line 220",
      bytes: "220-mx.example ESMTP\r\n220-Unauthorized use prohibited\r\n220 ready\r\n",
      service: nil),
    Case(
      name: "Exchange banner",
      bytes: "220 EX01.contoso.com Microsoft ESMTP MAIL Service ready at Sun, 22 Nov 2026\r\n",
      service: nil),
    Case(name: "554 greeting", bytes: "554 5.7.1 go away\r\n", service: nil),
  ]

  @Test(arguments: cases) func recognises(_ testCase: Case) throws {
    let reply = try #require(try ReplyParser.parseAll(Array(testCase.bytes.utf8)).first)
    let foreign = ForeignGreeting(reply)
    switch testCase.service {
    case nil: #expect(foreign == nil)
    case "": #expect(foreign != nil && foreign?.service == nil)
    case let service?: #expect(foreign?.service == service)
    }
  }

  @Test func descriptionIsPrintableAndNamesTheService() throws {
    let reply = try #require(
      try ReplyParser.parseAll(Array("HTTP/1.1 400 \u{1B}[31mBad Request\r\n".utf8)).first)
    let text = try #require(ForeignGreeting(reply)).description
    #expect(text.contains("this port speaks HTTP, not SMTP"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
  }

  @Test func dialogueHangsUpWithoutQUIT() throws {
    var state = DialogueState(plan: DialogueStateTests.plan(), canUpgradeTLS: false)
    _ = state.start()
    let reply = try #require(try ReplyParser.parseAll(Array("SSH-2.0-OpenSSH_9.6\r\n".utf8)).first)
    #expect(state.receive(reply) == .close(sendQuit: false))
    #expect(state.verdict.status == .incomplete)
    guard case .notSMTP(let foreign)? = state.verdict.problem else {
      Issue.record("expected notSMTP, got \(String(describing: state.verdict.problem))")
      return
    }
    #expect(foreign.service == "SSH")
  }

  /// The text and the JSON agree: HTTP's 400 is not read as a temporary refusal.
  @Test func theGreetingStepIsDiagnosedAsNotSMTP() throws {
    let clock = FakeClock()
    let transport = ScriptedTransport(
      [.server("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n"), .close], clock: clock)
    let result = SessionDriver(plan: DialogueStateTests.plan(), clock: clock).run(over: transport)
    let step = try #require(result.steps.first)
    #expect(step.command == .greeting)
    #expect(step.diagnosis.category == .other)
    #expect(step.diagnosis.replyClass == nil)
    #expect(step.diagnosis.summary == "this port speaks HTTP, not SMTP")
    #expect(step.diagnosis.fix.hasPrefix("Check the port"))
    #expect(step.diagnosis.retry == .afterFix)

    let outcome = ProbeOutcome(
      target: "127.0.0.1:8080",
      attempts: [
        HostAttempt(host: "127.0.0.1", port: 8080, session: result, verdict: result.verdict)
      ], verdict: result.verdict)
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(ProbeJSONRenderer(now: UnixTime(seconds: 1_700_000_000)).render(outcome).utf8))
        as? [String: Any])
    let sessions = try #require(json["sessions"] as? [[String: Any]])
    let steps = try #require(sessions.first?["steps"] as? [[String: Any]])
    let diagnosis = try #require(steps.first?["diagnosis"] as? [String: Any])
    #expect(diagnosis["category"] as? String == "other")
    #expect(diagnosis["class"] is NSNull)
    #expect(diagnosis["summary"] as? String == "this port speaks HTTP, not SMTP")
    #expect(diagnosis["retry"] as? String == "after-fix")

    let text = ProbeTextRenderer(now: UnixTime(seconds: 1_700_000_000)).render(outcome)
    #expect(text.contains("not SMTP: HTTP\n"))
    #expect(text.contains("fix: Check the port"))
    #expect(!text.contains("syntax-error"))
  }

  @Test func blankEHLOKeywordLineIsDropped() {
    let reply = Reply(
      code: 250, lines: ["250-mx.example Hello", "250-size 37748736", "250-AUTH=LOGIN", "250 "])
    let capabilities = Capabilities(reply: reply)
    #expect(capabilities.keywords.map(\.name) == ["SIZE", "AUTH"])
    #expect(capabilities.maximumMessageSize == 37_748_736)
    #expect(capabilities.authMechanisms == ["LOGIN"])
  }
}
