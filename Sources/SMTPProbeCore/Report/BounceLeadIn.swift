/// The words with which each MTA and provider introduces the remote server's reply in a
/// bounce, as data: one row per lead-in, tried in order on each line.
///
/// The reply follows the lead-in on the same line, or, when the line ends there, on the lines
/// after it. Each row names where the wording comes from.
struct BounceLeadIn: Sendable {
  /// The lead-in, lowercase; matched case-insensitively.
  let marker: String
  /// `marker`'s bytes, for the byte search.
  let markerBytes: [UInt8]
  let format: BounceText.Format
  /// The command the reply answered, when the lead-in says so.
  let after: CommandKind?
  /// Whether the marker must start the line (after white space).
  let atLineStart: Bool
  let source: String

  init(
    _ marker: String, _ format: BounceText.Format, after: CommandKind? = nil,
    atLineStart: Bool = false, source: String
  ) {
    self.marker = marker
    markerBytes = Array(marker.utf8)
    self.format = format
    self.after = after
    self.atLineStart = atLineStart
    self.source = source
  }

  // swift-format-ignore
  static let table: [BounceLeadIn] = [
    BounceLeadIn("refused to talk to me:", .postfix, after: .greeting,
      source: "Postfix src/smtp/smtp_proto.c (\"host X refused to talk to me: ...\")"),
    BounceLeadIn("] said:", .postfix, source: "Postfix src/smtp/smtp_trouble.c (\"host X[IP] said: ...\")"),
    BounceLeadIn("remote host said:", .qmail, source: "qmail qmail-remote.c (\"Remote host said: ...\")"),
    BounceLeadIn(" said:", .postfix, source: "Postfix bounce(8) and other MTAs (\"... said: ...\")"),
    BounceLeadIn("the response from the remote server was:", .gmail,
      source: "Gmail bounce (\"The response from the remote server was:\")"),
    BounceLeadIn("the response was:", .gmail, source: "Gmail bounce (\"The response was:\")"),
    BounceLeadIn("other server returned was:", .gmail,
      source: "Gmail bounce before 2011 (\"The error that the other server returned was: 550 ...\")"),
    BounceLeadIn("the reason for the problem:", .provider,
      source: "Amazon SES bounce text (\"The reason for the problem: 5.1.0 - Unknown address error 550-'...'\")"),
    BounceLeadIn("diagnostic code:", .deliveryStatus,
      source: "PMDF and Sun Messaging Server notices (\"Diagnostic code: smtp; 550 ...\")"),
    BounceLeadIn("smtp protocol returned a permanent error", .domino,
      source: "HCL/Lotus Domino router (\"SMTP Protocol Returned a Permanent Error 550 ...\")"),
    BounceLeadIn("smtp protocol returned a temporary error", .domino,
      source: "HCL/Lotus Domino router"),
    BounceLeadIn("<<< ", .transcript, atLineStart: true,
      source: "Sendmail savemail.c transcript and Courier courieresmtp (\"<<< 550 ...\")"),
    BounceLeadIn("received >>>", .transcript, source: "MDaemon and Kerio transcripts (\"Received >>> 550 ...\")"),
    BounceLeadIn("out: ", .transcript, atLineStart: true, source: "MailEnable/Merak transcripts (\"Out: 451 ...\")"),
    BounceLeadIn("failed with:", .provider, source: "SmarterMail and Zimbra (\"... failed with: 550 ...\")"),
    BounceLeadIn("(reason: ", .provider, source: "Mimecast, Barracuda and Proofpoint NDRs (\"(reason: 550 ...)\")"),
    BounceLeadIn("reason:", .provider, source: "MessageLabs, Proofpoint, GroupWise NDRs (\"Reason: 550 ...\")"),
    BounceLeadIn("server response:", .provider, source: "Mailgun and SendGrid bounce text (\"Server response: 550 ...\")"),
    BounceLeadIn("smtp response:", .provider, source: "Postmark and Mandrill bounce text"),
    BounceLeadIn("remote-mta response:", .provider, source: "iCloud and Zoho NDRs"),
    BounceLeadIn("error message:", .provider, source: "Yahoo and Zoho bounce text"),
    BounceLeadIn("response:", .provider, source: "GMX/web.de and SES bounce text (\"response: 550 ...\")"),
    BounceLeadIn("smtp error:", .provider, source: "Exchange and GroupWise NDRs"),
    BounceLeadIn("smtp;", .provider,
      source: "RFC 3464 section 2.3.6 diagnostic type as quoted by Exchange, SES and Postmark (\"smtp; 550 ...\")"),
  ]

  /// The commands named in the sentence before a quoted reply.
  ///
  /// qmail-remote.c writes them before "Remote host said:" ("192.0.2.1 does not like
  /// recipient.").
  static let qmailSteps: [(phrase: String, after: CommandKind)] = [
    ("does not like recipient", .rcpt), ("sender was rejected", .mail),
    ("greeting failed", .greeting), ("my name was rejected", .helo),
    ("failed on data command", .data), ("failed after i sent the message", .endOfData),
  ]

  /// The command named at the start of a client line (`>>> RCPT To:<x>`, `RCPT TO`, ...).
  static func command(named text: Substring) -> CommandKind? {
    let upper = text.uppercased()
    let steps: [(String, CommandKind)] = [
      ("RCPT", .rcpt), ("MAIL", .mail), ("DATA", .data), ("END OF DATA", .endOfData),
      ("EHLO", .ehlo), ("HELO", .helo), ("LHLO", .ehlo), ("STARTTLS", .startTLS),
      ("AUTH", .auth), ("BDAT", .bdat), ("QUIT", .quit), ("RSET", .rset),
      (".", .endOfData),
    ]
    return steps.first { upper.hasPrefix($0.0) }?.1
  }
}
