/// Spam, content and policy rejections, and server-side trouble.
extension ReplyPatterns {
  static let content: [ReplyPattern] = [
    // Gmail 550 5.7.1 "Our system has detected that this message is likely unsolicited mail";
    // 421 4.7.0 "... suspicious due to the nature of the content and/or the links within".
    ReplyPattern(
      id: "gmail-unsolicited-content", category: .policySpamContent,
      phrases: ["likely unsolicited mail", "due to the nature of the content"],
      summary: "Gmail refused the message as likely spam (its content or links)",
      explanation:
        "Gmail's filters judged this particular message unsolicited, from its content, links or how recipients treat similar mail. Other messages from the same IP may still pass.",
      fix:
        "Review the content and links (shorteners, links to listed domains), send only to people who asked for it, and authenticate with SPF, DKIM and DMARC.",
      retry: .afterFix, transientRetry: .later, source: Source.gmail),
    // iCloud "550 5.7.1 [CS01] Message rejected due to local policy. Please visit
    // https://support.apple.com/en-us/HT204137" (also [CS02], [HM08]).
    ReplyPattern(
      id: "icloud-local-policy", category: .policySpamContent,
      phrases: ["message rejected due to local policy", "due to local policy"],
      summary: "iCloud refused the message under its local policy ([CS01]/[CS02]/[HM08])",
      explanation:
        "Apple's filters rejected this message for policy reasons, usually content or sender reputation rather than a public blocklist. Apple gives no further detail in the reply.",
      fix:
        "Check authentication and content; if it persists, contact Apple's postmaster (see https://support.apple.com/en-us/102322) with the full reply and your sending IPs.",
      retry: .afterFix, transientRetry: .later, source: Source.icloud),
    // Mimecast "550 Rejected by header based Anti-Spoofing policy", "Anti-Spoofing policy -
    // Inbound not allowed", "Message bounced due to content examination policy", "554 Email
    // rejected due to security policies".
    ReplyPattern(
      id: "mimecast-policy", category: .policySpamContent,
      phrases: [
        "anti-spoofing policy", "content examination policy",
        "email rejected due to security policies", "host network not allowed",
      ],
      summary: "Mimecast rejected the message under the recipient organisation's policy",
      explanation:
        "The recipient's Mimecast gateway has a policy (anti-spoofing, content examination, geography or security scan) that this message triggered.",
      fix:
        "Ask the recipient's administrator to review the Mimecast policy or add a bypass for your sender or IP.",
      retry: .afterFix, source: Source.mimecast),
    // Yahoo "554 Message not allowed - [PH01] Email not accepted for policy reasons", "554 5.7.9
    // Message not accepted for policy reasons"; GMX "554 Transaction failed Reject due to policy
    // restrictions"; Zoho "554 5.7.7 Email policy violation detected"; Exchange "5.7.900-999
    // Delivery not authorized, message refused", Exchange 2003 filters "550 #5.7.1 Your access
    // to submit messages to this e-mail system has been rejected"; Forpsi "550 5.1.0 <x> policy
    // violation, see https://support.forpsi.com/kb/a4081".
    ReplyPattern(
      id: "policy-rejection", category: .policySpamContent,
      phrases: [
        "not accepted for policy reasons", "reject due to policy restrictions",
        "email policy violation detected", "rejected by destination domain",
        "delivery not authorized, message refused", "rejected for policy reasons",
        "mailbox delivery restricted by policy", "has a policy that prohibited the mail",
        "your access to submit messages to this e-mail system has been rejected",
      ],
      summary: "The receiver rejected the message for policy reasons",
      explanation:
        "The receiving system's policy does not allow this message (its content, sender, or a rule the recipient's organisation set). The reply does not point to a blocklist or authentication failure.",
      fix:
        "Review content and sending practices; if the mail is wanted, ask the recipient's administrator to allow it.",
      retry: .afterFix, transientRetry: .later,
      source:
        "\(Source.yahoo); \(Source.gmx); \(Source.zoho); \(Source.microsoftNDR); \(Source.gmail); https://support.forpsi.com/kb/a4081"
    ),
    // Barracuda "550 permanent failure for one or more recipients (x@example.com:blocked)": its
    // filter blocked the message for that recipient (score, content or intent rules).
    ReplyPattern(
      id: "barracuda-recipient-blocked", category: .policySpamContent,
      phrases: [":blocked)"], requiring: ["permanent failure for one or more recipients"],
      summary: "A Barracuda filter blocked the message for this recipient",
      explanation:
        "The recipient's Barracuda gateway scored or matched the message against its spam, content or policy rules and refused it. The mailbox exists; the ':blocked' tag is the filter's verdict on the message.",
      fix:
        "Check the sending IP's Barracuda reputation and the content and links of the message; if the mail is wanted, ask the recipient's administrator to allow your sender.",
      retry: .afterFix, transientRetry: .later,
      source:
        "https://www.suped.com (Barracuda 'permanent failure for one or more recipients' bounces); \(Source.barracuda)"
    ),
    // SparkPost rejects a message that breaks the Internet Message Format with 550 5.6.0: "Lone
    // CR or LF in body (see RFC2822 section 2.3)", "Missing required RFC2822 Date field",
    // "Invalid header found (see RFC2822 section 3.6)".
    ReplyPattern(
      id: "malformed-message", category: .syntaxError,
      phrases: [
        "lone cr or lf in", "missing required rfc2822", "(see rfc2822 section",
        "(see rfc 5322 section", "message is malformed", "malformed message",
        "mail message is malformed",
      ],
      summary: "The message itself is malformed: it breaks the Internet Message Format",
      explanation:
        "The server parsed the message data, not a command, and found a format error: a bare CR or LF instead of CRLF, a missing required header such as Date, or a malformed header (RFC 5322 sections 2.3 and 3.6). The recipient is not in question; the software that built the message is.",
      fix:
        "Fix the program that builds the message: end every line with CRLF, and include the Date and From headers with valid syntax.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "SparkPost Momentum documentation, responses-by-message (the 550 5.6.0 rows)"),
    // Postfix access maps: a REJECT action answers "554 5.7.1 <x>: Recipient address rejected:
    // Access denied" (likewise "Client host rejected", "Helo command rejected").
    ReplyPattern(
      id: "postfix-access-denied", category: .policySpamContent,
      phrases: [
        "address rejected: access denied", "client host rejected: access denied",
        "helo command rejected: access denied",
      ],
      isGeneric: true,
      summary: "The receiver's access list refuses this client, sender or recipient",
      explanation:
        "The receiving Postfix has an access table entry that rejects this client, address or HELO name. It is a local policy decision by the receiver's administrator.",
      fix:
        "Ask the receiving postmaster why the entry exists and to remove it if the mail is wanted.",
      retry: .afterFix, transientRetry: .later, source: Source.postfixCheck),
    // Exim acl.c: a "deny" ACL statement without its own message answers "550 Administrative
    // prohibition" (VRFY and EXPN refusals use it too).
    ReplyPattern(
      id: "exim-administrative-prohibition", category: .policySpamContent,
      phrases: ["administrative prohibition"],
      isGeneric: true,
      summary: "The receiver's access rules (an Exim ACL) refused this without giving a reason",
      explanation:
        "Exim sends these words when a deny rule of the receiving server's policy matched and the administrator wrote no message of their own. It is a local policy decision; the reply does not say which check failed.",
      fix:
        "Check the usual suspects (reverse DNS, blocklists, SPF, the sender address); if none applies, ask the receiving postmaster which rule matched.",
      retry: .afterFix, transientRetry: .later, source: "Exim src/acl.c (default deny message)"),
    // Gmail "421 4.7.0 IP not in whitelist for RCPT domain, closing connection.": the recipient
    // domain accepts mail only from the IPs its administrator listed.
    ReplyPattern(
      id: "gmail-ip-not-allowlisted", category: .policySpamContent,
      phrases: ["ip not in whitelist for rcpt domain"],
      summary: "The recipient's domain only accepts mail from IPs it lists, and yours is not one",
      explanation:
        "The Google Workspace domain is set to take mail only from specific gateways (an inbound gateway or IP allowlist). Retrying from the same IP will not change that.",
      fix:
        "Send through the gateway the recipient's organisation uses, or ask its administrator to add your IP.",
      retry: .afterFix, transientRetry: .afterFix, source: Source.gmail),
    // Exchange Online "550 5.7.510 Access denied, example.com does not accept email over IPv6".
    ReplyPattern(
      id: "microsoft-no-ipv6", category: .policySpamContent,
      phrases: ["does not accept email over ipv6"],
      summary: "The recipient's Microsoft 365 domain does not accept mail over IPv6",
      explanation:
        "Your server connected over IPv6, and the recipient's organisation takes mail over IPv4 only. Nothing is wrong with the message or the address.",
      fix: "Deliver to this domain over IPv4 (prefer IPv4 for outbound SMTP), then resend.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.microsoftNDR); https://relaymetry.com/outlook-5-7-510-no-ipv6"),
    // Exchange Online "550 5.7.520 Access denied, Your organization does not allow external
    // forwarding. Please contact your administrator for further assistance. AS(7555)".
    ReplyPattern(
      id: "microsoft-external-forwarding", category: .policySpamContent,
      phrases: ["does not allow external forwarding"],
      summary: "Your own Microsoft 365 organisation blocks automatic forwarding outside it",
      explanation:
        "The outbound anti-spam policy of the sending tenant forbids auto-forwarding (inbox rules or mailbox forwarding) to external addresses. The recipient's server never saw the message.",
      fix:
        "Ask your Microsoft 365 administrator to allow external forwarding for this mailbox in the outbound anti-spam policy, or forward by hand.",
      retry: .afterFix, transientRetry: .afterFix, source: Source.microsoftNDR),
    // Yandex "Message rejected under suspicion of SPAM"; Zoho "554 5.7.1 Email cannot be
    // delivered. Reason: Email flagged as Spam."; Mail.ru "550 spam message rejected"; QQ Mail
    // "550 Mail content denied" (content reported as bulk spam).
    ReplyPattern(
      id: "spam-detected", category: .policySpamContent,
      phrases: [
        "rejected under suspicion of spam", "flagged as spam", "spam message rejected",
        "message rejected as spam", "classified as spam", "detected as spam", "looks like spam",
        "spam detected", "rejected as spam", "considered spam", "identified as spam",
        "content rejected", "message content rejected", "mail content denied",
        "judged to be spam",
      ],
      summary: "The receiver's spam filter rejected this message",
      explanation:
        "The message was scanned and scored as spam by the receiving filter. The verdict is about this message (and its sender's reputation), not about the recipient address.",
      fix:
        "Review the content, links and attachments; authenticate with SPF, DKIM and DMARC; send only to people who asked for the mail.",
      retry: .afterFix, transientRetry: .later,
      source:
        "\(Source.yandex); \(Source.zoho); https://help.mail.ru/engmail-help/spam/why; https://smtp.codes/qq"
    ),
    // Gmail "552 5.7.0 This message was blocked because its content presents a potential
    // security issue", "Our system detected an illegal attachment on your message"; Zoho "552
    // 5.7.1 virus x detected by Zoho Mail".
    ReplyPattern(
      id: "blocked-attachment-or-virus", category: .policySpamContent,
      phrases: [
        "content presents a potential security issue", "illegal attachment",
        "contains a virus", "virus detected", "virus found", "detected by zoho mail",
        "infected with", "infected:", "virus:", "malware detected", "contains malware",
        "virus infected", "infected message",
      ],
      summary: "The message was rejected for an unsafe attachment or a virus",
      explanation:
        "The receiver scanned the message and found an attachment type it blocks (executables, some archives) or a virus signature.",
      fix:
        "Remove or replace the attachment (share it by link), and scan the sending system for malware.",
      retry: .afterFix, transientRetry: .later, source: "\(Source.gmail); \(Source.zoho)"),
  ]

  static let service: [ReplyPattern] = [
    // Postfix smtpd.c "421 4.7.0 mx.example.com Error: too many errors"; iCloud "421 4.7.0
    // me.com Error: too many errors".
    ReplyPattern(
      id: "too-many-errors", category: .serviceUnavailable,
      phrases: ["too many errors", "too many unrecognized commands", "too many invalid commands"],
      summary: "The server hung up after too many errors in this session",
      explanation:
        "The server counts failed commands in a session (rejected recipients, syntax errors) and closes the connection once a limit is passed. The earlier replies in the session show the real problem.",
      fix:
        "Look at the replies before this one, fix those (for example stop probing unknown recipients), and reconnect.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.postfixSmtpd); \(Source.icloud)"),
    // Yahoo "421 Resources temporarily unavailable. Please try again later", Gmail "421 4.3.0
    // Temporary System Problem", "421 4.4.5 Server busy", Zoho "452 4.3.1 Temporary System Error";
    // AT&T "450 busy--Please try again later"; "421 Server is busy, try later".
    ReplyPattern(
      id: "server-busy", category: .serviceUnavailable,
      phrases: [
        "resources temporarily unavailable", "temporary system problem", "server busy",
        "server is busy", "system is busy", "too busy", "busy--", "busy, try later",
        "busy, please try",
        "temporary system error", "unable to process connection at this time",
        "system not accepting network messages",
      ],
      summary: "The receiving server is busy or having a temporary problem",
      explanation:
        "The problem is on the receiving side (load, maintenance, an internal fault). Nothing about your message or server is wrong.",
      fix: "Retry later; a normal MTA queue does this by itself.",
      retry: .afterFix, transientRetry: .later,
      source: "\(Source.yahooHelp); \(Source.gmail); \(Source.zoho); \(Source.mimecast)"),
    // GMX "554-No SMTP service"; iCloud "554 ****-smtpin001.me.com ESMTP not accepting
    // connections".
    ReplyPattern(
      id: "no-smtp-service", category: .serviceUnavailable,
      phrases: ["no smtp service", "not accepting connections"],
      summary: "The server refuses to talk SMTP with your client",
      explanation:
        "The server answered the connection with a refusal. This is usually a policy decision about your IP (reputation, blocklist, geography) rather than an outage.",
      fix:
        "Look for a reason or a link elsewhere in the reply; check your IP on public blocklists and its reverse DNS.",
      retry: .afterFix, transientRetry: .later, source: "\(Source.gmx); \(Source.icloud)"),
    // ASSP's default DelayError (its greylisting reply) "451 4.7.1 Please try again later";
    // Sendmail's srvrsmtp.c uses the same words for a deferred AUTH (454, handled by context).
    // Last in the table: any more specific phrase in the same reply wins.
    ReplyPattern(
      id: "please-try-again-later", category: .greylisted,
      phrases: ["please try again later"], classes: [4],
      commands: [.mail, .rcpt, .data, .endOfData],
      isGeneric: true,
      summary: "Deferred without a reason: retry later (typically greylisting)",
      explanation:
        "The server gave a bare 'try again later' at the envelope or data stage. Greylisting filters such as ASSP's delaying answer exactly this way; a retry after a few minutes is normally accepted.",
      fix:
        "Let the queue retry after a few minutes; if it never passes, ask the receiving postmaster.",
      retry: .afterFix, transientRetry: .later,
      source: "ASSP assp.pl (DelayError default); Sendmail src/srvrsmtp.c"),
  ]
}
