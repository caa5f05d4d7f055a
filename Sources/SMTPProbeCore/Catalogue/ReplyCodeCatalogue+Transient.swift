// Cards for the 4yz reply codes. The words are ours; the facts follow the RFCs cited.

extension ReplyCodeCatalogue {
  /// 4yz Transient Negative codes (RFC 5321 4.2.2 and extensions).
  static func transientNegativeEntries() -> [ReplyCodeEntry] {
    let entries: [ReplyCodeEntry] = [
      ReplyCodeEntry(
        code: 421, title: "Service Not Available",
        description:
          "The service is not available right now and the server is closing the transmission channel. It can come as the greeting, or in the middle of a session when the server has to shut down or gives up on the client. Being a 4xx Transient Negative reply, the refusal is temporary by definition.",
        when:
          "When the server is overloaded, restarting, under maintenance, or refusing a client that opened too many connections or sent too fast. Idle-timeout disconnects and some greylisting setups use it too.",
        fix:
          "Wait and retry the connection later; a normal MTA queues the message and backs off on its own. If it keeps happening, check the server's load, disk and connection limits, or slow down your sending rate.",
        rfc: ["RFC 5321 3.8", "RFC 5321 4.2.2", "RFC 5321 4.2.3"],
        category: .serviceUnavailable, retry: .later),
      ReplyCodeEntry(
        code: 422, title: "Password Transition Needed (Alternate Code)",
        description:
          "The account has to move to the authentication mechanism you asked for before it can use it. The enhanced status code registry pairs this code with X.7.12, as an alternative to the 432 that RFC 4954 uses.",
        when:
          "After AUTH on the few servers that send 422 4.7.12 instead of the 432 of RFC 4954.",
        fix:
          "Treat it like 432: authenticate once with PLAIN over TLS so the server can convert the stored password, then use the stronger mechanism.",
        rfc: ["RFC 5248", "RFC 4954 6"], category: .authFailed, retry: .afterFix),
      ReplyCodeEntry(
        code: 432, title: "Password Transition Needed",
        description:
          "The account has to switch to the mechanism you asked for in AUTH, and the server cannot use it until the password has been converted. It comes with enhanced code 4.7.12.",
        when:
          "After AUTH with a challenge-response mechanism such as CRAM-MD5 for an account whose password is stored only in a form that mechanism cannot use yet.",
        fix:
          "Authenticate once with PLAIN (over TLS) so the server can store the new form of the password, then use the stronger mechanism in later sessions.",
        rfc: ["RFC 4954 6"], category: .authFailed, retry: .afterFix),
      ReplyCodeEntry(
        code: 450, title: "Mailbox Temporarily Unavailable",
        description:
          "The mail action was not taken because the mailbox cannot be used at the moment, for example because it is busy or temporarily blocked by policy. Nothing is wrong with your message as such.",
        when:
          "After RCPT TO when the mailbox is locked or busy, a rate or reputation check is pending, or the server greylists (defers the first attempt from an unknown sender/IP pair on purpose); only the text tells which. With ATRN (RFC 2645) it means the request was refused.",
        fix:
          "Retry later with back-off; a real MTA does this by itself and greylisting usually lets the retry through after a few minutes. Keep the same sending IP for retries, since greylisting is keyed on it.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.2.3", "RFC 2645"], category: .other,
        retry: .later),
      ReplyCodeEntry(
        code: 451, title: "Local Error",
        description:
          "The server aborted the command because of a local error in processing. The problem is on the receiving side and, as with every 4xx Transient Negative reply, is expected to clear up.",
        when:
          "When the receiving server cannot finish the command: its DNS lookups time out, a database or LDAP backend is down, the virus or spam scanner fails, or the disk cannot be written. Exim and others also use 451 for greylisting and for temporary SPF errors.",
        fix:
          "Retry later; the message stays in your queue meanwhile. If you run the receiving server, its log will name the failing component, most often DNS, storage or a content filter.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.2.3"], category: .localError, retry: .later),
      ReplyCodeEntry(
        code: 452, title: "Insufficient System Storage",
        description:
          "The action was not taken because the server lacks room for it right now. Since RFC 5321 it is also the proper answer when a transaction has more recipients than the server accepts at once.",
        when:
          "When the receiving disk or spool is nearly full, when a message announced with SIZE= will not fit at the moment (RFC 1870), or after the hundredth-or-so RCPT TO with text like \"too many recipients\".",
        fix:
          "Retry later. For too many recipients, send the remaining recipients in a new transaction. If you run the server, free disk space in the mail spool.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.5.3.1.10", "RFC 1870 6"],
        category: .storageFull, retry: .later),
      ReplyCodeEntry(
        code: 453, title: "No Mail Waiting",
        description:
          "There is nothing queued for you. This On-Demand Mail Relay (ODMR) reply reports an empty queue, not an error.",
        when:
          "After ATRN on an ODMR server (RFC 2645), when no messages are waiting for the domains you asked for.",
        fix:
          "Nothing to fix. Ask again later, when mail may have arrived for your domain.",
        rfc: ["RFC 2645"], category: .other, retry: .noneNeeded),
      ReplyCodeEntry(
        code: 454, title: "TLS or Authentication Temporarily Unavailable",
        description:
          "The server cannot do TLS or authentication for a temporary reason. After STARTTLS it means TLS is not available right now (RFC 3207); after AUTH it means authentication failed because of a passing problem on the server side (RFC 4954, enhanced code 4.7.0).",
        when:
          "After STARTTLS when the server's certificate or key cannot be loaded or its TLS library fails, or after AUTH when the password backend (LDAP, SQL, a SASL daemon) cannot be reached.",
        fix:
          "Retry later. Do not fall back to sending credentials or sensitive mail in clear text just because TLS failed. If you run the server, check its TLS certificate files and its authentication backend.",
        rfc: ["RFC 3207 4", "RFC 4954 6"], category: .serviceUnavailable, retry: .later),
      ReplyCodeEntry(
        code: 455, title: "Parameters Cannot Be Accommodated",
        description:
          "The server understood the MAIL FROM or RCPT TO parameters but cannot honour them at the moment. The condition is expected to be temporary.",
        when:
          "After MAIL FROM or RCPT TO carrying extension parameters (SIZE, a DSN option, MT-PRIORITY and the like) that the server cannot serve right now.",
        fix:
          "Retry later, or retry without the optional parameter if your message does not need it.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.2.3"], category: .other, retry: .later),
      ReplyCodeEntry(
        code: 458, title: "Unable to Queue Messages for Node",
        description:
          "The server could not start a queue run for the node named in ETRN, for a reason it expects to pass.",
        when:
          "After ETRN when the server's queue runner is busy or the queue for that node cannot be processed right now.",
        fix:
          "Send ETRN again later. If it persists, ask the server's operator whether the node's queue is configured.",
        rfc: ["RFC 1985"], category: .other, retry: .later),
      ReplyCodeEntry(
        code: 459, title: "Node Not Allowed",
        description:
          "The server refuses to start a queue run for the node named in ETRN, and the text gives the reason. Although it is a 4xx code, it usually reflects configuration, not a passing state.",
        when:
          "After ETRN for a domain or host that the server does not hold mail for, or that is not allowed to trigger a queue run from your address.",
        fix:
          "Check that you asked for the right node name and that the server is set up to hold mail for it; ask its operator to allow your host.",
        rfc: ["RFC 1985"], category: .other, retry: .afterFix),
    ]
    return entries
  }
}
