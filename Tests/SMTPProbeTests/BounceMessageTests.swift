import Testing

@testable import SMTPProbeCore

/// Whole bounce messages, MIME and all: the reply must be found however the message is built.
///
/// The texts are shaped after each MTA's and provider's real bounces (the fixed phrases their
/// sources write), with documentation addresses and hosts (RFC 2606, RFC 5737).
@Suite struct BounceMessageTests {
  /// The replies' first lines found in `text`.
  private func firstLines(_ text: String) -> [String] {
    BounceText.replies(in: text).compactMap(\.lines.first)
  }

  @Test func multipartReportWithQuotedPrintableSoftBreaks() {
    let text = """
      From: MAILER-DAEMON@mx.example.org
      Subject: Undelivered Mail Returned to Sender
      MIME-Version: 1.0
      Content-Type: multipart/report; report-type=delivery-status;
      \tboundary="=_b1"

      --=_b1
      Content-Type: text/plain; charset=utf-8
      Content-Transfer-Encoding: quoted-printable

      <bob@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@exam=
      ple.com>: Recipient address rejected: User unknown in local recipient table=
       (in reply to RCPT TO command)

      --=_b1
      Content-Type: message/delivery-status

      Reporting-MTA: dns; mx.example.org

      Final-Recipient: rfc822; bob@example.com
      Action: failed
      Status: 5.1.1
      Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected:
          User unknown in local recipient table

      --=_b1
      Content-Type: text/rfc822-headers

      Subject: 550 5.7.1 this subject is not a reply
      --=_b1--
      """
    let found = BounceText.replies(in: text)
    #expect(
      found == [
        BounceText.Found(
          lines: [
            "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table"
          ], after: .rcpt, format: .postfix)
      ])
  }

  @Test func base64PartIsDecoded() {
    // "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'"
    let text = """
      From: postmaster@example.net
      Content-Type: multipart/mixed; boundary="x"

      --x
      Content-Type: text/plain; charset=us-ascii
      Content-Transfer-Encoding: base64

      UmVtb3RlIFNlcnZlciByZXR1cm5lZCAnNTUwIDUuMS4xMCBSRVNPTFZFUi5BRFIuUmVjaXBpZW50
      Tm90Rm91bmQ7IG5vdCBmb3VuZCcK
      --x--
      """
    #expect(firstLines(text) == ["550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found"])
  }

  @Test func aLargeHTMLPartIsNeitherCountedNorFatal() throws {
    let rows = String(
      repeating: "<tr><td>550 row of a table that is not a reply</td></tr>\n", count: 3000)
    let text = """
      From: postmaster@example.net
      Subject: Undeliverable: hello
      Content-Type: multipart/alternative; boundary="alt"

      --alt
      Content-Type: text/plain

      Diagnostic information for administrators:

      Generating server: mail.example.net

      bob@example.com
      Remote Server returned '550 5.7.1 Unable to relay'

      --alt
      Content-Type: text/html

      <html><body><table>
      \(rows)</table></body></html>
      --alt--
      """
    #expect(firstLines(text) == ["550 5.7.1 Unable to relay"])
    let report = try ExplainReport.build(.standardInput, readStandardInput: { text })
    guard case .replies(let explanations) = report else {
      Issue.record("expected replies, got \(report)")
      return
    }
    #expect(explanations.map(\.diagnosis.category) == [.relayDenied])
  }

  @Test func aMessageWithoutAReplyIsNotReadAsReplies() throws {
    let body = String(repeating: "Hello, this line is a letter, not a reply.\n", count: 2000)
    let text = "From: a@example.com\nSubject: hello\n\n" + body
    #expect(throws: ExplainError.noReplyFound) {
      try ExplainReport.build(.standardInput, readStandardInput: { text })
    }
    // Only a Status: field: the enhanced code is explained (RFC 3464 2.3.4).
    let statusOnly = """
      From: MAILER-DAEMON@example.org
      Content-Type: multipart/report; boundary="s"

      --s
      Content-Type: message/delivery-status

      Final-Recipient: rfc822; bob@example.com
      Action: failed
      Status: 5.2.2
      --s--
      """
    let report = try ExplainReport.build(.standardInput, readStandardInput: { statusOnly })
    guard case .enhanced(let card) = report else {
      Issue.record("expected the status card, got \(report)")
      return
    }
    #expect(card.code == "5.2.2")
  }

  @Test func severalRecipientsEachWithItsReply() {
    let text = """
      From: MAILER-DAEMON@mx.example.org
      Content-Type: multipart/report; report-type=delivery-status; boundary="r"

      --r
      Content-Type: message/delivery-status

      Reporting-MTA: dns; mx.example.org

      Final-Recipient: rfc822; bob@example.com
      Action: failed
      Status: 5.1.1
      Diagnostic-Code: smtp; 550 5.1.1 No such user

      Final-Recipient: rfc822; carol@example.net
      Action: delayed
      Status: 4.2.2
      Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

      Final-Recipient: rfc822; dave@example.org
      Action: delivered
      Status: 2.0.0
      Diagnostic-Code: smtp; 250 2.0.0 Ok
      --r--
      """
    #expect(firstLines(text) == ["550 5.1.1 No such user", "452 4.2.2 Mailbox full"])
  }

  @Test func theFailedRecipientsReplyWins() {
    // Exim names the failed recipient in X-Failed-Recipients; the other reply is about an
    // address that was delivered later.
    let text = """
      X-Failed-Recipients: bob@example.com
      Subject: Mail delivery failed: returning message to sender

        carol@example.net
          host mx.example.net [192.0.2.7]
          SMTP error from remote mail server after RCPT TO:<carol@example.net>:
          451 4.7.1 Greylisted, try later

        bob@example.com
          host mx.example.com [192.0.2.5]
          SMTP error from remote mail server after RCPT TO:<bob@example.com>:
          550 5.1.1 <bob@example.com>... User unknown
      """
    let found = BounceText.replies(in: text)
    #expect(found.map(\.lines) == [["550 5.1.1 <bob@example.com>... User unknown"]])
    #expect(found.first?.after == .rcpt)
  }

  struct LeadInCase: CustomTestStringConvertible, Sendable {
    let id: String
    let source: String
    let text: String
    let reply: String
    let after: CommandKind?
    var testDescription: String { id }
  }

  static let leadIns: [LeadInCase] = [
    LeadInCase(
      id: "Exim host line", source: "Exim transports/smtp.c (older bounce text)",
      text:
        "Subject: Mail delivery failed\n\n  bob@example.com\n    host mx.example.com [192.0.2.5]: 550 5.1.1 User unknown\n",
      reply: "550 5.1.1 User unknown", after: nil),
    LeadInCase(
      id: "Sendmail transcript", source: "Sendmail savemail.c (transcript of session)",
      text: """
        Subject: Returned mail: see transcript for details

           ----- Transcript of session follows -----
        ... while talking to mx.example.com.:
        >>> RCPT To:<bob@example.com>
        <<< 550 5.1.1 <bob@example.com>... User unknown
        550 5.1.1 bob@example.com... User unknown
        """,
      reply: "550 5.1.1 <bob@example.com>... User unknown", after: .rcpt),
    LeadInCase(
      id: "qmail Remote host said", source: "qmail qmail-remote.c",
      text: """
        Subject: failure notice

        Hi. This is the qmail-send program at mail.example.org.
        <bob@example.com>:
        192.0.2.5 does not like recipient.
        Remote host said: 550 5.1.1 <bob@example.com>: Recipient address rejected
        Giving up on 192.0.2.5.
        """,
      reply: "550 5.1.1 <bob@example.com>: Recipient address rejected", after: .rcpt),
    LeadInCase(
      id: "Courier transcript", source: "Courier courieresmtp (<<< lines)",
      text: """
        Subject: NOTICE: mail delivery status.

        <bob@example.com>:
        >>> RCPT TO:<bob@example.com>
        <<< 550 5.1.1 <bob@example.com>... No such user
        """,
      reply: "550 5.1.1 <bob@example.com>... No such user", after: .rcpt),
    LeadInCase(
      id: "OpenSMTPD recipient: reply", source: "OpenSMTPD bounce.c",
      text: """
        Subject: Delivery status notification: error

        This is the MAILER-DAEMON, please DO NOT REPLY to this email.

        bob@example.com: 550 5.1.1 Unknown user
        """,
      reply: "550 5.1.1 Unknown user", after: nil),
    LeadInCase(
      id: "Domino permanent error", source: "HCL Domino router",
      text:
        "Subject: DELIVERY FAILURE\n\nbob@example.com\nSMTP Protocol Returned a Permanent Error 550 5.1.1 User unknown\n",
      reply: "550 5.1.1 User unknown", after: nil),
    LeadInCase(
      id: "Gmail before 2011", source: "Gmail bounce text",
      text:
        "Subject: Delivery Status Notification (Failure)\n\nThe error that the other server returned was: 550 550 5.1.1 user unknown (state 14).\n",
      reply: "550 5.1.1 user unknown (state 14).", after: nil),
    LeadInCase(
      id: "Amazon SES quoted reply", source: "Amazon SES bounce (2011 format)",
      text:
        "Subject: Delivery Status Notification (Failure)\n\nThe reason for the problem:\n5.1.0 - Unknown address error 550-'5.2.2 <bob@example.com>... Mailbox Full'\n",
      reply: "550 5.2.2 <bob@example.com>... Mailbox Full", after: nil),
    LeadInCase(
      id: "Amazon SES JSON notification", source: "Amazon SES bounce notification (SNS)",
      text: """
        {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"bob@example.com","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}]}}
        """,
      reply: "550 5.1.1 user unknown", after: nil),
    LeadInCase(
      id: "SNS e-mail with escaped JSON", source: "Amazon SNS notification e-mail",
      text:
        #"{"Type":"Notification","Message":"{\"notificationType\":\"Bounce\",\"bounce\":{\"bouncedRecipients\":[{\"diagnosticCode\":\"smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected\"}]}}"}"#,
      reply: "550 5.1.1 <bob@example.com>: Recipient address rejected", after: nil),
    LeadInCase(
      id: "a bare reply line in a bounce", source: "NTT docomo via Sendmail (sisimai set)",
      text:
        "From: Mail Delivery Subsystem <MAILER-DAEMON@example.jp>\nSubject: Returned mail\n\nThe following recipient could not be reached:\n\n550 Unknown user bob@example.jp\n",
      reply: "550 Unknown user bob@example.jp", after: nil),
    LeadInCase(
      id: "Postmark-style reason", source: "Mimecast, Barracuda and Proofpoint NDRs",
      text:
        "Subject: Undeliverable\n\nbob@example.com (reason: 550 5.7.1 Message rejected due to content)\n",
      reply: "550 5.7.1 Message rejected due to content)", after: nil),
  ]

  @Test(arguments: leadIns)
  func findsTheReplyAfterEachLeadIn(_ c: LeadInCase) {
    let found = BounceText.replies(in: c.text)
    #expect(found.first?.lines.joined(separator: " ") == c.reply)
    #expect(found.first?.after == c.after)
    // Whatever was found parses as a reply.
    for reply in found {
      let parsed = try? ReplyParser.parseAll(Array(reply.lines.joined(separator: "\r\n").utf8))
      #expect(parsed?.first.map { (200...599).contains($0.code) } == true)
    }
  }

  @Test func qmailTrailingStatusBecomesTheEnhancedCode() throws {
    let text =
      "Subject: failure notice\n\n<bob@example.com>:\nRemote host said: 550 sorry, no mailbox here by that name (#5.1.1)\n"
    let report = try ExplainReport.build(.standardInput, readStandardInput: { text })
    guard case .replies(let explanations) = report else {
      Issue.record("expected replies")
      return
    }
    #expect(explanations.first?.reply.enhanced == EnhancedStatusCode("5.1.1"))
    #expect(explanations.first?.diagnosis.category == .mailboxUnknown)
  }

  @Test func transferDecodingIsLenient() {
    #expect(
      TransferDecoding.quotedPrintable("a=3Db=\r\nc =ZZ d=\n") == Array("a=bc =ZZ d".utf8))
    #expect(TransferDecoding.base64("aGVs\nbG8=") == Array("hello".utf8))
    #expect(TransferDecoding.base64("!!!") == [])
  }

  @Test func htmlTextKeepsTheWordsAndDropsTheMarkup() {
    let html = "<p>Remote Server returned &#39;550 5.1.1&nbsp;x&#39;</p><style>p{}</style>ok"
    #expect(HTMLText.plain(html) == "\nRemote Server returned '550 5.1.1 x'\nok")
  }
}
