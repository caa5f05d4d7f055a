/// Addresses and mailboxes: unknown, full or disabled mailboxes, rejected senders, domains that
/// take no mail, message size and recipient limits.
extension ReplyPatterns {
  /// The steps where a reply can be about an address.
  ///
  /// After AUTH, "unknown user" or "account disabled" is about the login, not a mailbox, so
  /// the mailbox patterns stay out of it.
  static let addressSteps: Set<CommandKind> = [
    .greeting, .mail, .rcpt, .vrfy, .expn, .data, .endOfData, .bdat,
  ]

  static let sizes: [ReplyPattern] = [
    // Postfix "552 5.3.4 Message size exceeds fixed limit" (smtpd_check.c, message_size_limit);
    // Exim "552 Message size exceeds maximum permitted"; Exchange "552 5.3.4 Message size exceeds
    // fixed maximum message size"; Gmail "552 5.3.4 Your message exceeded Google's message size
    // limits"; Mimecast "554 Maximum email size exceeded".
    ReplyPattern(
      id: "message-too-large", category: .messageTooLarge,
      phrases: [
        "message size exceeds fixed limit", "message size exceeds maximum permitted",
        "message size exceeds fixed maximum message size", "exceeded google's message size limits",
        "exceeds google's message size limit", "maximum email size exceeded",
        "message too big for system", "message too large", "message file too big",
        "message is too large", "message too big",
      ],
      summary: "The message is larger than the receiving server accepts",
      explanation:
        "The server has a maximum message size (advertised as SIZE in EHLO) and this message, after encoding, exceeds it. Attachments grow by about a third when base64-encoded.",
      fix:
        "Send a smaller message: compress or remove attachments, or share large files by link. Check the SIZE value in the server's EHLO reply.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "\(Source.postfixCheck); \(Source.exim); \(Source.microsoftNDR); \(Source.gmail); \(Source.mimecast)"
    ),
    // Postfix "452 4.5.3 Error: too many recipients" (smtpd.c, smtpd_recipient_limit); Gmail
    // "452 4.5.3 Your message has too many recipients"; Mimecast "452 Too many recipients".
    ReplyPattern(
      id: "too-many-recipients", category: .tooManyRecipients,
      phrases: ["too many recipients", "domain policy size per transaction exceeded"],
      summary: "Too many recipients for one message: send the rest in another transaction",
      explanation:
        "The server caps the number of RCPT TO per message. The recipients accepted so far are fine; the rest were refused for this transaction only (RFC 5321 section 4.5.3.1.10).",
      fix:
        "Deliver the message to the accepted recipients, then send it again to the remaining ones in a new transaction.",
      retry: .afterFix, transientRetry: .later,
      source: "\(Source.postfixSmtpd); \(Source.gmail); \(Source.mimecast)"),
  ]

  static let mailboxes: [ReplyPattern] = [
    // Gmail "452 4.2.2 The recipient's inbox is out of storage space", "The email account that
    // you tried to reach is over quota"; iCloud "552 5.2.2 <x>: user is over quota"; Exchange
    // "5.2.2 mailbox full"; Web.de "User has exhausted allowed storage space".
    ReplyPattern(
      id: "mailbox-full", category: .mailboxFull,
      phrases: [
        "over quota", "overquota", "quota exceeded", "mailbox full", "mailbox is full",
        "out of storage space", "exhausted allowed storage space",
        "too many messages on the server", "mailbox size limit exceeded", "insufficient quota",
      ],
      commands: addressSteps,
      summary: "The recipient's mailbox is full",
      explanation:
        "The address exists but its mailbox has used up its storage quota, so it cannot take new mail until the owner frees space.",
      fix:
        "Tell the recipient by another channel; retry later. Persistent 'full' mailboxes are often abandoned.",
      retry: .afterFix, transientRetry: .later,
      source: "\(Source.gmail); \(Source.icloud); \(Source.microsoftNDR); \(Source.gmx)"),
    // Gmail "550 5.2.1 The email account that you tried to reach is disabled/inactive"; Yahoo
    // "554 delivery error: dd x@yahoo.com is no longer valid", AOL "554 30 Sorry, your message
    // to x@aol.jp cannot be delivered. This mailbox is disabled (554.30)"; iCloud "550 5.1.1
    // <x>: inactive email address".
    ReplyPattern(
      id: "mailbox-disabled", category: .mailboxDisabled,
      phrases: [
        "account that you tried to reach is disabled",
        "account that you tried to reach is inactive", "this mailbox is disabled",
        "mailbox disabled", "account has been disabled", "account is disabled",
        "is no longer valid", "inactive email address", "account closed", "user is inactive",
        "account has been suspended", "account is suspended",
      ],
      commands: addressSteps,
      summary: "The recipient's mailbox is disabled",
      explanation:
        "The address existed but its account has been disabled, suspended or closed, so it does not accept mail.",
      fix: "Remove the address from your list or reach the person another way.",
      retry: .never, transientRetry: .later,
      source: "\(Source.gmail); \(Source.yahoo); \(Source.icloud)"),
    // Postfix "550 5.1.1 <x>: Recipient address rejected: User unknown in local recipient
    // table" (and virtual mailbox/alias/relay recipient tables).
    ReplyPattern(
      id: "postfix-user-unknown", category: .mailboxUnknown,
      phrases: [
        "user unknown in local recipient table", "user unknown in virtual mailbox table",
        "user unknown in virtual alias table", "user unknown in relay recipient table",
      ],
      commands: addressSteps,
      summary: "No such mailbox: the receiving Postfix does not know this address",
      explanation:
        "Postfix looked the address up in its recipient tables and found no mailbox or alias for it. The domain is right, the local part is not.",
      fix: "Check the address for typos; remove it from your list if it is correct as typed.",
      retry: .never, source: Source.postfixCheck),
    // Gmail "550 5.1.1 The email account that you tried to reach does not exist."
    ReplyPattern(
      id: "gmail-no-such-account", category: .mailboxUnknown,
      phrases: ["the email account that you tried to reach does not exist"],
      commands: addressSteps,
      summary: "No such mailbox: Gmail has no account with this address",
      explanation:
        "Gmail (or Google Workspace) has no account or alias for this address. It was never created, was deleted, or is misspelt.",
      fix: "Check the address for typos and spaces; remove it from your list otherwise.",
      retry: .never, source: Source.gmail),
    // Yahoo "554 delivery error: dd This user doesn't have a yahoo.com account (x@yahoo.com)"
    ReplyPattern(
      id: "yahoo-no-such-account", category: .mailboxUnknown,
      phrases: ["this user doesn't have a"],
      commands: addressSteps,
      summary: "No such mailbox: Yahoo has no account with this address",
      explanation:
        "Yahoo (or AOL) says the user ID does not exist. Yahoo says plainly that retrying will never succeed.",
      fix: "Remove the address or correct it.", retry: .never, source: Source.yahooHelp),
    // Exchange Online "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP
    // address lookup", Outlook.com "550 5.5.0 Requested action not taken: mailbox unavailable",
    // Microsoft 365 "550 5.4.1 Recipient address rejected: Access denied".
    ReplyPattern(
      id: "microsoft-recipient-not-found", category: .mailboxUnknown,
      phrases: [
        "recipientnotfound", "recipient not found by smtp address lookup",
        "requested action not taken: mailbox unavailable",

      ],
      classes: [5],
      commands: addressSteps,
      summary: "No such mailbox at Microsoft 365 / Outlook.com",
      explanation:
        "Microsoft's servers found no mailbox for this address in the directory. '5.4.1 Access denied' reads like a block but in practice almost always means the address does not exist.",
      fix:
        "Check the address; remove it if it is no longer valid (people who leave a company lose their address).",
      retry: .never,
      source:
        "\(Source.microsoftNDR); https://www.spamresource.com/2025/02/550-541-it-most-often-means-user-unknown.html"
    ),
    // Microsoft 365 "550 5.4.1 Recipient address rejected: Access denied" means no such
    // mailbox; the same words with 5.7.1 are a Postfix access-map refusal (policy).
    ReplyPattern(
      id: "microsoft-access-denied-541", category: .mailboxUnknown,
      phrases: ["recipient address rejected: access denied"], classes: [5],
      commands: addressSteps, enhancedCodes: ["5.4.1"],
      summary: "No such mailbox at Microsoft 365 (5.4.1 'Access denied')",
      explanation:
        "Exchange Online answers 5.4.1 'Recipient address rejected: Access denied' when the address is not in the recipient organisation's directory. Despite the words, it almost always means the mailbox does not exist.",
      fix:
        "Check the address; remove it if it is no longer valid (people who leave a company lose their address).",
      retry: .never,
      source:
        "https://www.spamresource.com/2025/02/550-541-it-most-often-means-user-unknown.html; https://smtp.codes/exchangeonline"
    ),
    // Exim "550 Unrouteable address" (no router accepted the address).
    ReplyPattern(
      id: "exim-unrouteable-address", category: .mailboxUnknown,
      phrases: ["unrouteable address"],
      commands: addressSteps,
      summary: "The receiving Exim cannot route this address: no such mailbox or domain",
      explanation:
        "None of Exim's routers accepted the address, which means the local part (or the domain) is unknown to that server.",
      fix: "Check the address; if it is a sender verification failure, fix the sender address.",
      retry: .never, source: Source.exim),
    // Sendmail "550 5.1.1 <x>... User unknown"; iCloud "550 5.1.1 <x>: user does not exist";
    // Zoho "550 5.1.1 User does not exist"; Mimecast "550 Invalid Recipient"; Yahoo "552 1
    // Requested mail action aborted, mailbox not found"; qmail "Sorry, no mailbox here by that
    // name. (#5.1.1)".
    ReplyPattern(
      id: "user-unknown", category: .mailboxUnknown,
      phrases: [
        "user unknown", "unknown user", "no such user", "user not found",
        "user does not exist", "mailbox not found", "invalid recipient", "recipient unknown",
        "unknown recipient", "no such mailbox", "no mailbox here by that name",
        "unknown or illegal alias", "recipient no longer on server", "address does not exist",
        "mailbox does not exist", "recipient address rejected: undeliverable address",
      ],
      commands: addressSteps,
      summary: "No such mailbox: the server does not know this recipient",
      explanation:
        "The receiving server says the address has no mailbox there. It was never created, has been deleted, or is misspelt.",
      fix: "Check the address for typos; remove it from your list if it is correct as typed.",
      retry: .never,
      source:
        "\(Source.sendmail); \(Source.icloud); \(Source.zoho); \(Source.mimecast); \(Source.yahoo)"),
    // Postfix "Recipient address rejected: Domain not found" (450 4.1.2 / 550 5.1.2); null MX
    // (RFC 7505): Postfix "556 5.1.10 <x>: Recipient address rejected: Domain example.com does
    // not accept mail (nullMX)"; iCloud "host/domain does not accept mail".
    ReplyPattern(
      id: "domain-accepts-no-mail", category: .hostDoesNotAcceptMail,
      phrases: [
        "recipient address rejected: domain not found", "does not accept mail",
        "nullmx", "null mx",
      ],
      commands: addressSteps,
      summary: "The recipient's domain does not exist or accepts no mail",
      explanation:
        "The domain after the @ either has no DNS records or publishes a null MX (RFC 7505) saying it never receives mail.",
      fix:
        "Check the domain part of the address for typos; if it is right, the address cannot receive mail.",
      retry: .never, transientRetry: .later, source: "\(Source.postfixCheck); RFC 7505 section 3"),
  ]

  static let senders: [ReplyPattern] = [
    // Postfix reject_unknown_sender_domain: "450 4.1.8 <x>: Sender address rejected: Domain not
    // found" (550 5.1.8 when permanent); Sendmail "553 5.1.8 <x>... Domain of sender address x
    // does not exist"; Yahoo "451 Message temporarily deferred due to unresolvable RFC.5321 from
    // domain".
    ReplyPattern(
      id: "sender-domain-not-found", category: .senderRejected,
      phrases: [
        "sender address rejected: domain not found", "domain of sender address",
        "unresolvable rfc.5321",
      ],
      summary: "Sender rejected: your envelope sender's domain does not resolve in DNS",
      explanation:
        "The server checked the domain in MAIL FROM and found no MX or A record for it, so bounces could not be returned. It refuses mail from senders it cannot reply to.",
      fix:
        "Use a MAIL FROM address in a domain that exists in DNS (with MX or A records); check for typos in the sender domain.",
      retry: .afterFix, transientRetry: .later,
      source: "\(Source.postfixCheck); \(Source.sendmail); \(Source.yahoo)"),
    // Postfix "Sender address rejected: ..." (access maps, login mismatch), Exim "Sender verify
    // failed", Exchange "5.1.8 Access denied, bad outbound sender", "5.1.0 Sender denied",
    // Gmail "553 5.1.7 The sender address x is not a valid RFC 5321 address".
    ReplyPattern(
      id: "sender-rejected", category: .senderRejected,
      phrases: [
        "sender address rejected", "sender verify failed", "bad outbound sender",
        "sender denied", "sender rejected", "sender address is not a valid rfc 5321 address",
        "is not a valid rfc 5321 address", "sender not allowed",
      ],
      summary: "Sender rejected: the server refuses your envelope sender address",
      explanation:
        "The refusal is about the MAIL FROM address, not the recipient: it failed verification, is blocked by policy, or is not allowed for your login.",
      fix:
        "Send from a valid, deliverable address in a domain you control (and that your login is allowed to use).",
      retry: .afterFix, transientRetry: .later,
      source: "\(Source.postfixCheck); \(Source.exim); \(Source.microsoftNDR); \(Source.gmail)"),
  ]
}
