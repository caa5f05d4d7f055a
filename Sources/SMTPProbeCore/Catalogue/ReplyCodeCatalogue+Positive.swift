// Cards for the 2yz and 3yz reply codes. The words are ours; the facts follow the RFCs cited.

extension ReplyCodeCatalogue {
  /// 2yz Positive Completion codes (RFC 5321 4.2.2 and extensions).
  static func positiveCompletionEntries() -> [ReplyCodeEntry] {
    let entries: [ReplyCodeEntry] = [
      ReplyCodeEntry(
        code: 211, title: "System Status",
        description:
          "The server reports its own status or answers a help request. The text is meant for a person and carries no machine-readable meaning beyond \"this worked\".",
        when:
          "In reply to HELP or to an administrative status query. Few public servers answer with it; most use 214 for HELP instead.",
        fix:
          "Nothing to fix. Read the text if you asked for status; a client that only sends mail can ignore it.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.2.3"], category: .ok, retry: .noneNeeded),
      ReplyCodeEntry(
        code: 214, title: "Help Message",
        description:
          "The server returns help text, usually a list of the commands it knows or a pointer to its operator's documentation. It is informational only.",
        when:
          "After the HELP command. Some servers print their software name or a support address here.",
        fix:
          "Nothing to fix. If you were looking for supported extensions, send EHLO and read its capability list instead, which is the reliable source.",
        rfc: ["RFC 5321 4.1.1.8", "RFC 5321 4.2.2"], category: .ok, retry: .noneNeeded),
      ReplyCodeEntry(
        code: 220, title: "Service Ready",
        description:
          "The server is ready to talk. As the greeting it opens the SMTP session; after STARTTLS it means the TLS handshake may begin now (RFC 3207).",
        when:
          "As the first line after the TCP connection opens (the banner), or right after you send STARTTLS. The banner usually names the host and often the MTA software.",
        fix:
          "Nothing to fix. Continue with EHLO, or with the TLS handshake after STARTTLS. A very slow 220 banner can point to reverse DNS lookups or tarpitting on the server side.",
        rfc: ["RFC 5321 3.1", "RFC 5321 4.2.2", "RFC 3207 4"], category: .ok,
        retry: .noneNeeded),
      ReplyCodeEntry(
        code: 221, title: "Closing Connection",
        description:
          "The server says goodbye and is closing the transmission channel. This is the orderly, successful end of a session.",
        when:
          "After you send QUIT at the end of a session; it is the expected, normal answer to QUIT. The server closes the TCP connection right after it.",
        fix:
          "Nothing to fix: the session ended cleanly. If a server sends 221 without being asked to QUIT, it is shutting down or dropping idle sessions; reconnect if you still have work to do.",
        rfc: ["RFC 5321 4.1.1.10", "RFC 5321 4.2.2", "RFC 5321 3.8"], category: .ok,
        retry: .noneNeeded),
      ReplyCodeEntry(
        code: 235, title: "Authentication Succeeded",
        description:
          "The SASL exchange started by AUTH finished and the server accepted your credentials. The session is now authenticated as that user.",
        when:
          "At the end of an AUTH exchange on a submission port (587 or 465), usually with enhanced code 2.7.0.",
        fix:
          "Nothing to fix. Go on with MAIL FROM; the server may now let you relay to outside domains.",
        rfc: ["RFC 4954 6", "RFC 4954 4"], category: .ok, retry: .noneNeeded),
      ReplyCodeEntry(
        code: 250, title: "Requested Action Completed",
        description:
          "The command did what was asked. It is the everyday success reply: EHLO lists capabilities with it, MAIL and RCPT are accepted with it, and the final 250 after DATA means the server took responsibility for the message.",
        when:
          "After EHLO, HELO, MAIL FROM, RCPT TO, RSET, NOOP, VRFY and the end of message data. With ETRN (RFC 1985) it means the queue run for the node has started.",
        fix:
          "Nothing to fix. After DATA, keep the queue id from the text if there is one; it is what the receiving admin needs to trace the message.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.2.3", "RFC 1985"], category: .ok,
        retry: .noneNeeded),
      ReplyCodeEntry(
        code: 251, title: "User Not Local",
        description:
          "The recipient does not live on this server, but the server accepts the message anyway and will forward it to the forward-path it names. As a 2xx Positive Completion reply it counts as success: the server relays for that one recipient.",
        when:
          "When sending to a recipient whose mailbox has moved to, or is hosted on, another server that this server knows about. With ETRN (RFC 1985) the same number means there were no messages waiting for the node.",
        fix:
          "No action is required: the message is accepted and will be forwarded. To skip the extra hop next time, send straight to the address the reply gives.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 3.4", "RFC 1985"], category: .ok,
        retry: .noneNeeded),
      ReplyCodeEntry(
        code: 252, title: "Cannot Verify User",
        description:
          "The server will not (or cannot) confirm whether the mailbox exists, but it will accept mail for it and try to deliver. It is a deliberate non-answer that many sites give to stop address harvesting.",
        when:
          "After VRFY on almost any modern server, since VRFY is usually disabled. With ETRN (RFC 1985) it means pending messages for the node are being started.",
        fix:
          "Nothing to fix. To learn whether an address exists, try RCPT TO inside a transaction instead, and remember that catch-all domains accept every address there too.",
        rfc: ["RFC 5321 3.5.3", "RFC 5321 4.2.2", "RFC 1985"], category: .ok,
        retry: .noneNeeded),
      ReplyCodeEntry(
        code: 253, title: "Pending Messages Started",
        description:
          "The server has started delivering the messages queued for the node named in ETRN, and the text usually says how many there are.",
        when:
          "After ETRN from a host that collects queued mail for its domain, typically a site behind a dial-up or intermittent link.",
        fix:
          "Nothing to fix. Keep your SMTP listener reachable so the queued messages can arrive.",
        rfc: ["RFC 1985"], category: .ok, retry: .noneNeeded),
    ]
    return entries
  }

  /// 3yz Positive Intermediate codes.
  static func positiveIntermediateEntries() -> [ReplyCodeEntry] {
    let entries: [ReplyCodeEntry] = [
      ReplyCodeEntry(
        code: 334, title: "Authentication Challenge",
        description:
          "The server continues a SASL exchange and waits for your next response. The text after the code is a base64 challenge, which may be empty or, for LOGIN, the encoded prompts \"Username:\" and \"Password:\".",
        when:
          "After AUTH with a mechanism that needs more than one step, such as LOGIN or CRAM-MD5, or after AUTH PLAIN sent without an initial response.",
        fix:
          "Nothing to fix. Send the next base64 response line, or a single \"*\" to cancel the exchange.",
        rfc: ["RFC 4954 4"], category: .ok, retry: .noneNeeded),
      ReplyCodeEntry(
        code: 354, title: "Start Mail Input",
        description:
          "The server accepted DATA and is ready for the message itself: headers, a blank line, the body, and a line holding a single dot to end it.",
        when:
          "Right after DATA, once at least one RCPT TO was accepted.",
        fix:
          "Nothing to fix. Send the message with CRLF line endings, double any dot at the start of a line, and finish with CRLF.CRLF; then wait for the final reply.",
        rfc: ["RFC 5321 4.1.1.4", "RFC 5321 4.2.2"], category: .ok, retry: .noneNeeded),
      ReplyCodeEntry(
        code: 355, title: "Octet Offset",
        description:
          "The server gives the byte offset from which an interrupted transfer can be resumed. It belongs to the experimental checkpoint/restart extension.",
        when:
          "Only with servers that implement the CHECKPOINT extension of RFC 1845, when a client restarts a transaction. It is almost never seen in practice.",
        fix:
          "Nothing to fix. Resume sending from the offset given, or fall back to a fresh transaction if your client does not support restarts.",
        rfc: ["RFC 1845"], category: .ok, retry: .noneNeeded),
    ]
    return entries
  }
}
