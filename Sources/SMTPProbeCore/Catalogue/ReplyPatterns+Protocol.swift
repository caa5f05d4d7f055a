/// Replies that blame how the client speaks SMTP.
extension ReplyPatterns {
  static let protocolErrors: [ReplyPattern] = [
    // Postfix postscreen (postscreen_early.c, postscreen_smtpd.c): a client that talks before
    // the greeting, sends a bare newline or a non-SMTP command, or pipelines without PIPELINING
    // gets "550 5.5.1 Protocol error" to every later command, or "521 5.5.1 Protocol error" as
    // it is dropped.
    ReplyPattern(
      id: "postscreen-protocol-error", category: .badSequence,
      phrases: ["protocol error"], enhancedCodes: ["4.5.1", "5.5.1"],
      summary: "Protocol error: the server saw your client break the SMTP dialogue rules",
      explanation:
        "Postfix's postscreen refuses clients that speak before the greeting, pipeline commands without the PIPELINING extension, or send bare newlines or non-SMTP commands. Spam software does this; a well-behaved MTA does not.",
      fix:
        "Wait for the 220 greeting and for each reply before sending the next command (unless PIPELINING was offered), end every line with CRLF, then reconnect.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "Postfix src/postscreen/postscreen_early.c and postscreen_smtpd.c"),
    // Exim smtp_in.c: "554 SMTP synchronization error" when input arrives before the greeting
    // or before a reply it must wait for; Gmail "451 4.5.0 SMTP protocol violation, see RFC
    // 2821" and "454 4.5.0 SMTP protocol violation, no commands allowed to pipeline after
    // STARTTLS, see RFC 3207".
    ReplyPattern(
      id: "smtp-synchronization-error", category: .badSequence,
      phrases: [
        "smtp synchronization error", "smtp protocol violation",
        "no commands allowed to pipeline after starttls",
      ],
      summary: "The client sent commands before the server's reply: SMTP out of step",
      explanation:
        "The server received input it had not asked for yet: data before its greeting, commands pipelined to a server that did not offer PIPELINING, or commands sent in the same packet as STARTTLS. It treats the client as broken or abusive (RFC 5321 section 4.3, RFC 2920, RFC 3207 section 4.2).",
      fix:
        "Send one command at a time and wait for each reply, pipeline only when the server offers PIPELINING, and never send anything after STARTTLS until the TLS handshake is done.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "Exim src/smtp_in.c (synchronization check); \(Source.gmail)"),
    // STARTTLS inside a TLS session: "454 Session is already encrypted." (as QA saw it),
    // Postfix smtpd.c "554 5.5.1 Error: TLS already active".
    ReplyPattern(
      id: "tls-already-active", category: .badSequence,
      phrases: [
        "already encrypted", "tls already active", "tls is already active",
        "starttls may not be repeated",
      ],
      summary: "STARTTLS sent twice: the session is already encrypted",
      explanation:
        "The client asked for STARTTLS on a connection that already runs TLS (after an earlier STARTTLS, or on port 465). It is a command out of sequence, not a TLS fault on the server (RFC 3207 section 4.2).",
      fix:
        "Send STARTTLS only once, on a plain-text session that advertised it; on implicit TLS (port 465) never send it.",
      retry: .afterFix, transientRetry: .afterFix,
      source: "\(Source.postfixSmtpd); RFC 3207 section 4.2"),
  ]
}
