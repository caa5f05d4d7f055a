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
    // "452 4.5.3 Your message has too many recipients", "451 4.3.0 Multiple destination domains
    // per transaction is unsupported"; Mimecast "452 Too many recipients".
    ReplyPattern(
      id: "too-many-recipients", category: .tooManyRecipients,
      phrases: [
        "too many recipients", "domain policy size per transaction exceeded",
        "multiple destination domains per transaction is unsupported",
      ],
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
        "quota violation",
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
    // <x>: inactive email address"; Mail.ru "550 Message was not accepted -- invalid mailbox.
    // Local mailbox x is unavailable: account is disabled" (or "user is terminated").
    ReplyPattern(
      id: "mailbox-disabled", category: .mailboxDisabled,
      phrases: [
        "account that you tried to reach is disabled",
        "account that you tried to reach is inactive", "this mailbox is disabled",
        "mailbox disabled", "account has been disabled", "account is disabled",
        "is no longer valid", "inactive email address", "account closed", "user is inactive",
        "account has been suspended", "account is suspended", "user is terminated",
      ],
      commands: addressSteps,
      summary: "The recipient's mailbox is disabled",
      explanation:
        "The address existed but its account has been disabled, suspended or closed, so it does not accept mail.",
      fix: "Remove the address from your list or reach the person another way.",
      retry: .never, transientRetry: .later,
      source:
        "\(Source.gmail); \(Source.yahoo); \(Source.icloud); sisimai (Mail.ru replies in its test set)"
    ),
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
        "unknown or illegal alias", "address does not exist",
        "mailbox does not exist", "recipient address rejected: undeliverable address",
        "recipient not found", "address not found", "does not match anything",
        "user not exist", "unavailable mail user", "email account does not exist",
        "account does not exist", "does no exist", "addressee unknown", "marked as invalid",
        "cuda_nsu", "invalid-recipient", "not in recipient list",
      ],
      commands: addressSteps,
      summary: "No such mailbox: the server does not know this recipient",
      explanation:
        "The receiving server says the address has no mailbox there. It was never created, has been deleted, or is misspelt.",
      fix: "Check the address for typos; remove it from your list if it is correct as typed.",
      retry: .never,
      source:
        "\(Source.sendmail); \(Source.icloud); \(Source.zoho); \(Source.mimecast); \(Source.yahoo)"),
    // Null MX (RFC 7505): Postfix "556 5.1.10 <x>: Recipient address rejected: Domain example.com does
    // not accept mail (nullMX)"; iCloud "host/domain does not accept mail".
    ReplyPattern(
      id: "domain-accepts-no-mail", category: .hostDoesNotAcceptMail,
      phrases: [
        "does not accept mail", "nullmx", "null mx",
      ],
      commands: addressSteps,
      summary: "The recipient's domain accepts no mail",
      explanation:
        "The domain after the @ publishes a null MX (RFC 7505), or its server says it never receives mail.",
      fix:
        "Check the domain part of the address for typos; if it is right, the address cannot receive mail.",
      retry: .never, transientRetry: .later, source: "\(Source.postfixCheck); RFC 7505 section 3"),
    // The broad words behind many refusals ("550 mailbox unavailable", "550 No mailbox",
    // "Invalid mailbox"): RFC 5321 section 4.2.2 uses "mailbox unavailable" for 550, and
    // servers send it for policy refusals too, so a specific enhanced code outranks it.
    ReplyPattern(
      id: "mailbox-unavailable", category: .mailboxUnknown,
      phrases: [
        "no mailbox", "invalid mailbox", "mailbox unavailable", "mailbox is unavailable",
        "invalid address",
      ],
      classes: [5], commands: addressSteps, isGeneric: true,
      summary: "No such mailbox: the server does not know this recipient",
      explanation:
        "The receiving server says the address has no mailbox there. It was never created, has been deleted, or is misspelt.",
      fix: "Check the address for typos; remove it from your list if it is correct as typed.",
      retry: .never, source: "\(Source.rfc5321); \(Source.sendmail); \(Source.mimecast)"),
  ]

  static let senders: [ReplyPattern] = [
    // Gmail "553 5.1.7 The sender address <x> is not a valid RFC 5321 address." and "553 5.1.3
    // The recipient address <x> is not a valid RFC 5321 address.": the same words for either
    // side, so the command (MAIL or RCPT) says whose address it is.
    ReplyPattern(
      id: "invalid-rfc5321-address", category: .addressSyntax,
      phrases: ["is not a valid rfc 5321 address", "is not a valid rfc-5321 address"],
      summary: "The address is not a valid RFC 5321 address as written",
      explanation:
        "The server could not parse the mailbox: a missing domain, a bad character, unbalanced angle brackets or quotes (RFC 5321 section 4.1.2).",
      fix: "Write the address as local-part@domain inside angle brackets, with no spaces.",
      retry: .afterFix, transientRetry: .afterFix, source: Source.gmail),
    // Mimecast "550 Envelope blocked - User Entry", "Administrative prohibition - envelope
    // blocked", "Rejected by header based Blocked Senders", "Envelope rejected due to policy
    // level block list in force": a Blocked Senders policy of the recipient, its admin or
    // Mimecast names the sender address or domain.
    ReplyPattern(
      id: "mimecast-blocked-sender", category: .senderRejected,
      phrases: ["envelope blocked", "blocked senders", "policy level block list"],
      summary: "The recipient's Mimecast blocks your sender address or domain",
      explanation:
        "A Blocked Senders entry, set by the recipient, their administrator or Mimecast, matches your envelope or header sender. It is a list of addresses, not an IP reputation block.",
      fix:
        "Ask the recipient to remove the entry (a 'User Entry' is their own), or send from an address they have not blocked.",
      retry: .afterFix,
      source:
        "\(Source.mimecast); https://wordtothewise.com/2018/07/who-are-mimecast (sample rejections)"
    ),
    // Sending services refuse a sender they have not verified: Amazon SES "554 Message
    // rejected: Email address is not verified. The following identities failed the check in
    // region ..."; SparkPost "550 5.7.1 Unconfigured Sending Domain"; SendGrid "550 The from
    // address does not match a verified Sender Identity"; Exchange Online "550 5.7.750 Service
    // unavailable. Client blocked from sending from unregistered domains".
    ReplyPattern(
      id: "unverified-sending-identity", category: .senderRejected,
      phrases: [
        "email address is not verified", "identities failed the check",
        "unconfigured sending domain", "does not match a verified sender identity",
        "sending from unregistered domains",
      ],
      summary: "Your sending service refuses a sender address or domain it has not verified",
      explanation:
        "Submission services only send from identities you proved you own (a verified address or domain in the account or tenant). The From or envelope sender is not one of them; an Amazon SES account in its sandbox also requires each recipient to be verified.",
      fix:
        "Verify the sender domain or address in the service's console (in the same region or tenant you send through), or send from one that is verified.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "https://repost.aws/knowledge-center/ses-554-400-message-rejected-error; https://support.sparkpost.com/docs/user-guide/unconfigured-sending-domain; https://www.twilio.com/docs/sendgrid/for-developers/sending-email/sender-identity; \(Source.microsoftNDR)"
    ),
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
    // Apache infra "550 Domain Blocked - Spam. Contact abuse@infra.apache.org": the sender's
    // domain is on the receiver's own block list.
    ReplyPattern(
      id: "sender-domain-blocked", category: .senderRejected,
      phrases: ["domain blocked - spam", "your domain is blocked", "sender domain blocked"],
      summary: "Sender rejected: the receiver blocks your sender's domain for spam",
      explanation:
        "The receiver keeps its own list of domains it refuses mail from, and the domain of your envelope or header sender is on it. It concerns the domain, not your IP or the recipient.",
      fix:
        "Write to the contact address in the reply to have the domain removed, after stopping whatever spam was sent in its name (check SPF, DKIM and DMARC so nobody can forge it).",
      retry: .afterFix, transientRetry: .later,
      source: "Apache Software Foundation mail relay (infra.apache.org) reply, as reported by QA"),
    // Postfix "Sender address rejected: ..." (access maps, login mismatch), Exim "Sender verify
    // failed", Exchange "5.1.8 Access denied, bad outbound sender", "5.1.0 Sender denied".
    ReplyPattern(
      id: "sender-rejected", category: .senderRejected,
      phrases: [
        "sender address rejected", "sender verify failed", "bad outbound sender",
        "sender denied", "sender rejected", "sender not allowed",
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
