// Registry entries for subject 7, security or policy status (RFC 3463 3.8 and later
// registrations up to X.7.30). Titles are the registry's; descriptions are ours.

extension EnhancedStatusCatalogue {
  /// X.7.0 to X.7.14: RFC 3463, RFC 4954 and RFC 5248.
  static func securityEntries() -> [EnhancedStatusEntry] {
    let entries: [EnhancedStatusEntry] = [
      EnhancedStatusEntry(
        subject: 7, detail: 0, title: "Other or undefined security status",
        description:
          "A security or policy reason applies that no specific code names, or that the server will not disclose. 2.7.0 often marks a successful AUTH, 4.7.0 a temporary authentication or TLS problem, and 5.7.0 \"authentication required\".",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.8", "RFC 4954 6"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 1, title: "Delivery not authorized, message refused",
        description:
          "The receiving side's policy does not let this sender deliver here. It is the broadest policy rejection: relay denied, IP on a blocklist, spam filter verdict or a recipient-side block; the reply text names the actual reason.",
        classes: [4, 5], rfc: ["RFC 3463 3.8"], category: .policySpamContent),
      EnhancedStatusEntry(
        subject: 7, detail: 2, title: "Mailing list expansion prohibited",
        description:
          "The sender may not post to this mailing list, often because only members may. Join the list or ask its owner to allow you.",
        classes: [4, 5], rfc: ["RFC 3463 3.8"], category: .senderRejected),
      EnhancedStatusEntry(
        subject: 7, detail: 3, title: "Security conversion required but not possible",
        description:
          "Delivery needed converting between secure messaging formats and that could not be done. Send the message in a format the recipient's system handles.",
        classes: [4, 5], rfc: ["RFC 3463 3.8"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 4, title: "Security features not supported",
        description:
          "The message or command asked for a security feature the delivery protocol cannot provide. Send without that feature, or through a path that supports it.",
        classes: [4, 5], rfc: ["RFC 3463 3.8"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 5, title: "Cryptographic failure",
        description:
          "A system allowed to verify or decrypt the message could not, because a key was missing or invalid. Check the keys and certificates involved.",
        classes: [4, 5], rfc: ["RFC 3463 3.8"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 6, title: "Cryptographic algorithm not supported",
        description:
          "The message uses a cryptographic algorithm the receiving system does not support. Use a more widely supported algorithm.",
        classes: [4, 5], rfc: ["RFC 3463 3.8"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 7, title: "Message integrity failure",
        description:
          "The message could not be validated because it was corrupted or altered on the way. Resend it and look for anything that rewrites messages in transit.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.8"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 8, title: "Authentication credentials invalid",
        description:
          "AUTH failed because the user name or password (or token) was wrong or insufficient. Check the credentials; the client should ask the user for them again.",
        classes: [5], rfc: ["RFC 4954 6"], category: .authFailed),
      EnhancedStatusEntry(
        subject: 7, detail: 9, title: "Authentication mechanism is too weak",
        description:
          "The SASL mechanism chosen is weaker than the server's policy allows for this user. Try a stronger mechanism from the EHLO AUTH list.",
        classes: [5], rfc: ["RFC 4954 6"], category: .authFailed),
      EnhancedStatusEntry(
        subject: 7, detail: 10, title: "Encryption Needed",
        description:
          "A strong privacy layer such as TLS is needed before this authentication mechanism can be used; it is meant for clear-text mechanisms. Start TLS first, or use a stronger mechanism.",
        classes: [5], rfc: ["RFC 5248"], category: .tlsRequired),
      EnhancedStatusEntry(
        subject: 7, detail: 11, title: "Encryption required for requested authentication mechanism",
        description:
          "The chosen mechanism may only be used over an encrypted connection and this one is not. Run STARTTLS, send EHLO again, then authenticate.",
        classes: [5], rfc: ["RFC 4954 6"], category: .tlsRequired),
      EnhancedStatusEntry(
        subject: 7, detail: 12, title: "A password transition is needed",
        description:
          "The account must move to the requested mechanism before it can be used, typically by logging in once with PLAIN over TLS. Later sessions can then use the stronger mechanism.",
        classes: [4], rfc: ["RFC 4954 6"], category: .authFailed),
      EnhancedStatusEntry(
        subject: 7, detail: 13, title: "User Account Disabled",
        description:
          "The account exists and the credentials may even be right, but the account has been disabled, for example for abuse or non-payment. Contact the system administrator; retrying will not help.",
        classes: [5], rfc: ["RFC 5248"], category: .authFailed),
      EnhancedStatusEntry(
        subject: 7, detail: 14, title: "Trust relationship required",
        description:
          "The submission server needs a configured trust relationship with a third-party server, for example to fetch BURL content, and has none. Ask the administrators to set it up.",
        classes: [5], rfc: ["RFC 5248", "RFC 4468"], category: .authFailed),
    ]
    return entries
  }

  /// X.7.15 to X.7.30: RFC 6710, RFC 7293, RFC 7372, RFC 7505, RFC 8617, RFC 8689 and others.
  static func policyEntries() -> [EnhancedStatusEntry] {
    let entries: [EnhancedStatusEntry] = [
      EnhancedStatusEntry(
        subject: 7, detail: 15, title: "Priority Level is too low",
        description:
          "The MT-PRIORITY requested is below what the server accepts at the moment, for example while it only takes high-priority mail. Retry later or with a higher priority if you are allowed one.",
        classes: [4, 5], rfc: ["RFC 6710"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 16, title: "Message is too big for the specified priority",
        description:
          "The message is too big for the MT-PRIORITY it asked for: at that priority the server only takes messages up to a smaller size, for example while it lets only small urgent mail through. Send a smaller message or use a lower priority.",
        classes: [4, 5], rfc: ["RFC 6710"], category: .messageTooLarge),
      EnhancedStatusEntry(
        subject: 7, detail: 17, title: "Mailbox owner has changed",
        description:
          "The message asked (with RRVS) that the mailbox be owned by the same person since a given time, and the server knows it has changed hands. The address now belongs to someone else; do not resend.",
        classes: [5], rfc: ["RFC 7293"], category: .mailboxUnknown),
      EnhancedStatusEntry(
        subject: 7, detail: 18, title: "Domain owner has changed",
        description:
          "Like X.7.17, but the recipient's whole domain has changed owner since the RRVS time given. Confirm the recipient's current address another way.",
        classes: [5], rfc: ["RFC 7293"], category: .mailboxUnknown),
      EnhancedStatusEntry(
        subject: 7, detail: 19, title: "RRVS test cannot be completed",
        description:
          "The server cannot check the RRVS condition because it did not record when the mailbox was created. Decide whether to resend without RRVS protection.",
        classes: [5], rfc: ["RFC 7293"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 20, title: "No passing DKIM signature found",
        description:
          "The receiver requires a valid DKIM signature and the message had none that verified. Make sure your outgoing mail is signed and the public key is published in DNS.",
        classes: [5], rfc: ["RFC 7372"], category: .dkimFail),
      EnhancedStatusEntry(
        subject: 7, detail: 21, title: "No acceptable DKIM signature found",
        description:
          "The message carried valid DKIM signatures, but none the receiver's policy accepts, for example because of the signing domain or a weak algorithm or key. Sign with your own domain and a modern key.",
        classes: [5], rfc: ["RFC 7372"], category: .dkimFail),
      EnhancedStatusEntry(
        subject: 7, detail: 22, title: "No valid author-matched DKIM signature found",
        description:
          "No valid DKIM signature matched the domain in the From header. Sign with the same domain your From address uses, which is also what DMARC alignment needs.",
        classes: [5], rfc: ["RFC 7372"], category: .dkimFail),
      EnhancedStatusEntry(
        subject: 7, detail: 23, title: "SPF validation failed",
        description:
          "The sending IP is not authorized by the SPF record of the envelope sender's domain, and the receiver rejects SPF failures. Add the sending server to the domain's SPF record.",
        classes: [5], rfc: ["RFC 7372", "RFC 7208 8.4"], category: .spfFail),
      EnhancedStatusEntry(
        subject: 7, detail: 24, title: "SPF validation error",
        description:
          "Evaluating SPF produced an error: a syntax error in the record, too many DNS lookups, or a DNS failure. As 4.7.24 it may pass on retry; as 5.7.24 fix the SPF record.",
        classes: [4, 5], rfc: ["RFC 7372", "RFC 7208 8.6"], category: .spfFail),
      EnhancedStatusEntry(
        subject: 7, detail: 25, title: "Reverse DNS validation failed",
        description:
          "The sending IP has no PTR record, or its PTR name does not resolve back to the IP, and the receiver requires that. Ask whoever controls the IP (often the hosting provider) to set a matching PTR.",
        classes: [5], rfc: ["RFC 7372"], category: .rdnsFail),
      EnhancedStatusEntry(
        subject: 7, detail: 26, title: "Multiple authentication checks failed",
        description:
          "More than one authentication check failed, typically SPF and DKIM together, which is what a DMARC failure looks like. Gmail uses it for mail from unauthenticated senders; set up SPF, DKIM and DMARC for the sending domain.",
        classes: [5], rfc: ["RFC 7372"], category: .dmarcFail),
      EnhancedStatusEntry(
        subject: 7, detail: 27, title: "Sender address has null MX",
        description:
          "The sender's domain publishes a null MX, so it cannot receive bounces, and the receiver refuses such senders. Use a sender address in a domain that accepts mail.",
        classes: [5], rfc: ["RFC 7505"], category: .senderRejected),
      EnhancedStatusEntry(
        subject: 7, detail: 28, title: "Mail flood detected",
        description:
          "The message looks like part of a flood of similar messages, and the receiver is throttling or refusing it. Slow down, check for compromised accounts or a runaway script, and retry later.",
        classes: [4, 5], rfc: ["IANA SMTP Enhanced Status Codes registry"], category: .rateLimited),
      EnhancedStatusEntry(
        subject: 7, detail: 29, title: "ARC validation failure",
        description:
          "The message carried an Authenticated Received Chain (ARC) that did not validate. Look at the intermediaries that forwarded or modified the message.",
        classes: [5], rfc: ["RFC 8617"], category: .other),
      EnhancedStatusEntry(
        subject: 7, detail: 30, title: "REQUIRETLS support required",
        description:
          "The message was sent with REQUIRETLS, and the next hop does not support it, so it cannot be forwarded with the protection asked for. Deliver by a path that supports REQUIRETLS, or resend without it if that is acceptable.",
        classes: [5], rfc: ["RFC 8689"], category: .tlsRequired),
    ]
    return entries
  }
}
