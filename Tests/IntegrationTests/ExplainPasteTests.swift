import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// What a new user pastes into `explain`: one pasted text and what the diagnosis must say.
struct PasteCase: CustomTestStringConvertible, Sendable {
  let id: String
  let arguments: [String]
  var stdin: String? = nil
  /// The reply line shown after `<- `.
  let replyLine: String
  /// The `In answer to` line, or nil when the paste gives no command.
  var answered: String? = nil
  /// How many replies the paste holds.
  var replies = 1
  var testDescription: String { id }
}

/// Runs the built binary on bounces, transcripts and awkward pastes.
@Suite struct ExplainPasteTests {
  static let postfixBounce = """
    From: MAILER-DAEMON@mail.example.org (Mail Delivery System)
    Subject: Undelivered Mail Returned to Sender

    This is the mail system at host mail.example.org.

    <bob@example.com>: host mx.example.com[203.0.113.5] said: 550 5.1.1
        <bob@example.com>: Recipient address rejected: User unknown in local
        recipient table (in reply to RCPT TO command)

    Reporting-MTA: dns; mail.example.org
    Final-Recipient: rfc822; bob@example.com
    Action: failed
    Status: 5.1.1
    Remote-MTA: dns; mx.example.com
    Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected:
        User unknown in local recipient table

    """
  static let postfixReply =
    "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table"

  static let cases: [PasteCase] = [
    PasteCase(
      id: "Postfix bounce with its DSN part", arguments: ["explain", "-"], stdin: postfixBounce,
      replyLine: postfixReply, answered: "In answer to RCPT."),
    PasteCase(
      id: "RFC 3464 delivery status only", arguments: ["explain", "-"],
      stdin: "Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.com\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>... User unknown\n",
      replyLine: "550 5.1.1 <bob@example.com>... User unknown"),
    PasteCase(
      id: "Exchange NDR with CRLF", arguments: ["explain", "-"],
      stdin: "Diagnostic information for administrators:\r\n\r\nbob@example.com\r\n"
        + "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not "
        + "found by SMTP address lookup'\r\n",
      replyLine:
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"),
    PasteCase(
      id: "Gmail bounce", arguments: ["explain", "-"],
      stdin: "** Address not found **\n\nThe response from the remote server was:\n"
        + "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\n",
      replyLine: "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown"),
    PasteCase(
      id: "Exim bounce", arguments: ["explain", "-"],
      stdin: "  bob@example.com\n    host mx.example.com [203.0.113.5]\n"
        + "    SMTP error from remote mail server after RCPT TO:<bob@example.com>:\n"
        + "    550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\n",
      replyLine: "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
      answered: "In answer to RCPT."),
    PasteCase(
      id: "a bounce as the argument",
      arguments: [
        "explain",
        "host mx.example.com[203.0.113.5] "
          + "said: 552 5.2.2 Mailbox full (in reply to end of DATA command)",
      ],
      replyLine: "552 5.2.2 Mailbox full", answered: "In answer to the end of the message data."),
    PasteCase(
      id: "swaks transcript", arguments: ["explain", "-"],
      stdin: "=== Connected to 127.0.0.1.\n<-  220 mx.probe.test ESMTP\n -> EHLO client\n"
        + "<-  250 mx.probe.test\n -> RCPT TO:<nobody@probe.test>\n"
        + "<** 550 5.1.1 <nobody@probe.test>: User unknown\n",
      replyLine: "550 5.1.1 <nobody@probe.test>: User unknown", answered: "In answer to RCPT.",
      replies: 3),
    PasteCase(
      id: "CRLF line endings", arguments: ["explain", "-"], stdin: "550 5.1.1 user unknown\r\n",
      replyLine: "550 5.1.1 user unknown"),
    PasteCase(
      id: "surrounding whitespace", arguments: ["explain", "-"],
      stdin: "\n\n   550 5.1.1 user unknown   \n\n", replyLine: "550 5.1.1 user unknown"),
    PasteCase(
      id: "a reply in double quotes", arguments: ["explain", "\"550 5.1.1 user unknown\""],
      replyLine: "550 5.1.1 user unknown"),
    PasteCase(
      id: "a reply in single quotes on stdin", arguments: ["explain", "-"],
      stdin: "'550 5.1.1 user unknown'\n", replyLine: "550 5.1.1 user unknown"),
    PasteCase(
      id: "UTF-8 text", arguments: ["explain", "-"],
      stdin: "550 5.7.1 Nachricht abgelehnt: Empfänger unbekannt — 拒否\n",
      replyLine: "550 5.7.1 Nachricht abgelehnt: Empfänger unbekannt — 拒否"),
    PasteCase(
      id: "a reply typed without quotes",
      arguments: ["explain", "550", "5.1.1", "user", "unknown"],
      replyLine: "550 5.1.1 user unknown"),
    PasteCase(
      id: "enhanced code then basic code", arguments: ["explain", "5.1.1", "550"],
      replyLine: "550 5.1.1"),
    PasteCase(
      id: "basic code then enhanced code", arguments: ["explain", "550", "5.1.1"],
      replyLine: "550 5.1.1"),
  ]

  @Test(arguments: cases)
  func diagnosesThePaste(_ c: PasteCase) throws {
    let result = try RunBinary.run(c.arguments, stdin: c.stdin)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("<- \(c.replyLine)\n"), "\(result.stdout)")
    #expect(result.stdout.components(separatedBy: "\n  <- ").count == c.replies + 1)
    if let answered = c.answered {
      #expect(result.stdout.contains("\n\(answered)\n"), "\(result.stdout)")
    } else {
      #expect(!result.stdout.contains("In answer to"))
    }
  }

  @Test func bounceInJSONKeepsTheCommand() throws {
    let result = try RunBinary.run(["explain", "--json", "-"], stdin: Self.postfixBounce)
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["after"] as? String == "RCPT")
    let diagnosis = try #require(object["diagnosis"] as? [String: Any])
    #expect(diagnosis["category"] as? String == "mailbox-unknown")
  }

  @Test func deliveryStatusWithoutADiagnosticExplainsItsStatus() throws {
    let result = try RunBinary.run(
      ["explain", "-"],
      stdin: "Final-Recipient: rfc822; bob@example.com\nAction: failed\n"
        + "Status: 5.2.2\n")
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.hasPrefix("Enhanced Code 5.2.2 "))
  }

  @Test func textWithoutAReplyIsOneLine() throws {
    let result = try RunBinary.run(["explain", "-"], stdin: "Hello,\nmy mail bounced.\n")
    #expect(result.status == 64)
    #expect(result.stderrLines == ["smtpprobe: \(ExplainError.noReplyFound)"])
  }

  /// More lines than the reply bound, none of them a reply: still "no reply", not "too many".
  @Test func longTextWithoutAReplyIsNoReply() throws {
    let line = "This is an ordinary line of a pasted message with no server reply in it.\n"
    let result = try RunBinary.run(["explain", "-"], stdin: String(repeating: line, count: 5000))
    #expect(result.status == 64)
    #expect(result.stderrLines == ["smtpprobe: \(ExplainError.noReplyFound)"])
  }

  @Test func overOneMebibyteIsOneLine() throws {
    let result = try RunBinary.run(
      ["explain", "-"], stdin: "550 5.1.1 " + String(repeating: "x", count: 1 << 20) + "\n")
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderrLines == [
        "smtpprobe: the text is over 1024 KiB; paste only the reply or the bounce message"
      ])
  }

  @Test func longLineUnderTheLimitIsOneLine() throws {
    let result = try RunBinary.run(
      ["explain", "-"], stdin: "550 5.1.1 " + String(repeating: "x", count: 900_000) + "\n")
    #expect(result.status == 64)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.hasPrefix("smtpprobe: cannot read the reply: "))
  }

  @Test func tooManyRepliesIsOneLine() throws {
    let result = try RunBinary.run(
      ["explain", "-"], stdin: String(repeating: "250 ok\n", count: 1001))
    #expect(result.status == 64)
    #expect(
      result.stderrLines == [
        "smtpprobe: the text holds more than 1000 replies; paste one session at a time"
      ])
  }

  @Test func binaryGarbageIsOneLine() throws {
    let garbage = String(
      decoding: (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }, as: UTF8.self)
    let result = try RunBinary.run(["explain", "-"], stdin: garbage)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrLines.count == 1)
  }
}
