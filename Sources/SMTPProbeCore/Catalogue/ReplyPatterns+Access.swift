/// Who may talk to the server at all: TLS, authentication, relaying, greylisting, reverse DNS
/// and the HELO name.
extension ReplyPatterns {
  static let access: [ReplyPattern] = [
    // Postfix smtpd.c with smtpd_tls_security_level=encrypt: "530 5.7.0 Must issue a STARTTLS
    // command first"; Gmail uses the same sentence (support.google.com/a/answer/3726730).
    ReplyPattern(
      id: "starttls-required", category: .tlsRequired,
      phrases: ["must issue a starttls command first", "tls required for rcpt domain"],
      summary: "The server requires TLS: send STARTTLS before this command",
      explanation:
        "The server only accepts this command over an encrypted connection. The session is still in plain text, so the server refused it.",
      fix:
        "Issue STARTTLS after EHLO (smtpprobe: --tls auto or --tls require), then EHLO again and retry.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.postfixSmtpd); \(Source.gmail)"),
    // Gmail 421 4.7.29 / 550 5.7.29 "... Gmail requires all bulk email senders to use TLS/SSL
    // for SMTP connections."; Mimecast 553 "This route requires encryption (TLS)".
    ReplyPattern(
      id: "tls-required-policy", category: .tlsRequired,
      phrases: [
        "senders to use tls/ssl for smtp", "this route requires encryption (tls)",
        "this route requires tls version 1.2",
      ],
      summary: "The receiver's policy requires mail to arrive over TLS",
      explanation:
        "The receiving system will not take this message over an unencrypted (or too weakly encrypted) connection. Its policy demands TLS for this route.",
      fix:
        "Enable STARTTLS with TLS 1.2 or later on the sending server and make sure nothing on the path strips it.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.gmailSenders); \(Source.mimecast)"),
    // Relaying: Postfix "Relay access denied" (smtpd_check.c reject_unauth_destination),
    // Sendmail "<x>... Relaying denied", Exim "relay not permitted", Exchange "5.7.1 Unable to
    // relay", Gmail Workspace "Mail relay denied", Yahoo "relaying denied for", Mimecast "Open
    // relay not allowed", qmail "sorry, that domain isn't in my list of allowed rcpthosts",
    // KumoMTA and others "550 5.7.1 relaying not permitted".
    ReplyPattern(
      id: "relay-denied", category: .relayDenied,
      phrases: [
        "relay access denied", "relaying denied", "relay not permitted", "unable to relay",
        "mail relay denied", "open relay not allowed", "relaying not allowed",
        "isn't in my list of allowed rcpthosts", "relay prohibited",
        "invalid credentials for relay", "relaying not permitted",
      ],
      summary: "Relay denied: this server will not pass mail on to that recipient's domain",
      explanation:
        "The server is not a destination for the recipient's domain and does not know you as a client allowed to relay. Either you are talking to the wrong server, or you must log in first.",
      fix:
        "Send to the recipient domain's own MX host, or authenticate (AUTH) to your submission server on port 587 before sending.",
      retry: .afterFix,
      source:
        "\(Source.postfixCheck); \(Source.sendmail); \(Source.exim); \(Source.microsoftNDR); KumoMTA kumod smtp_server.rs"
    ),
    // Exchange Online 530 5.7.57 "Client not authenticated to send mail" and Exchange's
    // "530 5.7.1 Client was not authenticated".
    ReplyPattern(
      id: "microsoft-client-not-authenticated", category: .authRequired,
      phrases: ["client not authenticated to send", "client was not authenticated"],
      summary: "Microsoft 365 requires you to log in (AUTH) before sending",
      explanation:
        "Exchange Online's submission service (smtp.office365.com) only accepts mail from authenticated clients. The session did not authenticate, or SMTP AUTH is disabled for the mailbox or tenant.",
      fix:
        "Authenticate with the mailbox's credentials over STARTTLS on port 587, and check that SMTP AUTH is enabled for the tenant and the mailbox.",
      retry: .afterFix, transientRetry: .afterFix,
      source: Source.microsoftNDR),
    // Credentials refused: Gmail 535 5.7.8 "Username and Password not accepted", Exchange 535
    // 5.7.139/5.7.3 "Authentication unsuccessful", Postfix "535 5.7.8 Error: authentication
    // failed", Exim and Mimecast "535 Incorrect authentication data".
    ReplyPattern(
      id: "auth-credentials-rejected", category: .authFailed,
      phrases: [
        "username and password not accepted", "authentication unsuccessful",
        "authentication failed", "incorrect authentication data",
        "application-specific password required", "please log in with your web browser",
        "please log in through your web browser", "invalid login",
      ],
      commands: [.auth],
      summary: "Authentication failed: the server refused these credentials",
      explanation:
        "The AUTH exchange completed but the server did not accept the user name, password or token. Some providers also refuse ordinary passwords and require an app password or OAuth.",
      fix:
        "Check the user name and password; for Gmail or Microsoft 365 use an app password or OAuth2 if basic authentication is disabled.",
      retry: .afterFix, transientRetry: .later,
      source: "\(Source.gmail); \(Source.microsoftNDR); \(Source.postfixSmtpd); \(Source.mimecast)"),
    // "530 5.7.0 Authentication required" (Gmail 530 5.7.0/5.5.1, Postfix submission).
    ReplyPattern(
      id: "auth-required", category: .authRequired,
      phrases: [
        "authentication required", "authentication is required", "auth required",
        "sender address rejected: not logged in",
      ],
      summary: "The server requires you to log in (AUTH) first",
      explanation:
        "This server (typically a submission server) only accepts mail from authenticated users. The session has not authenticated.",
      fix: "Authenticate with AUTH after STARTTLS (smtpprobe: --auth-user), then retry.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.gmail); \(Source.postfixCheck)"),
  ]

  static let greylisting: [ReplyPattern] = [
    // postgrey: "450 4.2.0 <x>: Recipient address rejected: Greylisted, see
    // http://postgrey.schweikert.ch/help/example.com.html"
    ReplyPattern(
      id: "postgrey-greylisted", category: .greylisted,
      phrases: ["greylisted, see http"],
      summary: "Greylisted: the server asks you to retry this message in a few minutes",
      explanation:
        "postgrey delays the first attempt from an unknown sender, client and recipient combination. A real mail server retries and is then accepted; most spamware does not.",
      fix: "Retry after 5 minutes or so; a normal MTA queue does this by itself.",
      retry: .later, source: Source.postgrey),
    // Zoho Mail: "451 4.7.1 Greylisted, try again after some time"
    ReplyPattern(
      id: "zoho-greylisted", category: .greylisted,
      phrases: ["greylisted, try again after some time"],
      summary: "Greylisted by Zoho Mail: retry this message later",
      explanation:
        "Zoho defers mail from senders it has not seen before. The same message is accepted on a later attempt.",
      fix: "Let the sending queue retry after a few minutes.", retry: .later, source: Source.zoho),
    // Mimecast: "451 Internal resources are temporarily unavailable" is its greylisting reply
    // (or a poor-reputation deferral).
    ReplyPattern(
      id: "mimecast-greylisting", category: .greylisted,
      phrases: [
        "internal resources are temporarily unavailable",
        "internal resource temporarily unavailable",
      ],
      summary: "Greylisted by Mimecast: retry this message later",
      explanation:
        "Mimecast answers with this text when it greylists a sender, and sometimes when the sending IP has a poor reputation. A retry from the same IP, within minutes to hours, is normally accepted.",
      fix:
        "Let the queue retry (between one minute and 12 hours). If it never passes, ask the recipient's admin for a Permitted Senders policy.",
      retry: .later, source: Source.mimecast),
    // greylistd's Exim ACL defers with "451 192.0.2.1 is not yet authorized to deliver mail
    // from <a@example.org> to <b@example.net>. Please try later."
    ReplyPattern(
      id: "greylisting", category: .greylisted,
      phrases: [
        "greylisted", "greylisting", "graylisted", "graylisting", "grey-listed",
        "gray-listed", "is not yet authorized to deliver mail from",
      ],
      summary: "Greylisted: the server asks you to retry this message later",
      explanation:
        "Greylisting temporarily refuses mail from an unknown sender and client pair. A real mail server retries and is then accepted.",
      fix: "Retry after a few minutes; a normal MTA queue does this by itself.",
      retry: .later,
      source: "\(Source.postgrey); milter-greylist; greylistd (Debian, README Exim ACL)"),
  ]

  static let reverseDNS: [ReplyPattern] = [
    // Postfix reject_unknown_reverse_client_hostname: "450 4.7.1 Client host rejected: cannot
    // find your reverse hostname, [192.0.2.1]"
    ReplyPattern(
      id: "postfix-unknown-reverse-client", category: .rdnsFail,
      phrases: ["cannot find your reverse hostname"],
      summary: "Your server's IP address has no reverse DNS (PTR) name",
      explanation:
        "The receiving Postfix looked up the PTR record of your connecting IP address and found none. Many servers refuse mail from addresses without reverse DNS.",
      fix:
        "Ask whoever controls the IP block (hosting provider or ISP) to set a PTR record naming your mail server, with a matching A/AAAA record.",
      retry: .afterFix, transientRetry: .afterFix, source: Source.postfixCheck),
    // Postfix reject_unknown_client_hostname: "450 4.7.1 Client host rejected: cannot find
    // your hostname, [192.0.2.1]" (PTR missing, or its name does not resolve back).
    ReplyPattern(
      id: "postfix-unknown-client", category: .rdnsFail,
      phrases: ["cannot find your hostname"],
      summary: "Your server's IP address has no forward-confirmed reverse DNS",
      explanation:
        "The receiving Postfix requires the connecting IP's PTR name to resolve back to the same IP. Either the PTR record is missing or its name has no matching A/AAAA record.",
      fix:
        "Set a PTR record for the sending IP and an A/AAAA record for that name pointing back to the same IP.",
      retry: .afterFix, transientRetry: .afterFix, source: Source.postfixCheck),
    // Gmail 421 4.7.0 / 421 4.7.23 / 550 5.7.25: "The IP address sending this message does not
    // have a PTR record, or the corresponding forward DNS entry does not point to the sending IP."
    ReplyPattern(
      id: "gmail-ptr-record", category: .rdnsFail,
      phrases: [
        "does not have a ptr record", "have a ptr record, or the ptr record",
        "does not match the ip address of the hostname specified in the pointer (ptr) record",
        "ipv6 sending guidelines regarding ptr records",
      ],
      summary: "Gmail refuses mail from an IP without matching reverse DNS (PTR)",
      explanation:
        "Gmail requires the sending IP to have a PTR record whose name resolves back to the same IP. Yours is missing or does not match.",
      fix:
        "Set a PTR record for the sending IP and a matching A/AAAA record (forward-confirmed reverse DNS), then retry.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.gmail); \(Source.gmailSenders)"),
    // Exchange Online 5.7.25: "the sending IPv6 address must have a reverse DNS record"
    ReplyPattern(
      id: "microsoft-ipv6-reverse-dns", category: .rdnsFail,
      phrases: ["must have a reverse dns record"],
      summary: "Microsoft 365 refuses IPv6 mail from an address without reverse DNS",
      explanation:
        "Exchange Online only accepts mail over IPv6 from addresses that have a PTR record.",
      fix: "Set a PTR record for the sending IPv6 address, or send over IPv4.",
      retry: .afterFix, transientRetry: .afterFix, source: Source.microsoftNDR),
    // Comcast "421 - [Reverse DNS failure : Try again later]"
    ReplyPattern(
      id: "reverse-dns-failure", category: .rdnsFail,
      phrases: ["reverse dns failure", "reverse dns lookup failed", "no reverse dns"],
      summary: "The receiver could not find reverse DNS (PTR) for your sending IP",
      explanation:
        "The receiving ISP requires every sending IP to have a valid PTR record. The lookup for yours failed or returned nothing.",
      fix: "Set a PTR record for the sending IP (ask its owner) with a matching A/AAAA record.",
      retry: .afterFix, transientRetry: .later,
      source: "http://security.comcast.net/get-help/Mail-Delivery-Error-Messages.aspx"),
    // Mail.ru "550 ... we do not accept mail from hosts with dynamic ip or generic dns
    // ptr-records": the PTR name looks like an ISP's generated name (dynamic pool), not a mail
    // server's. Its plain "from dynamic ips" sibling is in `blocklists`.
    ReplyPattern(
      id: "generic-ptr-record", category: .rdnsFail,
      phrases: ["generic dns ptr-record", "generic ptr record", "generic reverse dns"],
      summary: "Refused: your IP's reverse DNS (PTR) name looks generic or dynamic",
      explanation:
        "The receiver judges the sending IP by its PTR name: a generated name such as 192-0-2-1.dyn.isp.example marks an end-user or dynamic address, not a mail server, so the mail is refused. The fix is on the reverse DNS side.",
      fix:
        "Give the sending IP a PTR record naming your mail server (e.g. mail.example.com) with a matching A/AAAA record, or send through a relay that has one.",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "sisimai lib/Sisimai/Reason/NotAccept.pm and bouncehammer (Mail.ru replies)"),
    // Postfix reject_non_fqdn_helo_hostname: "504 5.5.2 <x>: Helo command rejected: need
    // fully-qualified hostname"
    ReplyPattern(
      id: "postfix-non-fqdn-helo", category: .syntaxError,
      phrases: [
        "helo command rejected: need fully-qualified hostname", "helo should be a fqdn",
        "should be a fqdn",
      ],
      summary: "The server rejected your HELO/EHLO name: it is not a fully-qualified host name",
      explanation:
        "Your client introduced itself with a bare name (like 'localhost' or 'server') instead of a fully-qualified domain name. This Postfix requires a real FQDN.",
      fix:
        "Set the HELO/EHLO name to the sending server's FQDN, ideally the same name as its PTR record (smtpprobe: --helo mail.example.com).",
      retry: .afterFix, transientRetry: .afterFix, source: Source.postfixCheck),
    // Postfix reject_unknown_helo_hostname: "450 4.7.1 <x>: Helo command rejected: Host not found"
    ReplyPattern(
      id: "postfix-unknown-helo", category: .rdnsFail,
      phrases: ["helo command rejected: host not found"],
      summary: "The server rejected your HELO/EHLO name: it does not resolve in DNS",
      explanation:
        "The name your client gave in HELO/EHLO has no A, AAAA or MX record. This Postfix refuses clients whose HELO name does not exist in DNS.",
      fix:
        "Use a HELO/EHLO name that resolves to the sending IP (the PTR name is the usual choice).",
      retry: .afterFix, transientRetry: .afterFix, source: Source.postfixCheck),
  ]

  /// Mentions of relaying that decide only in a 5.7.1 refusal of RCPT TO.
  ///
  /// "relay" alone also occurs in host names (relay2.example.net) that say nothing about the refusal, so these
  /// broader words need the code and the step (RFC 5321 section 3.6.2 relaying; RFC 3463
  /// X.7.1). Weighed after the specific patterns, before the enhanced code.
  static let relayMentions: [ReplyPattern] = [
    ReplyPattern(
      id: "relay-mention", category: .relayDenied,
      phrases: [
        "relaying", "relay access", "relay denied", "relay not", "not relay", "no relay",
        "to relay", "relay for", "relay to", "relay is", "relay prohibited", "open relay",
      ],
      classes: [5], commands: [.rcpt], enhancedCodes: ["5.7.1"],
      source: "\(Source.postfixCheck); \(Source.sendmail); \(Source.exim); \(Source.microsoftNDR)")
  ]
}
