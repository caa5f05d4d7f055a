import SMTPProbe

private let perm = ReplyClass.permanentNegative
private let temp = ReplyClass.transientNegative
private let done = ReplyClass.positiveCompletion

// Sources, one per page or file the texts were read from.
private let gmailDoc = "https://support.google.com/a/answer/3726730"
private let gmailField = "https://smtp.codes/google and https://smtpfieldmanual.com/provider/google"
private let gmailSisimai = "sisimai lib/Sisimai/Rhost/Google.pm (comments quoting Gmail replies)"
private let msNDR =
  "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"
private let msSpamresource =
  "https://www.spamresource.com/2023/09/microsoft-multiple-types-of-invalid.html"
private let msSisimai = "sisimai lib/Sisimai/Rhost/Microsoft.pm (comments quoting Exchange Online)"
private let eop = "https://smtp.codes/exchangeonline (Exchange Online Protection replies)"
private let yahoo = "https://senders.yahooinc.com/smtp-error-codes; https://smtp.codes/yahoo"
private let yahooSisimai = "sisimai lib/Sisimai/Rhost/YahooInc.pm (comments quoting Yahoo/AOL)"
private let icloud = "https://smtp.codes/icloud; sisimai lib/Sisimai/Rhost/Apple.pm"
private let postfixCheck = "Postfix src/smtpd/smtpd_check.c"
private let postfixRef = "Postfix src/smtpd/smtpd_nullmx.ref (smtpd_check test transcript)"
private let postfixSmtpd = "Postfix src/smtpd/smtpd.c"
private let exim = "Exim src/smtp_in.c and default configure ACLs"
private let sendmail = "Sendmail cf/m4/proto.m4 and published sendmail transcripts"
private let mimecast =
  "https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754"
private let zoho = "sisimai lib/Sisimai/Rhost/Zoho.pm (Zoho replies seen in Postfix logs)"
private let gmx = "https://postmaster.gmx.com/en/error-messages; https://smtp.codes/unitedinternet/"

/// Real replies from at least eight servers and providers, each with its source.
let realReplyCases: [RealReplyCase] = [
  // MARK: Gmail / Google Workspace
  RealReplyCase(
    "Gmail",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550-5.1.1 double-checking the recipient's email address for typos or\r\n550-5.1.1 unnecessary spaces. Learn more at\r\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si1234567qkb.12 - gsmtp",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "gmail-no-such-account",
    source: gmailField),
  RealReplyCase(
    "Gmail",
    "421-4.7.28 [192.0.2.25] Our system has detected an unusual rate of\r\n421-4.7.28 unsolicited mail originating from your IP address. To protect our\r\n421-4.7.28 users from spam, mail sent from your IP address has been temporarily\r\n421-4.7.28 rate limited. Please visit\r\n421 4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines. a1si123 - gsmtp",
    after: .endOfData, .blocklistedIP, temp, .later, pattern: "gmail-unsolicited-rate",
    source: gmailField),
  RealReplyCase(
    "Gmail",
    "550-5.7.1 [192.0.2.25] Our system has detected an unusual rate of\r\n550-5.7.1 unsolicited mail originating from your IP address. To protect our\r\n550-5.7.1 users from spam, mail sent from your IP address has been blocked.\r\n550 5.7.1 Review https://support.google.com/mail/answer/81126 a1si123 - gsmtp",
    after: .endOfData, .blocklistedIP, perm, .afterFix, pattern: "gmail-unsolicited-rate",
    source: gmailSisimai),
  RealReplyCase(
    "Gmail",
    "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's\r\n550-5.7.26 DMARC policy. Please contact the administrator of example.com domain\r\n550-5.7.26 if this was a legitimate mail. To learn about the DMARC initiative, go\r\n550 5.7.26  https://support.google.com/mail/?p=DmarcRejection a1si123 - gsmtp",
    after: .endOfData, .dmarcFail, perm, .afterFix, pattern: "gmail-dmarc-policy",
    source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "550-5.7.26 This message does not have authentication information or fails to\r\n550-5.7.26 pass authentication checks (SPF or DKIM). To best protect our users\r\n550-5.7.26 from spam, the message has been blocked. Please visit\r\n550 5.7.26  https://support.google.com/mail/answer/81126#authentication a1si123 - gsmtp",
    after: .endOfData, .dmarcFail, perm, .afterFix, pattern: "unauthenticated-sender",
    source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "421-4.7.26 This mail has been rate limited because it is unauthenticated. Gmail\r\n421-4.7.26 requires all senders to authenticate with either SPF or DKIM.\r\n421 4.7.26  https://support.google.com/mail/answer/81126#authentication - gsmtp",
    after: .endOfData, .dmarcFail, temp, .afterFix, pattern: "unauthenticated-sender",
    source: gmailSisimai),
  RealReplyCase(
    "Gmail",
    "550-5.7.25 [192.0.2.25] The IP address sending this message does not have a\r\n550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not\r\n550-5.7.25 point to the sending IP. As a policy, Gmail does not accept messages\r\n550 5.7.25 from IPs with missing PTR records. a1si123 - gsmtp",
    after: .endOfData, .rdnsFail, perm, .afterFix, pattern: "gmail-ptr-record", source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "452-4.2.2 The email account that you tried to reach is over quota. Please direct\r\n452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp",
    after: .rcpt, .mailboxFull, temp, .later, pattern: "mailbox-full", source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "450-4.2.1 The user you are trying to contact is receiving mail at a rate that\r\n450-4.2.1 prevents additional messages from being delivered. Please resend your\r\n450 4.2.1 message at a later time. - gsmtp",
    after: .rcpt, .rateLimited, temp, .later, pattern: "recipient-receiving-too-fast",
    source: gmailField),
  RealReplyCase(
    "Gmail",
    "552-5.3.4 Your message exceeded Google's message size limits. Please visit\r\n552 5.3.4  https://support.google.com/mail/?p=MaxSizeError a1si123 - gsmtp",
    after: .endOfData, .messageTooLarge, perm, .afterFix, pattern: "message-too-large",
    source: gmailDoc),
  RealReplyCase(
    "Gmail", "530 5.7.0 Must issue a STARTTLS command first. a1si123 - gsmtp",
    after: .mail, .tlsRequired, perm, .afterFix, pattern: "starttls-required", source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1si123 - gsmtp",
    after: .auth, .authFailed, perm, .afterFix, pattern: "auth-credentials-rejected",
    source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "452-4.5.3 Your message has too many recipients. For more information regarding\r\n452 4.5.3 Google's sending limits, visit https://support.google.com/mail/?p=TooManyRecipientsError - gsmtp",
    after: .rcpt, .tooManyRecipients, temp, .later, pattern: "too-many-recipients",
    source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "550-5.7.1 Our system has detected that this message is likely unsolicited\r\n550-5.7.1 mail. To reduce the amount of spam sent to Gmail, this message has\r\n550 5.7.1 been blocked. https://support.google.com/mail/?p=UnsolicitedMessageError - gsmtp",
    after: .endOfData, .policySpamContent, perm, .afterFix, pattern: "gmail-unsolicited-content",
    source: gmailSisimai),
  RealReplyCase(
    "Gmail",
    "550-5.2.1 The email account that you tried to reach is inactive. For more\r\n550 5.2.1 information, go to https://support.google.com/mail/?p=DisabledUser - gsmtp",
    after: .rcpt, .mailboxDisabled, perm, .never, pattern: "mailbox-disabled", source: gmailSisimai),
  RealReplyCase(
    "Gmail", "421 4.7.0 TLS required for RCPT domain, closing connection. - gsmtp",
    after: .rcpt, .tlsRequired, temp, .afterFix, pattern: "starttls-required", source: gmailDoc),
  RealReplyCase(
    "Gmail",
    "550-5.7.1 Our system has detected that this message is likely suspicious due to\r\n550-5.7.1 the very low reputation of the sending IP address. To best protect our\r\n550 5.7.1 users from spam, the message has been blocked. - gsmtp",
    after: .endOfData, .blocklistedIP, perm, .afterFix, pattern: "gmail-ip-reputation",
    source: gmailSisimai),
  RealReplyCase(
    "Gmail", "250 2.0.0 OK  1700000000 a1si1234567qkb.12 - gsmtp",
    after: .endOfData, .ok, done, .noneNeeded, decidedBy: .context, source: gmailField),

  // MARK: Microsoft 365 / Outlook.com
  RealReplyCase(
    "Outlook.com",
    "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [DB3EUR04FT007.eop-eur04.prod.protection.outlook.com]",
    after: .mail, .blocklistedIP, perm, .afterFix, pattern: "outlook-s3150-block-list",
    source: "https://sevencreative.co.uk/how-to-remove-yourself-from-the-hotmail-block-list/"),
  RealReplyCase(
    "Microsoft 365",
    "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions.",
    after: .mail, .blocklistedIP, perm, .afterFix, pattern: "microsoft-banned-sending-ip",
    source: msNDR),
  RealReplyCase(
    "Microsoft 365",
    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "microsoft-recipient-not-found",
    source: msSpamresource),
  RealReplyCase(
    "Outlook.com",
    "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [BN1NAM02FT015.eop-nam02.prod.protection.outlook.com]",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "microsoft-recipient-not-found",
    source: msSpamresource),
  RealReplyCase(
    "Microsoft 365",
    "550 5.4.1 Recipient address rejected: Access denied. [2023-09-18T12:48:32.808Z 08DBB45899852BA7]",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "microsoft-access-denied-541",
    source: msSpamresource),
  RealReplyCase(
    "Microsoft 365",
    "530 5.7.57 Client not authenticated to send mail. [AM0PR10CA0011.EURPRD10.PROD.OUTLOOK.COM]",
    after: .mail, .authRequired, perm, .afterFix, pattern: "microsoft-client-not-authenticated",
    source: "https://docs.bookyourpto.com/features/smtp-troubleshoot"),
  RealReplyCase(
    "Microsoft 365",
    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
    after: .auth, .authFailed, perm, .afterFix, pattern: "auth-credentials-rejected",
    source: "https://docs.bookyourpto.com/features/smtp-troubleshoot"),
  RealReplyCase(
    "Outlook.com",
    "451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)",
    after: .mail, .rateLimited, temp, .later, pattern: "microsoft-reputation-rate-limit",
    source: msSisimai),
  RealReplyCase(
    "Microsoft 365",
    "550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification and has a DMARC policy of reject.",
    after: .endOfData, .dmarcFail, perm, .afterFix, pattern: "dmarc-policy", source: msNDR),

  RealReplyCase(
    "Microsoft 365",
    "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 (AS16012611)",
    after: .mail, .blocklistedIP, perm, .afterFix, pattern: "dnsbl-blocked-using",
    source: eop),
  RealReplyCase(
    "Microsoft 365",
    "550 5.7.1 Service unavailable, Helo domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query/dbl?domain=example.com (S8001)",
    after: .ehlo, .blocklistedIP, perm, .afterFix, pattern: "named-blocklist", source: eop),
  RealReplyCase(
    "Microsoft 365",
    "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653",
    after: .mail, .blocklistedIP, perm, .afterFix, pattern: "microsoft-banned-sending-ip",
    source:
      "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750"
  ),
  RealReplyCase(
    "Microsoft 365",
    "421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit, closing transmission channel. example.com. PRX8 [example.com]",
    after: .mail, .rateLimited, temp, .later, pattern: "connection-limits", source: eop),
  RealReplyCase(
    "Microsoft 365",
    "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (AS77712344) [BN8NAM11FT066.eop-nam11.prod.protection.outlook.com]",
    after: .mail, .serviceUnavailable, temp, .later, pattern: "server-busy", source: eop),

  // MARK: Yahoo / AOL
  RealReplyCase(
    "Yahoo",
    "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    after: .mail, .rateLimited, temp, .later, pattern: "yahoo-tss04-deferred", source: yahoo),
  RealReplyCase(
    "Yahoo",
    "553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes",
    after: .mail, .blocklistedIP, perm, .afterFix, pattern: "yahoo-permanently-deferred",
    source: yahooSisimai),
  RealReplyCase(
    "Yahoo",
    "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html",
    after: .greeting, .blocklistedIP, perm, .afterFix, pattern: "yahoo-spamhaus",
    source: yahooSisimai),
  RealReplyCase(
    "Yahoo",
    "554 delivery error: dd This user doesn't have a yahoo.com account (nobody@yahoo.com) [0] - mta1234.mail.bf1.yahoo.com",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "yahoo-no-such-account",
    source: "https://help.yahoo.com/kb/SLN3444.html"),
  RealReplyCase(
    "Yahoo",
    "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.",
    after: .endOfData, .dmarcFail, perm, .afterFix, pattern: "unauthenticated-sender",
    source: yahooSisimai),
  RealReplyCase(
    "AOL",
    "554 30 Sorry, your message to someone@aol.jp cannot be delivered. This mailbox is disabled (554.30).",
    after: .rcpt, .mailboxDisabled, perm, .never, pattern: "mailbox-disabled", source: yahooSisimai),
  RealReplyCase(
    "Yahoo", "450 User is receiving mail too quickly",
    after: .rcpt, .rateLimited, temp, .later, pattern: "recipient-receiving-too-fast", source: yahoo
  ),
  RealReplyCase(
    "Yahoo", "421 Max message per connection reached, closing transmission channel",
    after: .mail, .rateLimited, temp, .later, pattern: "connection-limits", source: yahoo),
  RealReplyCase(
    "Yahoo",
    "554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes",
    after: .endOfData, .policySpamContent, perm, .afterFix, pattern: "policy-rejection",
    source: yahooSisimai),

  // MARK: iCloud (and Proofpoint in front of it)
  RealReplyCase(
    "iCloud",
    "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137",
    after: .endOfData, .policySpamContent, perm, .afterFix, pattern: "icloud-local-policy",
    source: icloud),
  RealReplyCase(
    "iCloud", "550 5.1.1 <nobody@icloud.com>: user does not exist",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "user-unknown", source: icloud),
  RealReplyCase(
    "iCloud", "552 5.2.2 <someone@icloud.com>: user is over quota",
    after: .rcpt, .mailboxFull, perm, .afterFix, pattern: "mailbox-full", source: icloud),
  RealReplyCase(
    "iCloud",
    "421 4.7.1 Messages to someone@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137",
    after: .rcpt, .rateLimited, temp, .later, pattern: "icloud-excessive-volume", source: icloud),
  RealReplyCase(
    "iCloud",
    "554 5.7.1 Your message was rejected due to example.com's DMARC policy. See https://support.apple.com/en-us/HT204137 for",
    after: .endOfData, .dmarcFail, perm, .afterFix, pattern: "dmarc-policy", source: icloud),
  RealReplyCase(
    "Proofpoint (iCloud)",
    "550 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.1",
    after: .mail, .blocklistedIP, perm, .afterFix, pattern: "provider-ip-block", source: icloud),
  RealReplyCase(
    "iCloud", "421 4.7.0 me.com Error: too many errors",
    after: .rcpt, .serviceUnavailable, temp, .afterFix, pattern: "too-many-errors",
    source: "https://smtp.codes/icloud"),

  // MARK: Postfix
  RealReplyCase(
    "Postfix",
    "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "postfix-user-unknown",
    source: postfixCheck),
  RealReplyCase(
    "Postfix", "554 5.7.1 <someone@example.net>: Relay access denied",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied", source: postfixCheck),
  RealReplyCase(
    "Postfix", "450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]",
    after: .rcpt, .rdnsFail, temp, .afterFix, pattern: "postfix-unknown-reverse-client",
    source: postfixCheck),
  RealReplyCase(
    "Postfix", "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]",
    after: .rcpt, .rdnsFail, temp, .afterFix, pattern: "postfix-unknown-client",
    source: postfixCheck),
  RealReplyCase(
    "Postfix", "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
    after: .rcpt, .syntaxError, perm, .afterFix, pattern: "postfix-non-fqdn-helo",
    source: postfixCheck),
  RealReplyCase(
    "Postfix",
    "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1",
    after: .rcpt, .blocklistedIP, perm, .afterFix, pattern: "dnsbl-blocked-using",
    source: postfixCheck),
  RealReplyCase(
    "Postfix + postgrey",
    "450 4.2.0 <someone@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html",
    after: .rcpt, .greylisted, temp, .later, pattern: "postgrey-greylisted",
    source: "postgrey via Postfix check_policy_service (published maillog lines)"),
  RealReplyCase(
    "Postfix", "450 4.1.8 <sname@nxdomain.example>: Sender address rejected: Domain not found",
    after: .mail, .senderRejected, temp, .later, pattern: "sender-domain-not-found",
    source: postfixRef),
  RealReplyCase(
    "Postfix",
    "556 5.1.0 <rname@nullmx.example>: Recipient address rejected: Domain nullmx.example does not accept mail",
    after: .rcpt, .hostDoesNotAcceptMail, perm, .never, pattern: "domain-accepts-no-mail",
    source: postfixRef),
  RealReplyCase(
    "Postfix", "554 5.7.1 <someone@example.org>: Recipient address rejected: Access denied",
    after: .rcpt, .policySpamContent, perm, .afterFix, pattern: "postfix-access-denied",
    source: "Postfix src/smtpd/smtpd_check.c (access map REJECT); https://smtpfieldmanual.com"),
  RealReplyCase(
    "Postfix", "552 5.3.4 Message size exceeds fixed limit",
    after: .mail, .messageTooLarge, perm, .afterFix, pattern: "message-too-large",
    source: postfixCheck),
  RealReplyCase(
    "Postfix", "452 4.5.3 Error: too many recipients",
    after: .rcpt, .tooManyRecipients, temp, .later, pattern: "too-many-recipients",
    source: postfixSmtpd),
  RealReplyCase(
    "Postfix", "530 5.7.0 Must issue a STARTTLS command first",
    after: .mail, .tlsRequired, perm, .afterFix, pattern: "starttls-required", source: postfixSmtpd),
  RealReplyCase(
    "Postfix", "421 4.7.0 mx.example.org Error: too many connections from 192.0.2.1",
    after: .greeting, .rateLimited, temp, .later, pattern: "connection-limits", source: postfixSmtpd
  ),
  RealReplyCase(
    "Postfix", "250 2.0.0 Ok: queued as 4Bf1xZ3kQbz9sWd",
    after: .endOfData, .ok, done, .noneNeeded, decidedBy: .context, source: postfixSmtpd),
  RealReplyCase(
    "Postfix", "535 5.7.8 Error: authentication failed: authentication failure",
    after: .auth, .authFailed, perm, .afterFix, pattern: "auth-credentials-rejected",
    source: "Postfix src/smtpd/smtpd_sasl_proto.c"),
  RealReplyCase(
    "Postfix + pypolicyd-spf",
    "550 5.7.23 <inbox@receiver.example>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=forged@bank.example;ip=198.51.100.7;r=<UNKNOWN>",
    after: .rcpt, .spfFail, perm, .afterFix, pattern: "spf-fail",
    source: "pypolicyd-spf policyd-spf.py (EXPLANATIONS) as logged by Postfix"),

  // MARK: Exim
  RealReplyCase(
    "Exim", "550 Unrouteable address",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "exim-unrouteable-address", source: exim),
  RealReplyCase(
    "Exim", "550 relay not permitted",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied", source: exim),
  RealReplyCase(
    "Exim", "550 rejected because 192.0.2.1 is in a black list at zen.spamhaus.org",
    after: .rcpt, .blocklistedIP, perm, .afterFix, pattern: "exim-black-list", source: exim),
  RealReplyCase(
    "Exim", "552 Message size exceeds maximum permitted",
    after: .mail, .messageTooLarge, perm, .afterFix, pattern: "message-too-large", source: exim),
  RealReplyCase(
    "Exim",
    "550-Verification failed for <root@myhost>\r\n550-Unrouteable address\r\n550 Sender verify failed",
    after: .rcpt, .senderRejected, perm, .afterFix, pattern: "sender-rejected",
    source: "Exim sender verification (verify = sender), published bounce"),
  RealReplyCase(
    "Exim", "535 Incorrect authentication data",
    after: .auth, .authFailed, perm, .afterFix, pattern: "auth-credentials-rejected",
    source: "Exim src/smtp_in.c (AUTH failure)"),
  RealReplyCase(
    "Exim + SpamCop",
    "550 5.7.1 Message rejected because <203.0.113.50> is in a black list at bl.spamcop.net",
    after: .rcpt, .blocklistedIP, perm, .afterFix, pattern: "exim-black-list", source: exim),

  // MARK: Sendmail
  RealReplyCase(
    "Sendmail", "550 5.1.1 <nobody@example.com>... User unknown",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "user-unknown", source: sendmail),
  RealReplyCase(
    "Sendmail",
    "550 5.7.1 <someone@example.net>... Relaying denied. Proper authentication required.",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied", source: sendmail),
  RealReplyCase(
    "Sendmail",
    "553 5.1.8 <a@nowhere.example>... Domain of sender address a@nowhere.example does not exist",
    after: .mail, .senderRejected, perm, .afterFix, pattern: "sender-domain-not-found",
    source: sendmail),

  RealReplyCase(
    "ASSP", "451 4.7.1 Please try again later",
    after: .rcpt, .greylisted, temp, .later, pattern: "please-try-again-later",
    source: "ASSP assp.pl configuration (DelayError default reply)"),

  // MARK: Mimecast
  RealReplyCase(
    "Mimecast",
    "451 Internal resources are temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451 [AbCdEf]",
    after: .rcpt, .greylisted, temp, .later, pattern: "mimecast-greylisting", source: mimecast),
  RealReplyCase(
    "Mimecast",
    "550 Rejected by header based Anti-Spoofing policy: someone@example.com - https://community.mimecast.com/docs/DOC-1369#550 [AbCdEf]",
    after: .endOfData, .policySpamContent, perm, .afterFix, pattern: "mimecast-policy",
    source: mimecast),
  RealReplyCase(
    "Mimecast", "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [AbCdEf]",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "user-unknown", source: mimecast),

  // MARK: Zoho
  RealReplyCase(
    "Zoho", "451 4.7.1 Greylisted, try again after some time",
    after: .rcpt, .greylisted, temp, .later, pattern: "zoho-greylisted", source: zoho),
  RealReplyCase(
    "Zoho", "550 5.1.1 User does not exist - <nobody@zoho.com>",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "user-unknown", source: zoho),
  RealReplyCase(
    "Zoho", "554 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam.",
    after: .rcpt, .policySpamContent, perm, .afterFix, pattern: "spam-detected", source: zoho),

  // MARK: SORBS users
  RealReplyCase(
    "Postfix + SORBS",
    "554 Service unavailable; Client host [192.0.2.1] blocked using dnsbl.sorbs.net; See: http://www.dnsbl.sorbs.net/lookup.shtml",
    after: .rcpt, .blocklistedIP, perm, .afterFix, pattern: "dnsbl-blocked-using",
    source: "https://math.fel.cvut.cz/0misc/undelivered.html"),
  RealReplyCase(
    "SORBS user",
    "550 5.7.1 Your message was rejected because the IP address of the server sending your message is in the block list of the SORBS service.",
    after: .rcpt, .blocklistedIP, perm, .afterFix, pattern: "named-blocklist",
    source: "https://catlingmindswipe.blogspot.com/2014/12/how-to-understand-dns-black-listing.html"
  ),

  // MARK: GMX / Web.de, Barracuda, Yandex
  RealReplyCase(
    "GMX",
    "554-gmx.net (mxgmx104) Nemesis ESMTP Service not available\r\n554-No SMTP service\r\n554-IP address is block listed.\r\n554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42&r=1MNcgj-1ue23t3pyV-00S2YR",
    after: .greeting, .blocklistedIP, perm, .afterFix, pattern: "provider-ip-block", source: gmx),
  RealReplyCase(
    "GMX",
    "550 <someone@gmx.net>: Reject due to SPF policy. The originating IP of the message is not permitted by the domain owner",
    after: .rcpt, .spfFail, perm, .afterFix, pattern: "spf-fail", source: gmx),
  RealReplyCase(
    "Barracuda",
    "554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; http://bbl.barracudacentral.com/q.cgi?ip=192.0.2.1",
    after: .endOfData, .blocklistedIP, perm, .afterFix, pattern: "dnsbl-blocked-using",
    source: "https://luxsci.com/blog/?p=16857"),
  RealReplyCase(
    "Yandex",
    "554 5.7.1 Message rejected under suspicion of SPAM; https://ya.cc/1IrBc 1700000000-AbCdEf",
    after: .endOfData, .policySpamContent, perm, .afterFix, pattern: "spam-detected",
    source:
      "https://yandex.com/support/mail/bounces/yandex/message-rejected-under-suspicion-of-spam.html"
  ),
]
