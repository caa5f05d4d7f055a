// Registry entries for subjects 0 to 6 (IANA "SMTP Enhanced Status Codes", RFC 3463, RFC 5248).
// Titles are the registry's; descriptions are ours.

extension EnhancedStatusCatalogue {
  /// X.0.x, X.1.x and X.2.x: other, addressing and mailbox status (RFC 3463 3.1 to 3.3).
  static func addressAndMailboxEntries() -> [EnhancedStatusEntry] {
    let entries: [EnhancedStatusEntry] = [
      EnhancedStatusEntry(
        subject: 0, detail: 0, title: "Other undefined Status",
        description:
          "Only the class is known: success, temporary failure or permanent failure, with no further detail. Servers that advertise ENHANCEDSTATUSCODES but have nothing specific to say send 2.0.0, 4.0.0 or 5.0.0; read the reply text for the real reason.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.1"], category: .other),
      EnhancedStatusEntry(
        subject: 1, detail: 0, title: "Other address status",
        description:
          "Something about an address in the envelope caused this status, but none of the specific addressing codes fits. Check both the sender and the recipient address.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.2"], category: .other),
      EnhancedStatusEntry(
        subject: 1, detail: 1, title: "Bad destination mailbox address",
        description:
          "The recipient's mailbox does not exist: the part before the @ is unknown at that domain. This is the classic \"user unknown\" bounce; check the spelling or ask the recipient for a current address.",
        classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .mailboxUnknown),
      EnhancedStatusEntry(
        subject: 1, detail: 2, title: "Bad destination system address",
        description:
          "The recipient's domain, the part after the @, does not exist or cannot take mail. Look for a typo in the domain and check that it has working MX records.",
        classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .domainUnknown),
      EnhancedStatusEntry(
        subject: 1, detail: 3, title: "Bad destination mailbox address syntax",
        description:
          "The recipient address is not syntactically valid: stray spaces, missing angle brackets, doubled dots or illegal characters. Fix the address format before sending again.",
        classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .addressSyntax),
      EnhancedStatusEntry(
        subject: 1, detail: 4, title: "Destination mailbox address ambiguous",
        description:
          "The address matches more than one mailbox on the receiving system, so it cannot decide where to deliver. Use the recipient's full, exact address.",
        classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .mailboxUnknown),
      EnhancedStatusEntry(
        subject: 1, detail: 5, title: "Destination address valid",
        description:
          "The recipient address was accepted as valid. Servers often attach 2.1.5 to the 250 reply after RCPT TO.",
        classes: [2], rfc: ["RFC 3463 3.2"], category: .ok),
      EnhancedStatusEntry(
        subject: 1, detail: 6, title: "Destination mailbox has moved, No forwarding address",
        description:
          "The address used to be valid but no longer receives mail, and the server knows no new address for it. Remove it from your lists or ask the person for their new address.",
        classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .mailboxUnknown),
      EnhancedStatusEntry(
        subject: 1, detail: 7, title: "Bad sender's mailbox address syntax",
        description:
          "The sender address in MAIL FROM is not syntactically valid. Check the envelope sender your software or mail server sets, not only the visible From header.",
        classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .senderRejected),
      EnhancedStatusEntry(
        subject: 1, detail: 8, title: "Bad sender's system address",
        description:
          "The sender's domain does not exist or cannot receive mail, so bounces could never be returned. Use a sender address in a domain with valid DNS and MX records.",
        classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .senderRejected),
      EnhancedStatusEntry(
        subject: 1, detail: 9, title: "Message relayed to non-compliant mailer",
        description:
          "The address was valid, but the message was handed on to a system that does not report delivery status, so no further information will come back. It is a notice rather than a failure.",
        classes: [2, 4, 5], rfc: ["RFC 3886", "RFC 5248"], category: .ok),
      EnhancedStatusEntry(
        subject: 1, detail: 10, title: "Recipient address has null MX",
        description:
          "The recipient's domain publishes a null MX record (\"0 .\"), which declares that it accepts no mail at all. Check the domain for a typo; otherwise reach the recipient another way.",
        classes: [5], rfc: ["RFC 7505"], category: .hostDoesNotAcceptMail),
      EnhancedStatusEntry(
        subject: 2, detail: 0, title: "Other or undefined mailbox status",
        description:
          "The mailbox exists, but something about it prevented delivery that no specific code covers. The reply text usually says more.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.3"], category: .other),
      EnhancedStatusEntry(
        subject: 2, detail: 1, title: "Mailbox disabled, not accepting messages",
        description:
          "The mailbox exists but is switched off: suspended, deactivated, or closed by its owner or administrator. It may come back, but usually it does not; ask the recipient for another address.",
        classes: [4, 5], rfc: ["RFC 3463 3.3"], category: .mailboxDisabled),
      EnhancedStatusEntry(
        subject: 2, detail: 2, title: "Mailbox full",
        description:
          "The recipient is over their storage quota. The owner can free space, so delivery may work later; depending on their policy servers send it as 4.2.2 (retry later) or 5.2.2 (bounce now).",
        classes: [4, 5], rfc: ["RFC 3463 3.3"], category: .mailboxFull),
      EnhancedStatusEntry(
        subject: 2, detail: 3, title: "Message length exceeds administrative limit",
        description:
          "The message is larger than this mailbox allows, a limit lower than the server's general one. Send a smaller message or share large files by link.",
        classes: [4, 5], rfc: ["RFC 3463 3.3"], category: .messageTooLarge),
      EnhancedStatusEntry(
        subject: 2, detail: 4, title: "Mailing list expansion problem",
        description:
          "The recipient is a mailing list and the server could not expand it into its members. Tell the list owner; the problem is on the list's side.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.3"], category: .other),
    ]
    return entries
  }

  /// X.3.x and X.4.x: mail system, network and routing status (RFC 3463 3.4, 3.5).
  static func systemAndNetworkEntries() -> [EnhancedStatusEntry] {
    let entries: [EnhancedStatusEntry] = [
      EnhancedStatusEntry(
        subject: 3, detail: 0, title: "Other or undefined mail system status",
        description:
          "The receiving system normally takes mail, but something about the system itself caused this status. Read the reply text; the problem is on the server's side.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.4"], category: .other),
      EnhancedStatusEntry(
        subject: 3, detail: 1, title: "Mail system full",
        description:
          "The receiving server as a whole is out of storage, not just one mailbox. It is a temporary condition for the server's administrator to fix; retry later.",
        classes: [4, 5], rfc: ["RFC 3463 3.4"], category: .storageFull),
      EnhancedStatusEntry(
        subject: 3, detail: 2, title: "System not accepting network messages",
        description:
          "The host is not taking mail right now or at all: it may be shutting down, overloaded, or configured to accept no mail. As 4.3.2 retry later; as 5.3.2 it will not change.",
        classes: [4, 5], rfc: ["RFC 3463 3.4"], category: .serviceUnavailable),
      EnhancedStatusEntry(
        subject: 3, detail: 3, title: "System not capable of selected features",
        description:
          "The message asked for a feature the receiving system does not support, often at a gateway to another mail system. Send without the feature, or by another route.",
        classes: [4, 5], rfc: ["RFC 3463 3.4"], category: .other),
      EnhancedStatusEntry(
        subject: 3, detail: 4, title: "Message too big for system",
        description:
          "The message is larger than the server accepts for any mailbox. Compare the size with the SIZE value the server advertises and shrink the message.",
        classes: [4, 5], rfc: ["RFC 3463 3.4"], category: .messageTooLarge),
      EnhancedStatusEntry(
        subject: 3, detail: 5, title: "System incorrectly configured",
        description:
          "The receiving system is misconfigured in a way that stops it from accepting this message. Only its administrator can fix this; let them know.",
        classes: [4, 5], rfc: ["RFC 3463 3.4"], category: .localError),
      EnhancedStatusEntry(
        subject: 3, detail: 6, title: "Requested priority was changed",
        description:
          "The message was accepted, but with a different priority than the MT-PRIORITY parameter asked for. Delivery goes ahead; no action is needed.",
        classes: [2], rfc: ["RFC 6710"], category: .ok),
      EnhancedStatusEntry(
        subject: 4, detail: 0, title: "Other or undefined network or routing status",
        description:
          "A network or routing problem occurred that none of the specific codes describes. Check DNS and connectivity between the systems involved.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.5"], category: .other),
      EnhancedStatusEntry(
        subject: 4, detail: 1, title: "No answer from host",
        description:
          "The next server did not answer the connection attempt: it was down, busy, or a firewall dropped the traffic. Usually temporary; a queueing MTA retries by itself.",
        classes: [4, 5], rfc: ["RFC 3463 3.5"], category: .serviceUnavailable),
      EnhancedStatusEntry(
        subject: 4, detail: 2, title: "Bad connection",
        description:
          "A connection was made but broke or timed out before the transaction finished. Often a flaky network or a server dropping slow clients; retry later.",
        classes: [4, 5], rfc: ["RFC 3463 3.5"], category: .serviceUnavailable),
      EnhancedStatusEntry(
        subject: 4, detail: 3, title: "Directory server failure",
        description:
          "A directory service the server depends on, most often DNS and sometimes LDAP, could not be reached. Usually temporary; if it persists, check the resolvers of the server that reported it.",
        classes: [4, 5], rfc: ["RFC 3463 3.5"], category: .localError),
      EnhancedStatusEntry(
        subject: 4, detail: 4, title: "Unable to route",
        description:
          "The server could not work out where to send the message next, for example because the domain has no MX or address records. Check the recipient domain's DNS.",
        classes: [4, 5], rfc: ["RFC 3463 3.5"], category: .hostDoesNotAcceptMail),
      EnhancedStatusEntry(
        subject: 4, detail: 5, title: "Mail system congestion",
        description:
          "The mail system is too busy to deliver the message now. Retry later; sending more slowly helps if you are the cause of the load.",
        classes: [4, 5], rfc: ["RFC 3463 3.5"], category: .serviceUnavailable),
      EnhancedStatusEntry(
        subject: 4, detail: 6, title: "Routing loop detected",
        description:
          "The message was passed around too many times, usually because two servers or forwarding rules point at each other. Fix the MX, relay or forwarding configuration.",
        classes: [4, 5], rfc: ["RFC 3463 3.5"], category: .mailLoop),
      EnhancedStatusEntry(
        subject: 4, detail: 7, title: "Delivery time expired",
        description:
          "The message sat in a queue too long and the server gave up: earlier attempts kept failing for some other reason. Look at the earlier failure to find the real cause.",
        classes: [4, 5], rfc: ["RFC 3463 3.5"], category: .other),
    ]
    return entries
  }

  /// X.5.x and X.6.x: mail delivery protocol and message content status (RFC 3463 3.6, 3.7).
  static func protocolAndContentEntries() -> [EnhancedStatusEntry] {
    let entries: [EnhancedStatusEntry] = [
      EnhancedStatusEntry(
        subject: 5, detail: 0, title: "Other or undefined protocol status",
        description:
          "Something went wrong, or right, at the SMTP protocol level that no specific code covers. Many servers send 2.5.0 with plain success replies.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.6"], category: .other),
      EnhancedStatusEntry(
        subject: 5, detail: 1, title: "Invalid command",
        description:
          "A command was unknown, unsupported or sent out of order. Check the dialogue against the EHLO capabilities and the command sequence.",
        classes: [4, 5], rfc: ["RFC 3463 3.6"], category: .commandUnrecognized),
      EnhancedStatusEntry(
        subject: 5, detail: 2, title: "Syntax error",
        description:
          "A command could not be parsed because its syntax was wrong. Check spelling, argument format and line endings.",
        classes: [4, 5], rfc: ["RFC 3463 3.6"], category: .syntaxError),
      EnhancedStatusEntry(
        subject: 5, detail: 3, title: "Too many recipients",
        description:
          "The transaction had more recipients than the server accepts at once. Split the recipients over several transactions or messages.",
        classes: [4, 5], rfc: ["RFC 3463 3.6"], category: .tooManyRecipients),
      EnhancedStatusEntry(
        subject: 5, detail: 4, title: "Invalid command arguments",
        description:
          "A valid command had arguments that are out of range or name features the server does not support. Drop or correct the parameters.",
        classes: [4, 5], rfc: ["RFC 3463 3.6"], category: .syntaxError),
      EnhancedStatusEntry(
        subject: 5, detail: 5, title: "Wrong protocol version",
        description:
          "The two systems could not agree on a protocol version. Rare in SMTP; it usually means a client talked to the wrong kind of server.",
        classes: [4, 5], rfc: ["RFC 3463 3.6"], category: .other),
      EnhancedStatusEntry(
        subject: 5, detail: 6, title: "Authentication Exchange line is too long",
        description:
          "A base64 line sent during AUTH was longer than the server can buffer for that mechanism. Use a mechanism with shorter responses or a shorter token.",
        classes: [4, 5], rfc: ["RFC 4954 6"], category: .authFailed),
      EnhancedStatusEntry(
        subject: 6, detail: 0, title: "Other or undefined media error",
        description:
          "Something about the message content made it undeliverable and no specific code fits. Check attachments, encoding and the MIME structure.",
        classes: [2, 4, 5], rfc: ["RFC 3463 3.7"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 1, title: "Media not supported",
        description:
          "The message uses a media type the delivery path cannot carry. Send it in a more common format.",
        classes: [4, 5], rfc: ["RFC 3463 3.7"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 2, title: "Conversion required and prohibited",
        description:
          "The content would have to be converted to be delivered, but the sender or the system forbids conversion. Send it in a form the receiver takes as it is.",
        classes: [4, 5], rfc: ["RFC 3463 3.7"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 3, title: "Conversion required but not supported",
        description:
          "The content must be converted for the next hop, for example 8-bit to 7-bit, and no server on the way can do it. Encode the message as 7-bit (quoted-printable or base64).",
        classes: [4, 5], rfc: ["RFC 3463 3.7"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 4, title: "Conversion with loss performed",
        description:
          "The message was delivered, but a conversion on the way lost some data. As a permanent code it means lossy conversion was forbidden.",
        classes: [2, 5], rfc: ["RFC 3463 3.7"], category: .ok),
      EnhancedStatusEntry(
        subject: 6, detail: 5, title: "Conversion Failed",
        description:
          "A required conversion of the content was attempted and failed. Simplify the message or its encoding.",
        classes: [4, 5], rfc: ["RFC 3463 3.7"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 6, title: "Message content not available",
        description:
          "The server had to fetch the content from elsewhere (BURL from an IMAP server) and could not. Check the URL and that the submission server may access it.",
        classes: [4, 5], rfc: ["RFC 4468"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 7, title: "Non-ASCII addresses not permitted for that sender/recipient",
        description:
          "An address contains non-ASCII characters and the server cannot accept it, usually because SMTPUTF8 is not supported on that path. Use an ASCII address for that person.",
        classes: [5], rfc: ["RFC 6531"], category: .addressSyntax),
      EnhancedStatusEntry(
        subject: 6, detail: 8,
        title: "UTF-8 string reply is required, but not permitted by the SMTP client",
        description:
          "The server would have to answer with a UTF-8 mailbox name, but the client did not announce SMTPUTF8. Use a client that supports SMTPUTF8.",
        classes: [2, 5], rfc: ["RFC 6531"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 9,
        title: "UTF-8 header message cannot be transferred to one or more recipients",
        description:
          "The message has UTF-8 headers that cannot be carried to some recipients because a server on the way lacks SMTPUTF8. It is rejected after the end of DATA.",
        classes: [5], rfc: ["RFC 6531"], category: .other),
      EnhancedStatusEntry(
        subject: 6, detail: 10,
        title: "UTF-8 string reply is required, but not permitted by the SMTP client",
        description:
          "A duplicate of X.6.8 that the registry keeps only for compatibility and marks deprecated. Servers should send X.6.8; treat this one the same way and use a client that supports SMTPUTF8.",
        classes: [2, 5], rfc: ["RFC 6531"], category: .other),
    ]
    return entries
  }
}
