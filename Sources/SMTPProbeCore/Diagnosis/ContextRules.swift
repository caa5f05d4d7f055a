/// What a reply code means given the command it answered.
///
/// The same code means different things at different steps (RFC 5321 sections 3.1, 3.3, 4.2,
/// 4.3.2): 421 as the greeting is "not now", after a command it is the server hanging up; 550
/// after MAIL FROM is about the sender, after RCPT TO about the recipient; 250 after RCPT TO
/// only means the address was accepted, not that a mailbox exists.
struct ContextRule: Sendable {
  var category: DiagnosisCategory
  var summary: String
  var explanation: String
  var fix: String
  /// Explicit retry advice, or nil to derive it from the class and category.
  var retry: RetryAdvice?
  /// Why the command matters, for the evidence record.
  var note: String
}

enum ContextRules {
  /// The rule for `code` answering `command`, if the command changes the meaning.
  static func rule(code: Int, command: CommandKind?, text: PatternText) -> ContextRule? {
    guard let command else { return nil }
    if (200...399).contains(code) { return positive(code: code, command: command, text: text) }
    return negative(code: code, command: command)
  }

  // swift-format-ignore
  private static func positive(code: Int, command: CommandKind, text: PatternText) -> ContextRule? {
    switch (code, command) {
    case (220, .greeting):
      return ContextRule(category: .ok, summary: "The server is ready: go ahead with EHLO",
        explanation: "A 220 greeting means the server accepts the connection and waits for EHLO (RFC 5321 section 4.3.1).",
        fix: "", retry: nil, note: "220 as the greeting means the service is ready")
    case (220, .startTLS):
      return ContextRule(category: .ok, summary: "The server agreed to STARTTLS: start the TLS handshake now",
        explanation: "After this reply the client begins the TLS handshake; once it completes, the client must send EHLO again and forget the earlier capabilities (RFC 3207 section 4.2).",
        fix: "", retry: nil, note: "220 after STARTTLS means go ahead with TLS")
    case (221, _):
      return ContextRule(category: .ok, summary: "The server closed the session normally",
        explanation: "221 is the normal answer to QUIT: the server closes the connection (RFC 5321 section 4.1.1.10).",
        fix: "", retry: nil, note: "221 closes the session")
    case (235, .auth):
      return ContextRule(category: .ok, summary: "Authentication succeeded",
        explanation: "The server accepted the credentials; the session is now authenticated (RFC 4954 section 6).",
        fix: "", retry: nil, note: "235 after AUTH means logged in")
    case (334, .auth):
      return ContextRule(category: .ok, summary: "Authentication challenge: send the next response",
        explanation: "The server is in the middle of the SASL exchange and waits for the client's next (base64) response (RFC 4954 section 4).",
        fix: "", retry: nil, note: "334 after AUTH is a SASL challenge")
    case (250, .ehlo), (250, .helo):
      return ContextRule(category: .ok, summary: "The server accepted \(command.rawValue) from this client",
        explanation: command == .ehlo
          ? "After EHLO the lines that follow list the extensions the server supports (RFC 5321 section 4.1.1.1)."
          : "HELO succeeded; a HELO session has no extensions: no PIPELINING, STARTTLS, AUTH or SIZE (RFC 5321 section 4.1.1.1).",
        fix: "", retry: nil, note: "250 after \(command.rawValue) accepts the client's greeting")
    case (250, .mail):
      return ContextRule(category: .ok, summary: "Sender accepted: the server will take mail from this address",
        explanation: "MAIL FROM succeeded; the server now expects RCPT TO (RFC 5321 section 4.1.1.2).",
        fix: "", retry: nil, note: "250 after MAIL accepts the envelope sender")
    case (250, .rcpt):
      return ContextRule(category: .ok, summary: "Recipient accepted (this does not prove the mailbox exists)",
        explanation: "The server accepted the address at RCPT TO. Some servers accept every address of their domain (catch-all) or accept first and bounce later, so this is not proof that a mailbox exists.",
        fix: "", retry: nil, note: "250 after RCPT accepts the recipient address")
    case (250, .endOfData), (250, .bdat):
      let queued = text.contains("queued as")
      return ContextRule(category: .ok,
        summary: queued ? "Message accepted and queued for delivery" : "Message accepted for delivery",
        explanation: "The server took responsibility for delivering the message (RFC 5321 section 4.1.1.4)." + (queued ? " The text names its queue ID, useful when asking the postmaster about it." : " A later bounce is still possible."),
        fix: "", retry: nil, note: "250 after the end of data accepts the message")
    case (251, .rcpt):
      return ContextRule(category: .ok, summary: "Recipient not local: the server will forward the message",
        explanation: "The server does not host this mailbox itself but knows where it lives and will forward the message there (RFC 5321 section 3.4).",
        fix: "", retry: nil, note: "251 after RCPT means it will forward")
    case (252, .vrfy), (252, .rcpt), (252, .expn):
      return ContextRule(category: .ok, summary: "The server cannot verify this user but will try to deliver",
        explanation: "252 says the server will not confirm whether the mailbox exists (often on purpose, to stop address harvesting) but will accept mail for it (RFC 5321 section 3.5.3).",
        fix: "", retry: nil, note: "252 after \(command.rawValue) means cannot verify, will try")
    case (250, .vrfy):
      return ContextRule(category: .ok, summary: "The server confirms this address",
        explanation: "VRFY succeeded: the server says the mailbox exists (RFC 5321 section 3.5).",
        fix: "", retry: nil, note: "250 after VRFY confirms the address")
    case (354, .data):
      return ContextRule(category: .ok, summary: "Go ahead: send the message, ending with <CRLF>.<CRLF>",
        explanation: "The server accepted DATA and waits for the message content, terminated by a line holding a single dot (RFC 5321 section 4.1.1.4).",
        fix: "", retry: nil, note: "354 after DATA asks for the content")
    default:
      return nil
    }
  }

  // swift-format-ignore
  private static func negative(code: Int, command: CommandKind) -> ContextRule? {
    switch (code, command) {
    case (421, .greeting):
      return ContextRule(category: .serviceUnavailable, summary: "The server is not accepting connections right now",
        explanation: "A 421 greeting means the service is unavailable for the moment (overload, maintenance, or a temporary refusal of your IP). The server closes the connection (RFC 5321 section 3.1).",
        fix: "Retry later, ideally against another MX host of the domain.", retry: .later,
        note: "421 as the greeting means not now")
    case (421, _):
      return ContextRule(category: .serviceUnavailable, summary: "The server closed the session in the middle of the dialogue",
        explanation: "421 after a command means the server is shutting the connection down, for example because of load, a timeout or a limit. Nothing after this point was accepted (RFC 5321 section 3.8).",
        fix: "Reconnect later and resend what was not accepted.", retry: .later,
        note: "421 after \(command.displayName) means the server hung up")
    case (554, .greeting):
      return ContextRule(category: .serviceUnavailable, summary: "The server refuses your connection outright",
        explanation: "A 554 greeting means 'no SMTP service here' for this client (RFC 5321 section 3.1). Servers send it to IPs they refuse by policy, most often because of a blocklist or missing reverse DNS.",
        fix: "Check the sending IP on public blocklists and its reverse DNS, and read the rest of the reply for a reason or link.",
        retry: .afterFix, note: "554 as the greeting refuses the connection")
    case (554, .endOfData), (554, .bdat):
      return ContextRule(category: .policySpamContent, summary: "The server rejected the message content",
        explanation: "554 after the message data means the transaction failed after the server read the message, which almost always means a content, spam or virus filter refused it.",
        fix: "Review the content, links and attachments, and the sender's authentication.", retry: nil,
        note: "554 after the end of data rejects the message content")
    case (552, .endOfData), (552, .data), (552, .mail), (552, .bdat):
      return ContextRule(category: .messageTooLarge, summary: "The message is too large for the receiving server",
        explanation: "552 at this step means the message (or its declared SIZE) exceeds the server's storage allocation for one message (RFC 5321 section 4.2.2, RFC 1870).",
        fix: "Send a smaller message: compress or remove attachments, or share files by link.", retry: nil,
        note: "552 after \(command.displayName) concerns the message size")
    case (552, .rcpt):
      return ContextRule(category: .mailboxFull, summary: "The recipient's mailbox is over its storage allocation",
        explanation: "552 after RCPT TO means this recipient cannot take more mail (RFC 5321 section 4.2.2).",
        fix: "Retry later and tell the recipient by another channel.", retry: nil,
        note: "552 after RCPT concerns the recipient's storage")
    case (550, .mail):
      return ContextRule(category: .senderRejected, summary: "Sender rejected: the server refused your MAIL FROM address",
        explanation: "550 in answer to MAIL FROM is about the envelope sender, not a recipient: the address or its domain failed a check or is refused by policy.",
        fix: "Send from a valid, deliverable address in a domain with working DNS.", retry: nil,
        note: "550 after MAIL blames the sender")
    case (550, .rcpt):
      return ContextRule(category: .other, summary: "Recipient refused: \(unavailableOrPolicy)",
        explanation: "550 in answer to RCPT TO means the server will not take mail for this recipient (RFC 5321 section 4.2.2). Servers send it both for a missing mailbox and for policy refusals; without a mailbox phrase or an X.1.x enhanced code, the reply does not say which.",
        fix: "Check the recipient address for typos; if it is right, read the text for a policy reason or ask the recipient's postmaster.",
        retry: .afterFix, note: "550 after RCPT concerns the recipient")
    case (553, .mail):
      return ContextRule(category: .addressSyntax, summary: "Sender rejected: the MAIL FROM address is not allowed",
        explanation: "553 in answer to MAIL FROM means the sender mailbox name is not acceptable: bad syntax, or a name the server does not allow (RFC 5321 section 4.2.2).",
        fix: "Use a syntactically valid sender address in a domain you control.", retry: nil,
        note: "553 after MAIL blames the sender")
    case (553, .rcpt):
      return ContextRule(category: .addressSyntax, summary: "Recipient rejected: the address is not allowed as written",
        explanation: "553 in answer to RCPT TO means the recipient mailbox name is not acceptable to this server (RFC 5321 section 4.2.2).",
        fix: "Check the recipient address syntax.", retry: nil, note: "553 after RCPT concerns the recipient")
    case (551, .rcpt):
      return ContextRule(category: .userNotLocal, summary: "The recipient is not local: the server will not forward",
        explanation: "551 says this server does not host the recipient and may name where to send instead (RFC 5321 section 3.4).",
        fix: "Send to the forward-path the reply names, or to the domain's MX host.", retry: nil,
        note: "551 after RCPT names another destination")
    case (452, .rcpt):
      return ContextRule(category: .tooManyRecipients, summary: "Too many recipients, or no storage for this one: retry it in another transaction",
        explanation: "452 after RCPT TO means the server will not take this recipient in this transaction: RFC 5321 section 4.5.3.1.10 uses it for the recipient limit, and it can also mean the server is short of storage.",
        fix: "Send to the accepted recipients now and to this one in a later transaction.", retry: .later,
        note: "452 after RCPT concerns the recipient count")
    case (_, .ehlo) where HelloFallback.fallsBackToHELO(after: code):
      return ContextRule(category: .commandUnrecognized, summary: "The server does not support EHLO: fall back to HELO",
        explanation: "An old or minimal server rejected EHLO. A client should then greet with HELO and use no SMTP extensions (RFC 5321 section 3.2).",
        fix: "Send HELO instead of EHLO; do not use STARTTLS, AUTH, SIZE or PIPELINING with this server.",
        retry: .afterFix, note: "\(code) after EHLO means no ESMTP")
    case (454, .startTLS):
      return ContextRule(category: .serviceUnavailable, summary: "TLS is temporarily not available on this server",
        explanation: "The server advertised STARTTLS but cannot start TLS right now, often because of a certificate or key problem on its side (RFC 3207 section 4).",
        fix: "Retry later, or continue without TLS only if your policy allows it.", retry: .later,
        note: "454 after STARTTLS means TLS is unavailable now")
    case (454, .auth):
      return ContextRule(category: .authFailed, summary: "Authentication failed temporarily on the server side",
        explanation: "454 after AUTH means the server could not check the credentials right now (RFC 4954 section 6).",
        fix: "Retry later.", retry: .later, note: "454 after AUTH is a temporary authentication failure")
    case (501, .mail), (501, .rcpt):
      return ContextRule(category: .addressSyntax, summary: "The server could not parse the \(command == .mail ? "sender" : "recipient") address",
        explanation: "501 after \(command.rawValue) means the address or its parameters are malformed (RFC 5321 section 4.1.2).",
        fix: "Write the address inside angle brackets with no spaces, and check any parameters.", retry: nil,
        note: "501 after \(command.rawValue) concerns the address syntax")
    case (530, .mail), (530, .rcpt), (530, .data):
      return ContextRule(category: .authRequired, summary: "Authentication required before \(command.rawValue)",
        explanation: "The server only accepts mail from authenticated clients (RFC 4954 section 6).",
        fix: "Authenticate with AUTH after STARTTLS, then retry.", retry: nil,
        note: "530 after \(command.rawValue) asks for AUTH first")
    default:
      return nil
    }
  }

  /// What a 550 with no telling text or enhanced code says: RFC 5321 section 4.2.2 names it
  /// "mailbox unavailable", and servers use it for policy refusals as often.
  static let unavailableOrPolicy =
    "mailbox unavailable or refused by policy (the reply does not say which)"

  /// Re-attributes a mailbox verdict to the sender when the reply answered MAIL FROM.
  ///
  /// An "unknown mailbox" at that step is the sender's address (sender verification), not a
  /// recipient's. Returns the evidence to record, or nil when the verdict is not about an
  /// address.
  static func attributeToSender(
    _ category: inout DiagnosisCategory, summary: inout String, explanation: inout String,
    fix: inout String, command: CommandKind?
  ) -> Evidence? {
    guard command == .mail else { return nil }
    let evidence = Evidence(
      kind: .context, value: CommandKind.mail.rawValue,
      detail: "The reply answered MAIL FROM, so it concerns the sender address.")
    let what: String
    switch category {
    case .mailboxUnknown: what = "the server says your sender address does not exist"
    case .domainUnknown: what = "the server says your sender domain does not exist"
    case .mailboxDisabled: what = "the server says your sender mailbox is disabled"
    case .hostDoesNotAcceptMail:
      what = "your sender domain accepts no mail, so bounces could not return"
    case .userNotLocal, .mailboxFull: what = "the server refuses your sender address"
    case .addressSyntax, .senderRejected: return evidence
    default: return nil
    }
    category = .senderRejected
    summary = "Sender rejected at MAIL FROM: \(what)"
    explanation =
      "This reply answered MAIL FROM, so it is about your envelope sender, not a recipient. "
      + explanation
    fix = "Use a sender address that exists and can receive bounces, in a domain with working DNS."
    return evidence
  }
}
