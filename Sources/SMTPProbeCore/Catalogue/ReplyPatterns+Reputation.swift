/// Refusals worded by the receiver rather than by its MTA: missing reverse DNS, TLS and login
/// demands, SPF without an enhanced code, IP blocks in the provider's own words.
extension ReplyPatterns {
  /// Reverse DNS (PTR) refusals beyond Postfix's and Gmail's exact sentences.
  static let reverseDNSWordings: [ReplyPattern] = [
    // sisimai RequirePTR and Blocked collect these from real bounces: "all mail servers must
    // have a PTR record with a valid Reverse DNS entry", "IPs with missing PTR records", "no
    // PTR Record found.", "reverse DNS required", "Sender IP reverse lookup rejected", "Access
    // denied. IP name lookup failed", "Fix reverse DNS for 192.0.2.1", "Server access forbidden
    // by invalid RDNS record of your mail server", "unresolvable relay host name"; AOL/Verizon
    // "550 5.7.1 ... (RLY:NRD) Your IP has no reverse DNS"; Microsoft "5.7.25 ... must have a
    // reverse DNS record"; RFC 7372 X.7.25 "Reverse DNS validation failed" (FCrDNS).
    ReplyPattern(
      id: "reverse-dns-missing", category: .rdnsFail,
      phrases: [
        "ptr record", "ptr-record", "ptr resource record", "no ptr", "missing ptr",
        "reverse dns", "reverse-dns", "reverse lookup", "reverse hostname",
        "reverse mapping", "rdns", "fcrdns", "ip name lookup failed", "dns ptr",
        "hostname does not resolve", "host name does not resolve", "cannot resolve your address",
        "unresolvable relay host name", "cannot find your reverse", "could not resolve your",
        "invalid rdns", "rly:nrd", "no reverse", "reverse resolution", "forward-confirmed",
        "your ip has no name", "lookup of your ip",
        "ip address has no hostname", "does not have a hostname",
        "hostname verification failed", "reverse dns lookup", "failure in dns look-up",
        "failure in dns lookup",
      ],
      transientRetry: .afterFix,
      source:
        "sisimai lib/Sisimai/Reason/RequirePTR.pm and Blocked.pm (texts from real bounces); https://postmaster.aol.com/error-codes (RLY:NRD); RFC 7372 section 3.3"
    )
  ]

  /// TLS demanded before mail or login.
  static let tlsDemands: [ReplyPattern] = [
    // Exchange "451 5.7.3 STARTTLS is required to send mail"; Postfix smtpd
    // "530 5.7.0 Must issue a STARTTLS command first" (in access); Exim "530 STARTTLS
    // required"; Gmail "530 5.7.0 Must issue a STARTTLS command first"; Office 365 "550 5.7.10
    // ... TLS required"; Yahoo "530 5.7.1 TLS required"; RFC 3207 section 4 ("530 Must issue
    // a STARTTLS command first").
    ReplyPattern(
      id: "tls-required", category: .tlsRequired,
      phrases: [
        "starttls is required", "starttls required", "tls required", "tls is required",
        "requires tls", "require tls", "requires starttls", "must use starttls",
        "please use starttls", "use starttls", "encryption required", "encryption is required",
        "requires encryption", "tls needed", "secure connection required",
        "ssl/tls required", "must issue a starttls", "tls connection required",
        "not over tls", "unencrypted connection", "plaintext authentication disallowed",
        "encryption needed",
      ],
      summary: "The server requires TLS: send STARTTLS before this command",
      explanation:
        "The server only accepts this command (mail, or a login) over an encrypted connection, and the session was still in plain text (RFC 3207).",
      fix:
        "Issue STARTTLS after EHLO (smtpprobe: --tls auto or --tls require), then EHLO again and retry; for submission, use port 587 with STARTTLS or 465 with implicit TLS.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "\(Source.microsoftNDR) (5.7.3); \(Source.postfixSmtpd); \(Source.exim); \(Source.gmail); RFC 3207 section 4"
    )
  ]

  /// Clients that must log in first: submission servers refusing unauthenticated senders.
  static let loginDemands: [ReplyPattern] = [
    // Yahoo "530 5.7.1 Authentication required"; Exchange "530 5.7.57 Client not authenticated";
    // cPanel/Exim "550 Please turn on SMTP Authentication in your mail client"; Zoho "553
    // Relaying disallowed. Invalid Domain" / "530 Must be authenticated"; GMX "530 Access
    // denied: authentication required"; Postfix "554 5.7.1 <x>: Sender address rejected: not
    // owned by user"; sisimai Rejected ("mail from not owned by user").
    ReplyPattern(
      id: "smtp-auth-needed", category: .authRequired,
      phrases: [
        "turn on smtp authentication", "smtp authentication is required",
        "must issue an auth command first",
        "must be authenticated", "must authenticate", "authentication is needed",
        "please authenticate", "authenticate first", "not authenticated", "requires authentication",
        "need to authenticate",
        "login required", "log in first", "smtp auth required", "auth first",
        "unauthenticated relay", "authentication required",
      ],
      commands: [.greeting, .ehlo, .helo, .mail, .rcpt, .data, .endOfData, .bdat, .vrfy, .expn],
      transientRetry: .afterFix,
      source:
        "\(Source.yahoo); \(Source.microsoftNDR); cPanel Exim ACL (\"Please turn on SMTP Authentication in your mail client\"); \(Source.zoho); \(Source.gmx)"
    ),
    // The same words after AUTH mean the login itself failed.
    ReplyPattern(
      id: "login-refused", category: .authFailed,
      phrases: [
        "invalid credentials", "bad credentials", "wrong password", "invalid password",
        "incorrect password", "password incorrect", "bad username or password",
        "invalid username or password", "login failed", "authentication failure",
        "auth failed", "login denied", "account disabled", "account is locked",
        "authentication mechanism is too weak", "smtp auth is disabled",
        "smtpclientauthentication is disabled", "basic authentication is disabled",
      ],
      commands: [.auth],
      transientRetry: .later,
      source:
        "\(Source.microsoftNDR) (5.7.139 SmtpClientAuthentication is disabled); \(Source.gmail); Dovecot SASL replies; RFC 4954 section 6"
    ),
  ]

  /// SPF failures said without an X.7.x code or a provider's exact sentence.
  static let spfWordings: [ReplyPattern] = [
    // "550 5.7.1 SPF: 192.0.2.1 is not allowed to send mail from example.org" (spf-engine,
    // sisimai Blocked); Gmail "... domain of x does not designate 192.0.2.1 as permitted
    // sender"; Exim "Rejected by SPF: 192.0.2.1 is not an authorised sender"; pypolicyd-spf
    // "Message rejected due to: SPF fail - not authorized"; "SPF check: fail".
    ReplyPattern(
      id: "spf-refusal", category: .spfFail,
      phrases: [
        "does not designate", "not designated", "not a permitted sender",
        "not permitted sender", "permitted mail exchanger", "not authorized to send",
        "not an authorised sender",
        "not an authorized sender", "not allowed to send mail from", "rejected by spf",
        "spf:", "spf check", "spf fail", "spf=fail", "spf policy", "spf record", "spf (",
        "(spf", "spf-", "spf hard", "spf softfail", "spf validation", "sender policy framework",
        "failed spf", "spf authentication", "per it's spf record", "inspect your spf",
        "by spf",
      ],
      isGeneric: true,
      transientRetry: .afterFix,
      source:
        "sisimai lib/Sisimai/Reason/Blocked.pm and AuthFailure.pm; \(Source.gmail); \(Source.exim) (SPF ACL examples); pypolicyd-spf (policyd-spf.py)"
    )
  ]

  /// Sender addresses or domains the receiver refuses by list or by DNS.
  static let senderRefusals: [ReplyPattern] = [
    // Postfix reject_unknown_sender_domain; Exim "unrouteable sender address"/"Sender verify
    // failed"; sisimai Rejected ("sender domain must exist", "unroutable sender address",
    // "domain of sender address", "mailfrom domain is listed in spamhaus", "sender domain
    // listed at", "your email address has been blacklisted" (MessageLabs), "invalid sender",
    // "empty envelope senders not allowed", "null sender is not allowed"); Sendmail "553 5.1.8
    // ... Domain of sender address x does not exist"; French "emetteur invalide"; GoDaddy "550 x Blank From: addresses are
    // not allowed. Provide a valid From. IB501" (https://www.godaddy.com/help/email-error-codes-40685).
    ReplyPattern(
      id: "sender-refused", category: .senderRejected,
      phrases: [
        "sender domain must exist", "sender domain must resolve", "unroutable sender",
        "unrouteable sender", "sender address does not exist", "invalid sender",
        "sender is blacklisted", "sender address is blacklisted", "sender is blocklisted",
        "your email address has been blacklisted", "mailfrom domain is listed",
        "sender domain listed at", "sender domain is empty", "empty envelope senders",
        "null sender is not allowed", "sender not pre-approved", "sender is spammer",
        "mail from not owned by user", "not owned by user", "emetteur invalide",
        "émetteur invalide", "sender domain does not exist", "sender domain not found",
        "from domain does not exist", "bad sender", "badsendermx",
        "sender verification failed",
        "can't verify sender", "cannot verify sender", "returned mail not accepted here",
        "badmailfrom", "envelope sender is in my",
        "fully qualified email address required", "provide a valid from",
        "from: addresses are not allowed", "not allowed as a from", "from: domain is invalid",
      ],
      commands: [.mail, .rcpt, .data, .endOfData, .bdat],
      transientRetry: .later,
      source:
        "\(Source.postfixCheck); \(Source.exim); \(Source.sendmail); sisimai lib/Sisimai/Reason/Rejected.pm"
    )
  ]

  /// IP blocks in the receiver's own words (not a named DNSBL).
  static let ipBlockWordings: [ReplyPattern] = [
    // EarthLink "IP 192.0.2.1 is blocked by EarthLink"; "Access from ip address 192.0.2.1
    // blocked"; "blacklisted by"; "Connections not accepted from IP addresses on Spamhaus
    // XBL"; "Server IP 192.0.2.1 listed as abusive"; "Too many spams from your IP" (free.fr);
    // "IP/domain reputation problems"; Microsoft "Not currently accepting mail from your ip";
    // "your network is temporary blacklisted"; AOL/Verizon "(RTR:BB)"; Proofpoint
    // "Blocked - see https://ipcheck.proofpoint.com"; "poor reputation" (Microsoft 5.7.511,
    // Mimecast, SendGrid docs).
    ReplyPattern(
      id: "ip-blocked-wording", category: .blocklistedIP,
      phrases: [
        "is blocked by", "blacklisted by", "blocklisted by", "ip blocked", "ip is blocked",
        "ip address is blocked", "ip has been blocked", "ip address has been blocked",
        "from ip address", "your ip", "listed as abusive", "on our blacklist",
        "on our blocklist", "on our block list", "blacklisted", "blocklisted", "listed at",
        "listed on", "listed in", "poor reputation", "bad reputation", "low reputation",
        "reputation of your ip", "ip reputation", "ip/domain reputation", "sender reputation",
        "too many spams from your ip", "not currently accepting mail from your ip",
        "network is temporary blacklisted", "blocked - see http", "refused - see http",
        "ipcheck.proofpoint.com", "rtr:bb", "dnsbl", "in an rbl", "rbl listed", "spam source",
        "spamsource", "known spammer", "suspiciously like spammer", "you are sending spam",
        "currently sending spam", "bad sender ip", "sender ip address rejected",
        "refused by rbl", "mail-abuse.org",
        "not allowed to connect", "banned sending ip", "dynamic/zombied",
      ],
      isGeneric: true,
      transientRetry: .later,
      source:
        "sisimai lib/Sisimai/Reason/Blocked.pm (texts from real bounces); https://postmaster.aol.com/error-codes; \(Source.proofpoint); \(Source.microsoftNDR)"
    )
  ]

  /// Disabled, frozen, locked or closed mailboxes in words the mailbox table misses.
  static let disabledWordings: [ReplyPattern] = [
    // sisimai Suspend: "invalid/inactive user", "is a deactivated mailbox", "mailbox currently
    // suspended", "user suspended" (163.com), "recipient suspend the service", "account has
    // been disabled or discontinued", "vdelivermail: account is locked email bounced"; Yahoo
    // "This account has been disabled or discontinued"; Outlook.com "mailbox has been
    // frozen"/"5.2.1 mailbox disabled"; qmail-ldap "mailbox is no longer on server"; Exim
    // "account is frozen"; La Poste "550 5.5.0 Le compte du destinataire est bloque. The
    // recipient account isblocked. LPN007_426".
    ReplyPattern(
      id: "mailbox-inactive", category: .mailboxDisabled,
      phrases: [
        "invalid/inactive user", "inactive user", "inactive mailbox", "inactive account",
        "account inactive", "deactivated mailbox", "deactivated account",
        "account deactivated", "mailbox currently suspended", "mailbox suspended",
        "account suspended", "user suspended", "suspend the service",
        "disabled or discontinued", "account is locked", "mailbox is locked", "account locked",
        "mailbox locked", "is frozen", "been frozen", "account frozen", "mailbox frozen",
        "no longer on server", "no longer on this server", "no longer active",
        "no longer in use", "mailbox is inactive",
        "account has expired", "account expired", "account is not active",
        "mailbox has been disabled", "user account disabled", "account disabled",
        "disabled mailbox", "mailbox is disabled", "account is disabled",
        "recipient account is blocked", "recipient account isblocked",
        "address rejected: inactive",
        "compte du destinataire est bloque", "compte du destinataire est bloqué",
        "has been deactivated", "user is deactivated", "expired account",
        "mailbox has been closed", "account has been closed", "recipient is inactive",
        "discontinued",
      ],
      commands: addressSteps, transientRetry: .later,
      source:
        "sisimai lib/Sisimai/Reason/Suspend.pm (texts from real bounces); \(Source.yahoo); \(Source.microsoftNDR); qmail-ldap qmail-lspawn.c"
    )
  ]
}
