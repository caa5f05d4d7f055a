/// Our default words for each category, used when no text pattern or context rule speaks more
/// precisely, and the retry advice a permanent reply of that category gets.
struct CategoryAdvice: Sendable {
  var summary: String
  var explanation: String
  var fix: String

  /// Retry advice for a permanent (5yz) reply in `category`: never for an address that cannot
  /// receive mail, after-fix otherwise (DESIGN.md `retry`).
  static func permanentRetry(_ category: DiagnosisCategory) -> RetryAdvice {
    switch category {
    case .mailboxUnknown, .domainUnknown, .hostDoesNotAcceptMail, .mailboxDisabled: .never
    case .ok: .noneNeeded
    default: .afterFix
    }
  }

  // swift-format-ignore
  static func of(_ category: DiagnosisCategory) -> CategoryAdvice {
    switch category {
    case .ok:
      CategoryAdvice(summary: "The server accepted the command",
        explanation: "The command succeeded.", fix: "")
    case .mailboxUnknown:
      CategoryAdvice(summary: "No such mailbox: the server does not know this recipient",
        explanation: "The receiving server says this address has no mailbox there. The domain accepts mail, but not for this local part.",
        fix: "Check the address for typos; remove it from your list if it is correct as typed.")
    case .domainUnknown:
      CategoryAdvice(summary: "No such domain: the recipient's domain does not exist or has no mail host",
        explanation: "The domain after the @ has no DNS records, or none that lead to a mail server (RFC 5321 section 5.1), so no mailbox there can be reached. The local part was never checked.",
        fix: "Check the domain part of the address for typos (gmial.com, .con); if it is spelt right, the domain has expired or takes no mail.")
    case .mailboxFull:
      CategoryAdvice(summary: "The recipient's mailbox is full",
        explanation: "The address exists but its mailbox has no room for new mail.",
        fix: "Retry later, and tell the recipient by another channel.")
    case .mailboxDisabled:
      CategoryAdvice(summary: "The recipient's mailbox is disabled",
        explanation: "The address exists (or existed) but does not accept mail any more.",
        fix: "Remove the address or reach the person another way.")
    case .relayDenied:
      CategoryAdvice(summary: "Relay denied: this server will not forward mail to that domain",
        explanation: "The server is not a destination for the recipient's domain and does not let you relay through it.",
        fix: "Send to the recipient domain's MX host, or authenticate to your own submission server first.")
    case .greylisted:
      CategoryAdvice(summary: "Greylisted: retry this message later",
        explanation: "The server defers mail from senders it has not seen before; a retry is accepted.",
        fix: "Retry after a few minutes.")
    case .rateLimited:
      CategoryAdvice(summary: "Rate-limited: the server wants you to send more slowly",
        explanation: "You sent more than the server accepts from one client in a period of time.",
        fix: "Retry later with back-off, with fewer connections and messages per minute.")
    case .blocklistedIP:
      CategoryAdvice(summary: "Your sending IP is on a blocklist the receiver uses",
        explanation: "The receiver refuses mail from the connecting IP because of its reputation.",
        fix: "Find the list that names the IP, fix the cause, then request delisting.")
    case .spfFail:
      CategoryAdvice(summary: "SPF failed for the sender's domain",
        explanation: "The sending IP is not authorised by the envelope sender domain's SPF record (RFC 7208).",
        fix: "Add the sending IP to the domain's SPF record, or send through a server it lists.")
    case .dkimFail:
      CategoryAdvice(summary: "DKIM failed: no valid signature for the sender's domain",
        explanation: "The message has no DKIM signature the receiver could verify (RFC 6376).",
        fix: "Sign outgoing mail with DKIM and publish the public key in DNS.")
    case .dmarcFail:
      CategoryAdvice(summary: "DMARC failed: the message is not authenticated for its From: domain",
        explanation: "Neither SPF nor DKIM passed for a domain aligned with the From: header, and the domain's DMARC policy says to reject (RFC 7489).",
        fix: "Align SPF or DKIM with the From: domain, then retry.")
    case .rdnsFail:
      CategoryAdvice(summary: "Your sending IP has no valid reverse DNS",
        explanation: "The receiver requires a PTR record for the connecting IP whose name resolves back to it.",
        fix: "Set a PTR record for the sending IP and a matching A/AAAA record.")
    case .policySpamContent:
      CategoryAdvice(summary: "The receiver rejected the message for policy or spam reasons",
        explanation: "The receiving system's policy or spam filter refused this message or this sender.",
        fix: "Review content, authentication and list practices; ask the recipient's admin if the mail is wanted.")
    case .authRequired:
      CategoryAdvice(summary: "Authentication required: log in (AUTH) before sending",
        explanation: "The server only accepts this command from authenticated clients (RFC 4954).",
        fix: "Authenticate with AUTH after STARTTLS, then retry.")
    case .authFailed:
      CategoryAdvice(summary: "Authentication failed",
        explanation: "The server did not accept the credentials or the mechanism offered (RFC 4954).",
        fix: "Check the user name, password and mechanism; some providers need an app password or OAuth2.")
    case .tlsRequired:
      CategoryAdvice(summary: "TLS required: start TLS before this command",
        explanation: "The server refuses this command on an unencrypted connection (RFC 3207).",
        fix: "Issue STARTTLS after EHLO, EHLO again, then retry.")
    case .messageTooLarge:
      CategoryAdvice(summary: "The message is too large for the receiving server",
        explanation: "The message exceeds the server's size limit (see SIZE in its EHLO reply, RFC 1870).",
        fix: "Send a smaller message: compress or remove attachments, or share files by link.")
    case .mailLoop:
      CategoryAdvice(summary: "Mail loop: the message passed through too many servers and was stopped",
        explanation: "Each server adds a Received: header; past a limit the message is taken to be going round in circles, usually because two systems forward or route the domain to each other (RFC 5321 section 6.3).",
        fix: "Check the MX records, connectors and forwarding rules of the domains involved; retrying will not help until the routing is fixed.")
    case .syntaxError:
      CategoryAdvice(summary: "The server could not parse the command or its arguments",
        explanation: "The command was recognised but its parameters were malformed or not supported (RFC 5321 section 4.2.2).",
        fix: "Check the command line sent (address brackets, parameters, line length) against RFC 5321.")
    case .commandUnrecognized:
      CategoryAdvice(summary: "The server does not recognise or implement this command",
        explanation: "The server does not support the command (RFC 5321 section 4.2.4).",
        fix: "Do not use this command with this server; fall back to the basic command set.")
    case .badSequence:
      CategoryAdvice(summary: "Bad sequence of commands: this command is not allowed at this point",
        explanation: "Commands came in the wrong order, for example RCPT before MAIL, or DATA with no accepted recipient (RFC 5321 section 4.1.4).",
        fix: "Send EHLO, MAIL FROM, RCPT TO and DATA in order, each after the previous one succeeded.")
    case .serviceUnavailable:
      CategoryAdvice(summary: "The mail service is not available",
        explanation: "The server is not accepting mail from you at this time and may close the connection.",
        fix: "Retry later; if it persists, find out whether your IP is refused.")
    case .localError:
      CategoryAdvice(summary: "The receiving server had a local error",
        explanation: "Processing failed on the receiving side; the problem is not in your message.",
        fix: "Retry later.")
    case .storageFull:
      CategoryAdvice(summary: "The receiving server is out of storage",
        explanation: "The server has no room for the message right now (RFC 5321 reply 452).",
        fix: "Retry later.")
    case .hostDoesNotAcceptMail:
      CategoryAdvice(summary: "This host or domain does not accept mail",
        explanation: "The server (or the domain's null MX, RFC 7505) says it never receives mail (RFC 7504).",
        fix: "Check the domain; mail to it cannot be delivered.")
    case .userNotLocal:
      CategoryAdvice(summary: "The user is not local to this server",
        explanation: "The server does not handle this recipient and may name a forward-path to use instead (RFC 5321 section 3.4).",
        fix: "Send to the address the server gives, or to the domain's MX host.")
    case .tooManyRecipients:
      CategoryAdvice(summary: "Too many recipients for this message",
        explanation: "The server caps recipients per transaction (RFC 5321 section 4.5.3.1.10).",
        fix: "Send the message to the remaining recipients in another transaction.")
    case .addressSyntax:
      CategoryAdvice(summary: "The address is not acceptable as written",
        explanation: "The server refused the mailbox name itself: bad syntax or a name it does not allow (RFC 5321 reply 553).",
        fix: "Check the address syntax (angle brackets, no spaces, valid domain).")
    case .senderRejected:
      CategoryAdvice(summary: "Sender rejected: the server refuses your envelope sender address",
        explanation: "The refusal concerns the MAIL FROM address, not the recipient.",
        fix: "Send from a valid, deliverable address in a domain you control.")
    case .other:
      CategoryAdvice(summary: "The server refused the command",
        explanation: "The reply does not say more precisely why.",
        fix: "Read the reply text; retry later or contact the receiving postmaster.")
    }
  }
}
