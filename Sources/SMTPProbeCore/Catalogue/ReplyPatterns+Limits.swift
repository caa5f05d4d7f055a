/// Sending limits and providers' own block sentences that must win over broader words in the
/// same reply, and the bare word "spam" as a last resort.
extension ReplyPatterns {
  /// Limits on logins and on messages per hour or session, said in words.
  static let sendingLimits: [ReplyPattern] = [
    // Gmail "454 4.7.0 Too many login attempts, please try again later"; Dovecot/Exim
    // "too many authentication failures"; GoDaddy "550 This IP has sent too many messages this
    // hour. IB504", "550 This message has exceeded the max number of messages per session.
    // IB510"; Gmail "421 4.7.0 Try again later, closing connection." (a DoS limit at HELO);
    // Spectrum "550 5.1.0 <x> sender rejected ... AUP#In-1310" (sending too fast, per sisimai
    // lib/Sisimai/Rhost/Spectrum.pm); NetEase "451 Requested mail action not taken: too much
    // fail authentication"; Yahoo "421 4.7.0 [GL01] Message from (192.0.2.1) temporarily
    // deferred"; "450 too frequent connects from 192.0.2.1"; "452 Too many recipients received
    // this hour".
    ReplyPattern(
      id: "sending-limits", category: .rateLimited,
      phrases: [
        "too many login attempts", "too many authentication attempts",
        "too many failed login", "too many authentication failures", "too many auth",
        "too many messages this hour", "sent too many messages", "messages per session",
        "max number of messages", "maximum number of messages",
        "try again later, closing connection", "messages per hour", "messages per day",
        "daily sending quota", "hourly limit", "daily limit", "aup#in-1310",
        "too much fail authentication", "[gl01]", "too frequent", "too many connects",
        "recipients received this hour", "too much email", "too many messages sent",
        "number of sessions exceeds", "messages per second", "daily message limit",
        "message limit exceeded", "submission rate", "queue quota exceeded",
        "limit for the number of messages",
      ],
      retry: .later,
      source:
        "\(Source.gmail); https://www.godaddy.com/help/email-error-codes-40685 (IB504, IB510); Dovecot auth penalty replies"
    )
  ]

  /// Providers' own IP block sentences that must win over mailbox words in the same reply.
  static let providerIPBlocks: [ReplyPattern] = [
    // GoDaddy "554 This IP has been temporarily blocked for attempting to send too many
    // messages containing content judged to be spam by the Internet community. IB110", "554
    // This IP has been blocked for the day, for attempting to mail too many invalid recipients.
    // IB113", "554 RBL Reject."; Orange "550 mwinf5c04 ME Adresse IP source bloquee pour
    // incident de spam. Client host blocked for spamming issues. OFR006_102"; Mimecast "554
    // Host network not allowed"; Coremail "550 black ip.", "554 rbl deny."; AOL "421 4.7.1 :
    // (DYN:T1) http://postmaster.info.aol.com/errors/421dynt1.html" (a dynamic IP range).
    ReplyPattern(
      id: "provider-ip-blocked", category: .blocklistedIP,
      phrases: [
        "this ip has been blocked", "this ip has been temporarily blocked",
        "ip has been temporarily blocked", "ip has been blocked for", "rbl reject",
        "client host blocked", "adresse ip source bloquee", "adresse ip source bloquée",
        "ip source bloquee", "ip source bloquée", "ip temporarily blocked",
        "your ip address has been blocked", "your ip has been blocked",
        "host network not allowed", "black ip", "rbl deny", "dyn:t1", "dyn:t2", "<> is blocked",
        "<> blocked by", "rbls", "on one or more rbl", "use the smtp server of your isp",
      ],
      transientRetry: .later,
      source:
        "https://www.godaddy.com/help/email-error-codes-40685 (IB110, IB113, RBL Reject); \(LanguageSource.orange) (OFR006)"
    )
  ]

  /// The bare word "spam" in a refusal: broad, so any specific phrase or enhanced code wins.
  static let genericSpam: [ReplyPattern] = [
    // "552 ... judged to be spam" (GoDaddy IB212), "550 spam", "554 5.7.1 Spam message
    // rejected", Exchange EOP "Message rejected as spam by Content Filtering", "Spam score too
    // high": the word itself names the reason whatever else the reply says.
    ReplyPattern(
      id: "spam-word", category: .policySpamContent,
      phrases: ["spam"], isGeneric: true,
      source:
        "https://www.godaddy.com/help/email-error-codes-40685 (IB212); \(Source.microsoftNDR); sisimai lib/Sisimai/Reason/SpamDetected.pm"
    )
  ]

  /// Options a STARTTLS may not carry.
  static let commandSyntax: [ReplyPattern] = [
    // Gmail "501 5.7.11 Syntax error (no parameters allowed)" to "STARTTLS x" (RFC 3207
    // section 4: STARTTLS takes no parameters); Postfix "501 5.5.4 Syntax: STARTTLS".
    ReplyPattern(
      id: "no-parameters-allowed", category: .syntaxError,
      phrases: ["no parameters allowed", "syntax: starttls"],
      summary: "The command carried parameters it does not take",
      explanation:
        "STARTTLS (RFC 3207 section 4) and a few other commands take no arguments; the server refused the command line as written.",
      fix: "Send the bare command (STARTTLS with nothing after it).",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.gmail); \(Source.postfixSmtpd)")
  ]

  /// Coremail's short replies and Postfix's and Exim's sequence and syntax sentences.
  static let shortReplies: [ReplyPattern] = [
    // Postfix smtpd.c "503 5.5.1 Error: need MAIL command", "554 5.5.1 Error: no valid
    // recipients"; Exim "503 sender not yet given"; Coremail "501 please say HELO/EHLO first",
    // "502 please say MAIL first".
    ReplyPattern(
      id: "command-out-of-order", category: .badSequence,
      phrases: [
        "say helo", "helo/ehlo first", "send helo first", "send ehlo first", "say mail first",
        "no valid recipients", "no recipient specified",
        "sender not yet given", "mail first", "rcpt first", "need mail before rcpt",
      ],
      source: "\(Source.postfixSmtpd); \(Source.exim); \(LanguageSource.coremail)"),
    // Postfix smtpd_check.c reject_non_fqdn_sender/recipient: "504 5.5.2 <alice>: Sender
    // address rejected: need fully-qualified address".
    ReplyPattern(
      id: "need-fully-qualified-address", category: .addressSyntax,
      phrases: ["need fully-qualified address", "need fully qualified address"],
      source: Source.postfixCheck),
    // Coremail "450 out of memory.", "450 queue unavailable."
    ReplyPattern(
      id: "receiver-resources", category: .localError,
      phrases: ["out of memory", "queue unavailable", "queue file write error"],
      source: "\(LanguageSource.coremail); \(Source.postfixSmtpd)"),
    // Coremail "451 out of allow RCPT numbers."
    ReplyPattern(
      id: "recipient-count", category: .tooManyRecipients,
      phrases: ["allow rcpt numbers", "rcpt numbers"], source: LanguageSource.coremail),
    // Coremail "556 remote ip check error." (its SPF check of the sending IP).
    ReplyPattern(
      id: "remote-ip-check", category: .spfFail,
      phrases: ["remote ip check error"], source: LanguageSource.coremail),
    // Coremail "554 attachment is too long."; IceWarp "501 5.7.1 Message is too long".
    ReplyPattern(
      id: "attachment-too-large", category: .messageTooLarge,
      phrases: [
        "attachment is too long", "attachment too large", "attachment is too large",
        "message is too long", "message too long",
      ],
      source: LanguageSource.coremail),
    // qmail-smtpd "421 unable to read controls (#4.3.0)": its configuration is unreadable.
    ReplyPattern(
      id: "qmail-controls", category: .localError,
      phrases: ["unable to read controls"], source: "qmail qmail-smtpd.c (die_control)"),
    // "550 Invalid syntax. Syntax should be MAIL FROM:<userdomain>[crlf]" (hMailServer), "501
    // Syntax error in parameters or arguments" (RFC 5321 section 4.2.2's own text), "500 Line
    // to long." (a misspelling some servers really send); Yahoo "554 Message not allowed -
    // Headers are not RFC compliant[291]"; "554 5.7.0 Header error".
    ReplyPattern(
      id: "command-syntax", category: .syntaxError,
      phrases: [
        "invalid syntax", "syntax should be", "syntax error in parameters", "line to long",
        "not rfc compliant", "header error",
      ],
      source: "hMailServer SMTPConnection.cpp; \(Source.rfc5321)"),
    // "550 The address is not valid.", "550 A valid address is required." (hMailServer);
    // IceWarp "501 5.5.2 Domain name required".
    ReplyPattern(
      id: "address-not-valid", category: .addressSyntax,
      phrases: ["address is not valid", "a valid address is required", "domain name required"],
      source: "hMailServer SMTPConnection.cpp"),
    // hMailServer "550 Delivery is not allowed to this address." (a relay the server refuses);
    // Haraka "550 I cannot deliver mail for <x>" (rcpt_to.in_host_list); Domino "554 Relay
    // rejected for policy reasons"; Zoho "553 Relaying disallowed"; MessageLabs "553 you are
    // trying to use me [x] as a relay"; Mailgun sandbox "add the address to authorized
    // recipients".
    ReplyPattern(
      id: "delivery-not-allowed", category: .relayDenied,
      phrases: [
        "delivery is not allowed to this address", "i cannot deliver mail for",
        "relay rejected", "relaying disallowed", "as a relay", "authorized recipients",
      ],
      source: "hMailServer SMTPConnection.cpp"),
    // hMailServer "550 Login credentials no longer valid. Please re-authenticate."
    ReplyPattern(
      id: "credentials-expired", category: .authFailed,
      phrases: [
        "login credentials no longer valid", "please re-authenticate",
        "username and password not accepted",
      ],
      source: "hMailServer SMTPConnection.cpp; \(Source.gmail) (535 5.7.8)"),
    // Coremail "551 auth error." and "451 auth error." after AUTH.
    ReplyPattern(
      id: "auth-error", category: .authFailed,
      phrases: ["auth error", "authentication error"], commands: [.auth],
      source: LanguageSource.coremail),
    // Coremail "552 mail from invalid.", "553 host denies the sender.", "554 Black mail address."
    ReplyPattern(
      id: "sender-denied-short", category: .senderRejected,
      phrases: ["mail from invalid", "denies the sender", "sender invalid", "black mail address"],
      source: LanguageSource.coremail),
    // Coremail "553 host denies relay."
    ReplyPattern(
      id: "relay-denied-short", category: .relayDenied,
      phrases: ["denies relay", "relay denied"], source: LanguageSource.coremail),
    // Coremail "553 relay check local fail.": a sender in a local domain that did not log in.
    ReplyPattern(
      id: "local-sender-not-logged-in", category: .authRequired,
      phrases: ["relay check local fail"], source: LanguageSource.coremail),
    // Coremail "552 looping message."
    ReplyPattern(
      id: "looping-message", category: .mailLoop,
      phrases: ["looping message", "message looping", "looping"],
      source: LanguageSource.coremail),
    // Coremail "550 user is locked."
    ReplyPattern(
      id: "user-locked", category: .mailboxDisabled,
      phrases: ["user is locked", "user locked"], commands: addressSteps,
      source: LanguageSource.coremail),
    // Coremail "451 stray newline" (a bare LF in the message, RFC 5321 section 2.3.8).
    ReplyPattern(
      id: "stray-newline", category: .syntaxError,
      phrases: ["stray newline"], transientRetry: .afterFix,
      source: LanguageSource.coremail),
  ]

  /// Commands the server does not know or has not enabled; after the service table so its
  /// "too many unrecognized commands" is read first.
  static let commandRecognition: [ReplyPattern] = [
    // Postfix smtpd.c "500 5.5.2 Error: command not recognized", "503 5.5.1 Error:
    // authentication not enabled"; Sendmail "500 5.5.1 Command unrecognized"; Exim "500
    // unrecognized command"; RFC 5321 section 4.2.2 "502 Command not implemented".
    ReplyPattern(
      id: "command-not-recognized", category: .commandUnrecognized,
      phrases: [
        "command not recognized", "command unrecognized", "unrecognized command",
        "unrecognised command", "command not implemented", "unknown command",
        "authentication not enabled", "auth not available", "authentication not available",
        "not implemented", "command not supported",
      ],
      // After EHLO the context rule says more: fall back to HELO (RFC 5321 section 4.1.4).
      commands: [
        .greeting, .startTLS, .auth, .mail, .rcpt, .data, .endOfData, .bdat, .rset, .vrfy,
        .expn, .help, .noop, .quit,
      ],
      source: "\(Source.postfixSmtpd); \(Source.sendmail); \(Source.exim); \(Source.rfc5321)")
  ]

  /// Policy words too broad to outrank a specific enhanced code, and domain blocklists.
  static let broadPolicy: [ReplyPattern] = [
    // "policy violation" alone (Forpsi "550 5.1.0 <x> policy violation, see
    // https://support.forpsi.com/kb/a4081"; "421 Reject due to policy violations").
    ReplyPattern(
      id: "policy-violation", category: .policySpamContent,
      phrases: ["policy violation"], isGeneric: true,
      source: "https://support.forpsi.com/kb/a4081; \(Source.yahoo)")
  ]

  /// Domain blocklists (Spamhaus DBL, SURBL, URIBL) list domains in the message, not the
  /// sending IP: a content verdict.
  static let domainBlocklists: [ReplyPattern] = [
    // Gmail "421 4.7.0 ... suspicious due to the very low reputation of the sending domain":
    // the domain's reputation, a content-side verdict, not the IP's.
    ReplyPattern(
      id: "domain-reputation", category: .policySpamContent,
      phrases: ["reputation of the sending domain", "domain reputation", "spoofed"],
      source: "\(Source.gmail); Barracuda \"550 rejecting spoofed message\""),
    // "550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL
    // -- see https://www.spamhaus.org/dbl/"; "blocked by uribl.com", "listed in multi.surbl.org".
    ReplyPattern(
      id: "domain-blocklist", category: .policySpamContent,
      phrases: ["spamhaus dbl", "spamhaus.org/dbl", "dbl.spamhaus", "uribl", "surbl"],
      summary: "A domain in your message (a link or the sender's domain) is on a domain blocklist",
      explanation:
        "Domain blocklists such as the Spamhaus DBL, SURBL and URIBL list domains seen in spam. The receiver found one in this message's links or headers; it is about the content, not your sending IP.",
      fix:
        "Find which domain is listed (check the links, the From and Return-Path domains and any URL shortener), remove it or get it delisted, then resend.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "https://www.spamhaus.org/dbl/; https://www.surbl.org; https://uribl.com"),
  ]
}
