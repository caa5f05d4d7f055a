/// Where mail cannot go: domains that do not exist, mail that loops, and lines the server
/// will not read (too long, or ended by a bare LF).
extension ReplyPatterns {
  static let routing: [ReplyPattern] = [
    // Postfix reject_unknown_recipient_domain "450 4.1.2 <x>: Recipient address rejected:
    // Domain not found"; Sendmail "550 5.1.2 <x>... Host unknown (Name server: example.invalid:
    // host not found)"; Gmail bounces "DNS Error: DNS type 'mx' lookup of example.invalid
    // responded with code NXDOMAIN Domain name not found"; Courier "<<< No such domain.";
    // sisimai HostUnknown ("host or domain name not found", "name or service not known",
    // "recipient domain must exist", "Mail domain mentioned in email address is unknown").
    ReplyPattern(
      id: "domain-unknown", category: .domainUnknown,
      phrases: [
        "recipient address rejected: domain not found", "host unknown", "unknown host",
        "host or domain name not found", "domain name not found", "no such domain",
        "domain does not exist", "domain not found", "unknown domain", "nxdomain",
        "name or service not known", "recipient domain must exist",
        "mail domain mentioned in email address is unknown", "domain is not reachable",
        "the account or domain may not exist", "domain doesn't exist", "domain not exist",
        "non-existent domain", "nonexistent domain", "domain has no mx", "no mx record",
        "recipient address rejected: unknown domain name",
      ],
      commands: addressSteps, transientRetry: .later,
      source:
        "\(Source.postfixCheck); \(Source.sendmail); \(Source.gmail); sisimai lib/Sisimai/Reason/HostUnknown.pm"
    ),
    // Exchange "554 5.4.6 Hop count exceeded - possible mail loop", Exchange Online "554 5.4.14
    // Hop count exceeded - possible mail loop ATTR34"; Gmail "554 5.6.0 Message exceeded 50
    // hops, this may indicate a mail loop"; Sendmail "554 5.4.6 Too many hops"; Exim "Too many
    // \"Received\" headers - suspected mail loop"; Postfix "mail for example.org loops back to
    // myself"; qmail "This message is looping: it already has my Delivered-To line. (#5.4.6)".
    ReplyPattern(
      id: "mail-loop", category: .mailLoop,
      phrases: [
        "hop count exceeded", "mail loop", "too many hops", "routing loop",
        "loops back to myself", "message is looping", "forwarding loop", "loop detected",
        "too many \"received\" headers", "too many received headers",
      ],
      fix:
        "Check the MX records, connectors and forwarding rules of the domains involved (a hybrid or smart-host setup that points back at itself is the usual cause); retrying will not help until the routing is fixed.",
      transientRetry: .afterFix,
      source:
        "\(Source.microsoftNDR) (5.4.6, 5.4.14); \(Source.gmail) (5.6.0); Sendmail src/deliver.c; \(Source.exim); Postfix src/smtp/smtp_connect.c; qmail qmail-local.c; sisimai lib/Sisimai/Reason/NetworkError.pm"
    ),
    // Postfix smtpd_forbid_bare_newline (postconf(5), CVE-2023-51764): "521 5.5.2 mx.example.org
    // Error: bare <LF> received"; qmail "451 See http://pobox.com/~djb/docs/smtplf.html.";
    // Exchange "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal"; SparkPost Momentum "550 5.6.0
    // Lone CR or LF in body (see RFC2822 section 2.3)".
    ReplyPattern(
      id: "bare-lf-refused", category: .syntaxError,
      phrases: [
        "bare <lf> received", "bare <cr> received", "bare lf", "bare linefeed",
        "barelinefeedsareillegal", "bare newline", "docs/smtplf.html", "bare line feed",
        "lone cr or lf", "lone lf", "lone cr",
      ],
      summary: "The server refused a line that did not end in CRLF (a bare LF)",
      explanation:
        "SMTP lines, commands and message lines alike, end with CR LF (RFC 5321 section 2.3.8); a lone LF is refused by servers that guard against SMTP smuggling (Postfix smtpd_forbid_bare_newline, qmail). The client or the program that built the message wrote Unix line endings.",
      fix:
        "Send every line, including the message body, with CRLF line endings; convert the message before handing it to SMTP (most libraries do if given text, not raw bytes).",
      retry: .afterFix, transientRetry: .afterFix,
      source:
        "Postfix postconf(5) smtpd_forbid_bare_newline; http://pobox.com/~djb/docs/smtplf.html (qmail); \(Source.microsoftNDR)"
    ),
    // Postfix smtpd "500 5.5.2 Error: line too long" (line_length_limit); Exim "500 Line too
    // long" (smtp_in.c, the 998-octet command limit); sisimai SyntaxError and Exchange
    // "5.3.4 ... line length exceeded"; Gmail "552 5.2.3 ... lines too long".
    ReplyPattern(
      id: "line-too-long", category: .syntaxError,
      phrases: [
        "line too long", "lines too long", "line length exceeded", "line is too long",
        "line length limit", "line exceeds", "too long line", "command line too long",
        "maximum line length",
      ],
      summary: "A line was longer than the server accepts (998 octets plus CRLF)",
      explanation:
        "RFC 5321 section 4.5.3.1.6 limits a text line to 1000 octets including CRLF, and section 4.5.3.1.4 a command line to 512. A message with long unwrapped lines (HTML on one line, a long header) or a long command was refused.",
      fix:
        "Wrap message lines at 998 octets or less (78 is the usual target), or send the body with quoted-printable or base64 transfer encoding; keep commands under 512 octets.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.postfixSmtpd); \(Source.exim); RFC 5321 sections 4.5.3.1.4 and 4.5.3.1.6"),
  ]
}
