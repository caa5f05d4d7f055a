import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// A bounce excerpt and the reply `BounceText` must find in it.
struct BounceCase: CustomTestStringConvertible, Sendable {
  let id: String
  /// Where the shape comes from.
  let source: String
  let text: String
  let lines: [String]
  let after: CommandKind?
  let format: BounceText.Format
  var testDescription: String { id }
}

/// The bounce formats `explain` reads; addresses and hosts are documentation ones (RFC 2606,
/// RFC 5737), the wording our own paraphrase of each format's fixed phrases.
@Suite struct BounceTextTests {
  static let cases: [BounceCase] = [
    BounceCase(
      id: "RFC 3464 Diagnostic-Code", source: "RFC 3464 2.3.6 (diagnostic-type smtp)",
      text: """
        Final-Recipient: rfc822; bob@example.com
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx.example.com
        Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>... User unknown
        """,
      lines: ["550 5.1.1 <bob@example.com>... User unknown"], after: nil,
      format: .deliveryStatus),
    BounceCase(
      id: "RFC 3464 folded Diagnostic-Code", source: "RFC 3464 2.3.6, RFC 5322 2.2.3 folding",
      text: "Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient\n    address rejected\n",
      lines: ["550 5.1.1 <bob@example.com>: Recipient address rejected"], after: nil,
      format: .deliveryStatus),
    BounceCase(
      id: "Postfix said, wrapped, in reply to RCPT TO",
      source: "Postfix bounce(8) text, smtp_proto.c \"in reply to %s command\"",
      text: """
        <bob@example.com>: host mx.example.com[203.0.113.5] said: 550 5.1.1
            <bob@example.com>: Recipient address rejected: User unknown in local
            recipient table (in reply to RCPT TO command)
        """,
      lines: [
        "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local "
          + "recipient table"
      ], after: .rcpt, format: .postfix),
    BounceCase(
      id: "Postfix in reply to end of DATA", source: "Postfix bounce(8) text",
      text: "host mx.example.com[203.0.113.5] said: 554 5.7.1 Message rejected as spam (in reply "
        + "to end of DATA command)",
      lines: ["554 5.7.1 Message rejected as spam"], after: .endOfData, format: .postfix),
    BounceCase(
      id: "Postfix log line", source: "Postfix smtp(8) maillog, status=bounced (...)",
      text: "Nov 23 00:00:00 mail postfix/smtp[1234]: 4F3A2: to=<bob@example.com>, "
        + "relay=mx.example.com[203.0.113.5]:25, dsn=5.1.1, status=bounced (host "
        + "mx.example.com[203.0.113.5] said: 550 5.1.1 User unknown (in reply to RCPT TO command))",
      lines: ["550 5.1.1 User unknown"], after: .rcpt, format: .postfix),
    BounceCase(
      id: "Postfix refused to talk to me", source: "Postfix smtp(8) greeting refusal",
      text: "host mx.example.com[203.0.113.5] refused to talk to me: 554 5.7.1 Service unavailable",
      lines: ["554 5.7.1 Service unavailable"], after: .greeting, format: .postfix),
    BounceCase(
      id: "Exim reply on the next line",
      source: "Exim deliver.c \"SMTP error from remote mail server after\"",
      text: """
          bob@example.com
            host mx.example.com [203.0.113.5]
            SMTP error from remote mail server after RCPT TO:<bob@example.com>:
            550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown
        """,
      lines: ["550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown"],
      after: .rcpt, format: .exim),
    BounceCase(
      id: "Exim reply on the same line, MAIL with SIZE", source: "Exim deliver.c",
      text: "SMTP error from remote mail server after MAIL FROM:<a@example.org> SIZE=1234: "
        + "550 5.7.1 Sender rejected",
      lines: ["550 5.7.1 Sender rejected"], after: .mail, format: .exim),
    BounceCase(
      id: "Exim pipelined end of data", source: "Exim deliver.c (pipelined)",
      text:
        "SMTP error from remote mail server after pipelined end of data:\n    452 4.2.2 Over quota",
      lines: ["452 4.2.2 Over quota"], after: .endOfData, format: .exim),
    BounceCase(
      id: "Gmail multi-line", source: "Gmail \"Address not found\" bounce",
      text: """
        The response from the remote server was:
        550-5.1.1 The email account that you tried to reach does not exist. Please try
        550 5.1.1 double-checking the recipient's email address for typos.
        """,
      lines: [
        "550-5.1.1 The email account that you tried to reach does not exist. Please try",
        "550 5.1.1 double-checking the recipient's email address for typos.",
      ], after: nil, format: .gmail),
    BounceCase(
      id: "Gmail short form after a blank line", source: "Gmail bounce (\"The response was:\")",
      text: "The response was:\n\n550 5.1.1 No such user\n",
      lines: ["550 5.1.1 No such user"], after: nil, format: .gmail),
    BounceCase(
      id: "Exchange Remote Server returned",
      source: "Microsoft Exchange NDR, Diagnostic information for administrators",
      text: "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not "
        + "found by SMTP address lookup'\r\n",
      lines: [
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
      ],
      after: nil, format: .exchange),
    BounceCase(
      id: "Exchange hash form", source: "Exchange 2007-2010 NDR ('#550 ... ##')",
      text: "Remote Server returned '<#550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found ##>'",
      lines: ["550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found"], after: nil,
      format: .exchange),
    BounceCase(
      id: "Exchange smtp; form", source: "Exchange 2003 NDR ('<#5.1.1 smtp;550 ...>')",
      text: "Remote Server returned '<#5.1.1 smtp;550 5.1.1 <bob@example.com>... User unknown>'",
      lines: ["550 5.1.1 <bob@example.com>... User unknown"], after: nil, format: .exchange),
    BounceCase(
      id: "folded multi-line reply in a DSN", source: "RFC 3464 2.3.6 (a multi-line reply joined)",
      text: "Diagnostic-Code: smtp; 550-5.7.1 first line 550 5.7.1 second line",
      lines: ["550-5.7.1 first line", "550 5.7.1 second line"], after: nil,
      format: .deliveryStatus),
  ]

  @Test(arguments: cases)
  func findsTheReply(_ c: BounceCase) {
    let found = BounceText.replies(in: c.text)
    #expect(found == [BounceText.Found(lines: c.lines, after: c.after, format: c.format)])
  }

  @Test func postfixTextAndDSNPartGiveOneReplyWithItsCommand() {
    let text = """
      <bob@example.com>: host mx.example.com[203.0.113.5] said: 550 5.1.1 User unknown (in
          reply to RCPT TO command)

      Final-Recipient: rfc822; bob@example.com
      Status: 5.1.1
      Diagnostic-Code: smtp; 550 5.1.1 User unknown
      """
    #expect(
      BounceText.replies(in: text) == [
        BounceText.Found(lines: ["550 5.1.1 User unknown"], after: .rcpt, format: .postfix)
      ])
  }

  @Test func deliveryStatusField() {
    #expect(
      BounceText.deliveryStatus(in: "Action: failed\nStatus: 5.2.2 (mailbox full)\n")
        == EnhancedStatusCode("5.2.2"))
    #expect(BounceText.deliveryStatus(in: "Action: failed\nStatus: 9.9\n") == nil)
  }

  @Test func notABounce() {
    for text in [
      "550 5.1.1 user unknown", "<- 250 ok\n-> QUIT\n", "", "Diagnostic-Code: x-unix; 67",
      "she said: hello", "Remote Server returned '< #4.4.7>'",
    ] {
      #expect(BounceText.replies(in: text).isEmpty, "\(text)")
    }
  }
}
