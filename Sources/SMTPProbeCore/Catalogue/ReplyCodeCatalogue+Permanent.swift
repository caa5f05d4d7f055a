// Cards for the 5yz reply codes. The words are ours; the facts follow the RFCs cited.

extension ReplyCodeCatalogue {
  /// 5yz Permanent Negative codes about commands and syntax (500 to 504).
  static func commandErrorEntries() -> [ReplyCodeEntry] {
    let entries: [ReplyCodeEntry] = [
      ReplyCodeEntry(
        code: 500, title: "Syntax Error, Command Unrecognized",
        description:
          "The server could not parse the command at all: the verb is unknown, the line is too long, or it is garbage. Under AUTH it also means a base64 response line was longer than the server accepts (RFC 4954, enhanced code 5.5.6).",
        when:
          "When a client sends a command the server does not know (EHLO to a very old server, a typo), speaks SMTP to a non-SMTP port, or sends TLS bytes to a plain-text port. Also after an overlong AUTH line.",
        fix:
          "Check what was sent: the exact command spelling, CRLF line endings and line length (512 octets for a command line). If EHLO got 500, fall back to HELO. For AUTH, pick a mechanism whose responses are shorter.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.5.3.1.4", "RFC 4954 6"],
        category: .commandUnrecognized, retry: .afterFix),
      ReplyCodeEntry(
        code: 501, title: "Syntax Error in Parameters",
        description:
          "The command was recognized but its arguments were not: an address without angle brackets, a malformed domain, or parameters where none are allowed (STARTTLS takes none, RFC 3207).",
        when:
          "After MAIL FROM or RCPT TO with a badly formed address, after HELO or EHLO with an invalid host name, or after a command given arguments it does not take.",
        fix:
          "Correct the arguments: addresses go inside <>, with no spaces or display names, and the EHLO name should be a fully qualified domain name or an address literal such as [192.0.2.1].",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.1.2", "RFC 3207 4"], category: .syntaxError,
        retry: .afterFix),
      ReplyCodeEntry(
        code: 502, title: "Command Not Implemented",
        description:
          "The server knows the command exists but does not offer it. Unlike 500, the syntax was fine; the feature is simply switched off or missing.",
        when:
          "After VRFY or EXPN on servers that disable them, after EHLO on some very old servers, or after an extension command such as ETRN or TURN that the server does not support.",
        fix:
          "Do without the command, or check the EHLO capability list first and only use what is advertised. If EHLO itself gets 502, retry with HELO.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.2.4"], category: .commandUnrecognized,
        retry: .afterFix),
      ReplyCodeEntry(
        code: 503, title: "Bad Sequence of Commands",
        description:
          "The command is valid but came at the wrong moment in the dialogue. SMTP has a fixed order: greeting, EHLO, MAIL, RCPT, DATA.",
        when:
          "When MAIL FROM is sent before EHLO, RCPT TO before MAIL FROM, DATA with no accepted recipient, or AUTH after the transaction has started. Some servers also use it when authentication is required before MAIL.",
        fix:
          "Send the commands in order and check each reply before moving on. If the text mentions authentication, log in with AUTH first; after an error mid-transaction, send RSET and start over.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.1.4"], category: .badSequence, retry: .afterFix),
      ReplyCodeEntry(
        code: 504, title: "Command Parameter Not Implemented",
        description:
          "The command is supported, but not with the parameter you gave. The server understood the request and declines that particular option.",
        when:
          "After AUTH with a SASL mechanism the server does not offer, or after a command carrying an extension parameter the server does not implement.",
        fix:
          "Use only the mechanisms and parameters listed in the EHLO reply; for AUTH, pick one of the names after the AUTH keyword.",
        rfc: ["RFC 5321 4.2.2", "RFC 4954 4"], category: .syntaxError, retry: .afterFix),
    ]
    return entries
  }

  /// 5yz Permanent Negative codes about hosts, authentication and TLS (521 to 538).
  static func accessErrorEntries() -> [ReplyCodeEntry] {
    let entries: [ReplyCodeEntry] = [
      ReplyCodeEntry(
        code: 521, title: "Host Does Not Accept Mail",
        description:
          "This host does not accept mail at all (RFC 7504). The machine exists and answers on port 25, but it is deliberately set up to refuse every incoming message, not just yours.",
        when:
          "When connecting to a host that only sends mail or serves other purposes, typically as the greeting; some servers send it in reply to every command instead. It often means the address was resolved to the wrong machine.",
        fix:
          "Check the domain's MX records and make sure you are connecting to the host they name. If the domain really accepts no mail, reach the recipient by some other means; retrying will not help.",
        rfc: ["RFC 7504", "RFC 1846"], category: .hostDoesNotAcceptMail, retry: .never),
      ReplyCodeEntry(
        code: 523, title: "Encryption Needed",
        description:
          "The server wants a strong privacy layer such as TLS before it accepts this authentication mechanism. The enhanced status code registry pairs this code with X.7.10; it mostly concerns clear-text mechanisms.",
        when:
          "After AUTH PLAIN or LOGIN on an unencrypted connection to a server that reports 523 5.7.10 rather than 538.",
        fix:
          "Run STARTTLS (or use implicit TLS on port 465), send EHLO again and authenticate over the encrypted channel, or choose a stronger mechanism.",
        rfc: ["RFC 5248"], category: .tlsRequired, retry: .afterFix),
      ReplyCodeEntry(
        code: 524, title: "Encryption Required for Authentication Mechanism (Alternate Code)",
        description:
          "The chosen mechanism may only be used over an encrypted connection. The enhanced status code registry pairs this code with X.7.11, as an alternative to the 538 of RFC 4954.",
        when:
          "After AUTH before STARTTLS on servers that send 524 5.7.11 instead of 538.",
        fix:
          "Start TLS first, send EHLO again, then authenticate. Never send the password in clear to get around it.",
        rfc: ["RFC 5248", "RFC 4954 6"], category: .tlsRequired, retry: .afterFix),
      ReplyCodeEntry(
        code: 525, title: "User Account Disabled",
        description:
          "The credentials may be right, but the account itself has been disabled, for example for abuse, a suspected break-in or non-payment. The enhanced status code registry pairs this code with X.7.13.",
        when:
          "After AUTH for an account an administrator has switched off, usually as 525 5.7.13.",
        fix:
          "Contact the mail system's administrator to have the account re-enabled; asking the user for the password again will not help.",
        rfc: ["RFC 5248"], category: .authFailed, retry: .afterFix),
      ReplyCodeEntry(
        code: 530, title: "Authentication Required",
        description:
          "The server will not go on until the client does something first: authenticate with AUTH (RFC 4954, enhanced code 5.7.0) or, with the text \"Must issue a STARTTLS command first\", switch to TLS (RFC 3207).",
        when:
          "After MAIL FROM on a submission port (587) without a prior AUTH, or after any command on a server that insists on STARTTLS before mail.",
        fix:
          "Run STARTTLS if the server offers it, send EHLO again, then authenticate with AUTH using valid credentials. For server-to-server delivery, make sure you are using port 25 of the recipient's MX and not a submission port.",
        rfc: ["RFC 4954 6", "RFC 3207 4"], category: .authRequired, retry: .afterFix),
      ReplyCodeEntry(
        code: 534, title: "Authentication Mechanism Too Weak",
        description:
          "The server refuses the SASL mechanism you chose for this user because its policy asks for a stronger one. It comes with enhanced code 5.7.9.",
        when:
          "After AUTH PLAIN or LOGIN on a server that wants a challenge-response or token mechanism for this account. Gmail also uses 534 to ask for an app password or OAuth instead of the account password.",
        fix:
          "Choose a stronger mechanism from the EHLO AUTH list. For providers that use it for OAuth, create an app password or switch the client to OAuth.",
        rfc: ["RFC 4954 6"], category: .authFailed, retry: .afterFix),
      ReplyCodeEntry(
        code: 535, title: "Authentication Credentials Invalid",
        description:
          "The AUTH exchange finished and the server rejected the user name or password. It comes with enhanced code 5.7.8.",
        when:
          "After AUTH with a wrong user name or password, an expired password, an account not allowed to send through SMTP, or a user name in the wrong form (full address versus local part).",
        fix:
          "Check the user name format and the password, and whether the provider requires an app password or has SMTP AUTH disabled for the account. Repeated failures can lock the account or ban your IP, so fix the credentials before trying again.",
        rfc: ["RFC 4954 6"], category: .authFailed, retry: .afterFix),
      ReplyCodeEntry(
        code: 538, title: "Encryption Required for Authentication Mechanism",
        description:
          "The mechanism you chose may only be used on an encrypted connection, and this one is not encrypted. It comes with enhanced code 5.7.11.",
        when:
          "After AUTH PLAIN or LOGIN sent before STARTTLS on a server that refuses clear-text passwords over an unencrypted channel.",
        fix:
          "Issue STARTTLS (or connect with implicit TLS on port 465), send EHLO again, then authenticate. Never work around it by sending the password in clear.",
        rfc: ["RFC 4954 6"], category: .tlsRequired, retry: .afterFix),
    ]
    return entries
  }

  /// 5yz Permanent Negative codes about mailboxes, messages and transactions (550 to 556).
  static func mailErrorEntries() -> [ReplyCodeEntry] {
    let entries: [ReplyCodeEntry] = [
      ReplyCodeEntry(
        code: 550, title: "Mailbox Unavailable",
        description:
          "The requested action was not taken and the server does not expect that to change. Classically it means the mailbox does not exist or cannot be reached, but servers use it for many policy refusals as well, so the code alone does not say which: a mailbox phrase or an enhanced code such as 5.1.1 does.",
        when:
          "After RCPT TO for an unknown user, the most common case. Also when relaying is denied, when the sender IP is on a blocklist such as Spamhaus, or when SPF, DKIM or DMARC checks fail; after MAIL FROM it blames the sender address instead.",
        fix:
          "Read the text and the enhanced code: 5.1.1 means check the recipient address for typos; 5.7.1 and blocklist names mean fix your IP's reputation or authentication. Do not resend unchanged to the same address.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.2.3"], category: .other, retry: .afterFix),
      ReplyCodeEntry(
        code: 551, title: "User Not Local",
        description:
          "The recipient is not local to this server and the server will not forward the message there. Unlike 251, this is a rejection, not a relay; the text may name the address the user can now be reached at.",
        when:
          "When sending to someone who has moved to another server or provider, and this server declines to relay the message to the new location. Some servers also use it as a plain relay refusal.",
        fix:
          "Look in the reply for a new forward-path and resend the message to that address. Update your address book if the recipient has moved for good.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 3.4"], category: .userNotLocal, retry: .never),
      ReplyCodeEntry(
        code: 552, title: "Exceeded Storage Allocation",
        description:
          "The server aborted the action because the message is too big for the storage it may use: the message exceeds the server's fixed SIZE limit (RFC 1870) or the recipient's quota.",
        when:
          "After MAIL FROM with a SIZE= larger than the server's limit, after the end of DATA for an oversized message, or when the recipient's mailbox is over quota. Old servers also used it for too many recipients.",
        fix:
          "Check the SIZE limit in the EHLO reply and shrink the message: compress attachments or share large files by link. If the text says the mailbox is full, the recipient has to make room first.",
        rfc: ["RFC 5321 4.2.2", "RFC 1870 6"], category: .messageTooLarge, retry: .afterFix),
      ReplyCodeEntry(
        code: 553, title: "Mailbox Name Not Allowed",
        description:
          "The server rejects the address itself: its syntax is invalid or the name is not permitted there. With SMTPUTF8 (RFC 6531) it also reports a non-ASCII address the server cannot take (enhanced code 5.6.7).",
        when:
          "After MAIL FROM or RCPT TO with a malformed address, a sender domain the server does not allow, or an internationalized address sent to a server without SMTPUTF8.",
        fix:
          "Correct the address syntax and make sure the sender domain is one you are allowed to use. For non-ASCII addresses, use an ASCII alternative when the server does not offer SMTPUTF8.",
        rfc: ["RFC 5321 4.2.2", "RFC 6531 3.5"], category: .addressSyntax, retry: .afterFix),
      ReplyCodeEntry(
        code: 554, title: "Transaction Failed",
        description:
          "The transaction failed and the server gives no more specific code. As the greeting it means no SMTP service is offered to this client; after DATA it means the message was refused, most often by spam or policy filters.",
        when:
          "As the banner when the client IP is blocklisted (Spamhaus, Spamcop, Barracuda and others), or after the end of DATA when content filters reject the message. BURL (RFC 4468) uses it too when the message content cannot be fetched.",
        fix:
          "Read the text: if it names a blocklist, look your IP up there and follow the delisting procedure after fixing the cause. For content refusals, check SPF, DKIM and DMARC and remove what looks like spam before sending again.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 3.1", "RFC 4468"], category: .policySpamContent,
        retry: .afterFix),
      ReplyCodeEntry(
        code: 555, title: "MAIL/RCPT Parameters Not Recognized",
        description:
          "The server does not recognize or implement one of the extension parameters given with MAIL FROM or RCPT TO. The address itself was not the problem.",
        when:
          "After MAIL FROM or RCPT TO with parameters such as SIZE=, BODY=8BITMIME, SMTPUTF8, RET= or NOTIFY= (RFC 3461) sent to a server that did not advertise the matching extension.",
        fix:
          "Send only the parameters whose keywords appear in the EHLO reply, and drop the rest.",
        rfc: ["RFC 5321 4.2.2", "RFC 5321 4.1.1.11"], category: .syntaxError,
        retry: .afterFix),
      ReplyCodeEntry(
        code: 556, title: "Domain Does Not Accept Mail",
        description:
          "The recipient's domain does not accept mail at all, typically because it publishes a null MX (RFC 7505), and the relaying server says so. It comes with enhanced code 5.1.10.",
        when:
          "After RCPT TO on a relay or submission server that looked up the recipient domain and found a null MX record (\"0 .\").",
        fix:
          "Check the recipient address for a typo in the domain. If it is correct, the domain receives no mail, so contact the recipient another way.",
        rfc: ["RFC 7504", "RFC 7505"], category: .hostDoesNotAcceptMail, retry: .never),
    ]
    return entries
  }
}
