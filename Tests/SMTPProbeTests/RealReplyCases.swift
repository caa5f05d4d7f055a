import SMTPProbeCore

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
private let gmailTable =
  "https://support.google.com/a/answer/3726730 (Gmail SMTP errors and codes, full table)"
private let postscreen =
  "Postfix src/postscreen/postscreen_early.c, postscreen_smtpd.c, postscreen_send.c"
private let msOnPrem =
  "https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-server"
private let msLoop =
  "https://blog.concurrency.com/blog/w/office-365-returns-ndrs-to-inbound-email; sisimai lib/Sisimai/Rhost/Microsoft.pm"
private let mimecastSamples = "https://wordtothewise.com/2018/07/who-are-mimecast"
private let tOnline =
  "https://postmaster.t-online.de/index.en.html; https://www.spamresource.com/2020/06/whoops-t-onlinede-not-accepting-mail.html"
private let orange = "https://bentonow.com/smtp-errors/orange (OFR codes)"
private let qq = "https://smtp.codes/qq"
private let mailruNotAccept =
  "Mail.ru replies listed in bouncehammer and sisimai lib/Sisimai/Reason/NotAccept.pm"
private let momentum = "SparkPost Momentum documentation, responses-by-message (550 5.6.0 rows)"

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
  // MARK: More sources: MTA source strings
  RealReplyCase(
    "Postfix postscreen", "550 5.5.1 Protocol error",
    after: .ehlo, .badSequence, perm, .afterFix, pattern: "postscreen-protocol-error",
    source: postscreen),
  RealReplyCase(
    "Postfix postscreen", "521 5.5.1 Protocol error",
    after: .ehlo, .badSequence, perm, .afterFix, pattern: "postscreen-protocol-error",
    source: "\(postscreen); nmap smtp-commands output 'EHLO 521 5.5.1 Protocol error'"),
  RealReplyCase(
    "Postfix postscreen", "421 4.3.2 All server ports are busy",
    after: .greeting, .serviceUnavailable, temp, .later, decidedBy: .enhancedCode,
    source: "Postfix src/postscreen/postscreen_smtpd.c and postscreen_endpt.c"),
  RealReplyCase(
    "Exim", "554 SMTP synchronization error",
    after: .greeting, .badSequence, perm, .afterFix, pattern: "smtp-synchronization-error",
    source: "Exim src/smtp_in.c (check_sync before the banner)"),
  RealReplyCase(
    "Exim", "550 Administrative prohibition",
    after: .rcpt, .policySpamContent, perm, .afterFix,
    pattern: "exim-administrative-prohibition", source: "Exim src/acl.c (default deny message)"),
  RealReplyCase(
    "Exim + greylistd",
    "451 192.0.2.1 is not yet authorized to deliver mail from <a@example.org> to <b@example.net>. Please try later.",
    after: .rcpt, .greylisted, temp, .later, pattern: "greylisting",
    source: "greylistd README (Exim ACL defer message); reacher check-if-email-exists comments"),
  RealReplyCase(
    "milter-greylist", "451 4.7.1 Greylisting in action, please come back in 00:05:00",
    after: .rcpt, .greylisted, temp, .later, pattern: "greylisting",
    source: "milter-greylist milter-greylist.c (default report)"),
  RealReplyCase(
    "qmail", "550 Sorry, no mailbox here by that name. (#5.1.1)",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "user-unknown",
    source: "qmail-local / vpopmail vdelivermail.c (bounce text reused by chkuser)"),
  RealReplyCase(
    "qmail", "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied",
    source: "qmail qmail-smtpd.c (err_nogateway)"),
  RealReplyCase(
    "Sendmail",
    "550 5.7.1 <someone@example.net>... Relaying denied. IP name lookup failed [192.0.2.1]",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied",
    source: "Sendmail cf/m4/proto.m4 (Relaying denied. IP name lookup failed)"),
  RealReplyCase(
    "Postfix + policyd-spf-perl",
    "550 5.7.1 <dennis@example.org>: Recipient address rejected: Message rejected due to: domain owner discourages use of this host. Please see http://www.openspf.net/Why?s=helo;id=mx-out.example.com;ip=192.0.2.1;r=dennis@example.org",
    after: .rcpt, .spfFail, perm, .afterFix, pattern: "spf-fail",
    source: "postfix-policyd-spf-perl (default_authority_explanation); published maillog"),

  // MARK: More sources: Microsoft Exchange and Exchange Online
  RealReplyCase(
    "Exchange", "530 5.7.1 Client was not authenticated",
    after: .mail, .authRequired, perm, .afterFix, pattern: "microsoft-client-not-authenticated",
    source: msOnPrem),
  RealReplyCase(
    "Exchange Online", "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied", source: msNDR),
  RealReplyCase(
    "Exchange Online", "550 5.4.1 Relay Access Denied",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied", source: msLoop),
  RealReplyCase(
    "Exchange Online",
    "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.",
    after: .mail, .senderRejected, perm, .afterFix, pattern: "unverified-sending-identity",
    source: msNDR),
  RealReplyCase(
    "Exchange Online", "550 5.7.510 Access denied, example.com does not accept email over IPv6",
    after: .rcpt, .policySpamContent, perm, .afterFix, pattern: "microsoft-no-ipv6",
    source: "\(msNDR); https://relaymetry.com/outlook-5-7-510-no-ipv6"),
  RealReplyCase(
    "Exchange Online",
    "550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)",
    after: .endOfData, .policySpamContent, perm, .afterFix,
    pattern: "microsoft-external-forwarding", source: msNDR),
  RealReplyCase(
    "Exchange Online",
    "554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [AM5EUR02FT037.eop-EUR02.prod.protection.outlook.com]",
    after: .endOfData, .mailLoop, perm, .afterFix, pattern: "mail-loop", source: msLoop),
  RealReplyCase(
    "Exchange", "554 5.4.6 Hop count exceeded - possible mail loop",
    after: .endOfData, .mailLoop, perm, .afterFix, pattern: "mail-loop", source: msLoop),

  // MARK: More sources: Gmail's full table
  RealReplyCase(
    "Gmail", "421 4.7.0 IP not in whitelist for RCPT domain, closing connection.",
    after: .rcpt, .policySpamContent, temp, .afterFix, pattern: "gmail-ip-not-allowlisted",
    source: gmailTable),
  RealReplyCase(
    "Gmail", "421 4.4.5 Server busy, try again later.",
    after: .greeting, .serviceUnavailable, temp, .later, pattern: "server-busy",
    source: gmailTable),
  RealReplyCase(
    "Gmail",
    "451 4.3.0 Multiple destination domains per transaction is unsupported. Please try again.",
    after: .rcpt, .tooManyRecipients, temp, .later, pattern: "too-many-recipients",
    source: gmailTable),
  RealReplyCase(
    "Gmail", "451 4.5.0 SMTP protocol violation, see RFC 2821.",
    after: .endOfData, .badSequence, temp, .afterFix, pattern: "smtp-synchronization-error",
    source: gmailTable),
  RealReplyCase(
    "Gmail",
    "454 4.5.0 SMTP protocol violation, no commands allowed to pipeline after STARTTLS, see RFC 3207.",
    after: .startTLS, .badSequence, temp, .afterFix, pattern: "smtp-synchronization-error",
    source: gmailTable),
  RealReplyCase(
    "Gmail",
    "450 4.2.1 Peak SMTP relay limit exceeded for customer. This is a temporary error. For more information on SMTP relay limits, please contact your administrator.",
    after: .mail, .rateLimited, temp, .later, pattern: "rate-limited", source: gmailTable),
  RealReplyCase(
    "Gmail",
    "452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction.",
    after: .rcpt, .tooManyRecipients, temp, .later, pattern: "too-many-recipients",
    source: gmailTable),
  RealReplyCase(
    "Gmail", "554 5.6.0 Message exceeded 50 hops, this may indicate a mail loop.",
    after: .endOfData, .mailLoop, perm, .afterFix, pattern: "mail-loop", source: gmailTable),
  RealReplyCase(
    "Gmail",
    "550 5.7.0 Mail relay denied [192.0.2.1]. Invalid credentials for relay for one of the domains in: example.com (as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your Workspace account.",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied", source: gmailTable),
  RealReplyCase(
    "Gmail", "550 5.4.5 Daily SMTP relay limit exceeded for user.",
    after: .mail, .rateLimited, perm, .afterFix, pattern: "rate-limited", source: gmailTable),
  RealReplyCase(
    "Gmail", "553 5.1.3 The recipient address <bob@example> is not a valid RFC 5321 address.",
    after: .rcpt, .addressSyntax, perm, .afterFix, pattern: "invalid-rfc5321-address",
    source: gmailTable),
  RealReplyCase(
    "Gmail", "553 5.1.7 The sender address <alice@example> is not a valid RFC 5321 address.",
    after: .mail, .addressSyntax, perm, .afterFix, pattern: "invalid-rfc5321-address",
    source: gmailTable),
  RealReplyCase(
    "Gmail",
    "553 5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors, and make sure you didn't enter any spaces, periods, or other punctuation after the recipient's email address.",
    after: .rcpt, .domainUnknown, perm, .never, decidedBy: .enhancedCode,
    source: gmailTable),
  RealReplyCase(
    "Gmail",
    "550 5.7.1 This message violates example.com email policy. - gcdp <1234567890> - gsmtp",
    after: .endOfData, .policySpamContent, perm, .afterFix, decidedBy: .enhancedCode,
    source: gmailTable),
  RealReplyCase(
    "Gmail", "451 4.4.2 Timeout - closing connection.",
    after: .endOfData, .serviceUnavailable, temp, .later, decidedBy: .enhancedCode,
    source: gmailTable),

  // MARK: More sources: European and Chinese providers
  RealReplyCase(
    "T-Online",
    "554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)",
    after: .greeting, .blocklistedIP, perm, .afterFix, pattern: "t-online-ip-block",
    source: tOnline),
  RealReplyCase(
    "T-Online",
    "554 IP=192.0.2.1 - None/bad reputation. Ask your postmaster for help or to contact <postmaster@rx.t-online.de> for reset. (NOWL)",
    after: .greeting, .blocklistedIP, perm, .afterFix, pattern: "t-online-ip-block",
    source:
      "https://timmehosting.de/leitfaden-wenn-t-online-e-mails-blockiert-ursachen-und-loesungen"
  ),
  RealReplyCase(
    "T-Online",
    "554 Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)",
    after: .greeting, .blocklistedIP, perm, .afterFix, pattern: "t-online-ip-block",
    source:
      "https://help.creoline.com/en/doc/t-online-554-dialuptransient-ip-not-allowed-zVwMz4z866"
  ),
  RealReplyCase(
    "Orange",
    "421 mwinf5c11 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]",
    after: .greeting, .rateLimited, temp, .later, pattern: "orange-throttling", source: orange),
  RealReplyCase(
    "Orange",
    "421 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_105 [105]",
    after: .mail, .rateLimited, temp, .later, pattern: "orange-throttling", source: orange),
  RealReplyCase(
    "QQ Mail",
    "550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725",
    after: .rcpt, .rateLimited, perm, .later, pattern: "qq-frequency-limited",
    source:
      "\(qq); https://www.computersolutions.cn/blog/qq-mail-550-ip-frequency-limited-errors-and-how-to-solve-them/"
  ),
  RealReplyCase(
    "QQ Mail",
    "550 Mail content denied. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726",
    after: .endOfData, .policySpamContent, perm, .afterFix, pattern: "spam-detected", source: qq),
  RealReplyCase(
    "QQ Mail",
    "550 Mailbox not found. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "user-unknown", source: qq),

  // MARK: More sources: gateways and sending services
  RealReplyCase(
    "Mimecast",
    "550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550",
    after: .rcpt, .senderRejected, perm, .afterFix, pattern: "mimecast-blocked-sender",
    source: mimecastSamples),
  RealReplyCase(
    "Mimecast",
    "550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550",
    after: .rcpt, .senderRejected, perm, .afterFix, pattern: "mimecast-blocked-sender",
    source: mimecastSamples),
  RealReplyCase(
    "Mimecast",
    "550 Rejected by header based Blocked Senders: someone@example.com - https://community.mimecast.com/docs/DOC-1369#550",
    after: .endOfData, .senderRejected, perm, .afterFix, pattern: "mimecast-blocked-sender",
    source: mimecastSamples),
  RealReplyCase(
    "Amazon SES",
    "554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: alice@example.com",
    after: .endOfData, .senderRejected, perm, .afterFix, pattern: "unverified-sending-identity",
    source: "https://repost.aws/knowledge-center/ses-554-400-message-rejected-error"),
  RealReplyCase(
    "SparkPost", "550 5.7.1 Unconfigured Sending Domain <example.com>",
    after: .endOfData, .senderRejected, perm, .afterFix, pattern: "unverified-sending-identity",
    source: "https://support.sparkpost.com/docs/user-guide/unconfigured-sending-domain"),
  RealReplyCase(
    "SendGrid", "550 The from address does not match a verified Sender Identity",
    after: .mail, .senderRejected, perm, .afterFix, pattern: "unverified-sending-identity",
    source: "SendGrid SMTP relay replies as quoted in published application logs and tests"),
  // MARK: More sources: Yahoo help pages, Comcast, Exchange 2003, Gandi, Plesk
  RealReplyCase(
    "Yahoo", "421 4.7.1 [TS03] All messages from 192.0.2.1 permanently deferred",
    after: .mail, .blocklistedIP, temp, .afterFix, pattern: "yahoo-permanently-deferred",
    source: "https://help.yahoo.com/kb/SLN3436.html"),
  RealReplyCase(
    "Yahoo", "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)",
    after: .rcpt, .rateLimited, temp, .later, pattern: "yahoo-excessive-unknown-recipients",
    source: "http://help.yahoo.com/l/in/yahoo/mail/original/abuse/abuse-57.html"),
  RealReplyCase(
    "Yahoo",
    "554 delivery error: dd Sorry, your message to someone@yahoo.com cannot be delivered. This account is over quota.",
    after: .rcpt, .mailboxFull, perm, .afterFix, pattern: "mailbox-full",
    source: "http://help.yahoo.com/l/in/yahoo/mail/original/abuse/abuse-57.html"),
  RealReplyCase(
    "Yahoo",
    "451 mta1234.mail.bf1.yahoo.com Resources temporarily unavailable. Please try again later [#4.16.1].",
    after: .endOfData, .serviceUnavailable, temp, .later, pattern: "server-busy",
    source: "https://smtp.codes/yahoo"),
  RealReplyCase(
    "Comcast",
    "554 example.com example.com 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000010",
    after: .greeting, .blocklistedIP, perm, .afterFix, pattern: "isp-block-codes",
    source:
      "https://www.plesk.com/kb/support/unable-to-send-mail-in-plesk-error-554-host-refused-to-talk-to-me/; http://postmaster.comcast.net/mail-error-codes.html"
  ),
  RealReplyCase(
    "Comcast", "421 - [Too many sessions opened]",
    after: .greeting, .rateLimited, temp, .later, pattern: "connection-limits",
    source: "http://security.comcast.net/get-help/Mail-Delivery-Error-Messages.aspx"),
  RealReplyCase(
    "Comcast", "421 - [Reverse DNS failure : Try again later]",
    after: .greeting, .rdnsFail, temp, .later, pattern: "reverse-dns-failure",
    source: "http://security.comcast.net/get-help/Mail-Delivery-Error-Messages.aspx"),
  RealReplyCase(
    "Exchange 2003",
    "550 #5.7.1 Your access to submit messages to this e-mail system has been rejected.",
    after: .rcpt, .policySpamContent, perm, .afterFix, pattern: "policy-rejection",
    source: "https://pastebin.com/jhdNMiyp (Postfix bounce quoting the Exchange reply)"),
  RealReplyCase(
    "Gandi", "550 5.7.1 Reject for policy reason RULE3_2. See http://postmaster.gandi.net",
    after: .endOfData, .policySpamContent, perm, .afterFix, decidedBy: .enhancedCode,
    source: "https://github.com/Scille/parsec-cloud/issues/1751"),
  RealReplyCase(
    "Plesk host", "554 5.7.1 You are not allowed to connect.",
    after: .greeting, .blocklistedIP, perm, .afterFix, pattern: "ip-blocked-wording",
    source:
      "https://www.plesk.com/kb/support/unable-to-send-mail-in-plesk-error-554-host-refused-to-talk-to-me/"
  ),
  // MARK: More sources: Mail.ru and Yandex (quoted in published logs and bounce parsers)
  RealReplyCase(
    "Mail.ru",
    "550 Message was not accepted -- invalid mailbox.  Local mailbox someone@mail.ru is unavailable: user not found",
    after: .endOfData, .mailboxUnknown, perm, .never, pattern: "user-unknown",
    source:
      "Postfix maillog lines quoted in bounce-parser tests ('in reply to end of DATA command')"),
  RealReplyCase(
    "Mail.ru",
    "550 Message was not accepted -- invalid mailbox.  Local mailbox someone@mail.ru is unavailable: account is disabled",
    after: .endOfData, .mailboxDisabled, perm, .never, pattern: "mailbox-disabled",
    source: "a Rust bounce classifier's Mail.ru reply regexes (public GitHub code)"),
  RealReplyCase(
    "Mail.ru",
    "550 Message was not accepted -- invalid mailbox.  Local mailbox someone@mail.ru is unavailable: user is terminated",
    after: .endOfData, .mailboxDisabled, perm, .never, pattern: "mailbox-disabled",
    source: "a Go bounce parser's test fixture (Diagnostic-Code from mxs.mail.ru)"),
  RealReplyCase(
    "Yandex", "550 5.7.1 No such user!",
    after: .rcpt, .mailboxUnknown, perm, .never, pattern: "user-unknown",
    source: "Yandex nwsmtp tests (mxfront case); Postfix maillog lines in bounce parsers"),
  RealReplyCase(
    "Yandex", "550 5.7.1 Policy rejection on the target address",
    after: .rcpt, .policySpamContent, perm, .afterFix, decidedBy: .enhancedCode,
    source: "Yandex replies listed in a public SMTP checker's tests (not an official page)"),
  // MARK: QA misreadings: 550s that are not about a missing mailbox
  RealReplyCase(
    "qpsmtpd", "550 Relaying not permitted",
    after: .rcpt, .relayDenied, perm, .afterFix, pattern: "relay-denied",
    source: "qpsmtpd/Haraka test transcript; KumoMTA kumod smtp_server.rs"),
  RealReplyCase(
    "Mail.ru", "550 we do not accept mail from dynamic ips",
    after: .rcpt, .blocklistedIP, perm, .afterFix, pattern: "dynamic-ip-refused",
    source: mailruNotAccept),
  RealReplyCase(
    "Mail.ru", "550 we do not accept mail from hosts with dynamic ip or generic dns ptr-records",
    after: .rcpt, .rdnsFail, perm, .afterFix, pattern: "generic-ptr-record",
    source: mailruNotAccept),
  RealReplyCase(
    "Apache", "550 Domain Blocked - Spam. Contact abuse@infra.apache.org",
    after: .rcpt, .senderRejected, perm, .afterFix, pattern: "sender-domain-blocked",
    source: "Apache Software Foundation mail relay (infra.apache.org), QA report"),
  RealReplyCase(
    "SparkPost", "550 5.6.0 Lone CR or LF in body (see RFC2822 section 2.3)",
    after: .endOfData, .syntaxError, perm, .afterFix, pattern: "bare-lf-refused",
    source: momentum),
  RealReplyCase(
    "SparkPost", "550 5.6.0 Missing required RFC2822 Date field (see RFC2822 section 3.6)",
    after: .endOfData, .syntaxError, perm, .afterFix, pattern: "malformed-message",
    source: momentum),
  RealReplyCase(
    "Forpsi",
    "550 5.1.0 <someone@example.cz> policy violation, see https://support.forpsi.com/kb/a4081",
    after: .rcpt, .policySpamContent, perm, .afterFix, pattern: "policy-violation",
    source: "https://support.forpsi.com/kb/a4081"),
  RealReplyCase(
    "Barracuda", "550 permanent failure for one or more recipients (bob@example.org:blocked)",
    after: .endOfData, .policySpamContent, perm, .afterFix,
    pattern: "barracuda-recipient-blocked",
    source: "https://www.suped.com (Barracuda bounce examples)"),
  RealReplyCase(
    "Proofpoint", "550 5.7.1 Message rejected per sender's SPF policy - OXSUS001_514",
    after: .rcpt, .spfFail, perm, .afterFix, pattern: "spf-fail",
    source: "404andmore.com: Proofpoint Essentials SPF rejection"),
  RealReplyCase(
    "Amazon SES",
    "554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: someone@example.com",
    after: .endOfData, .senderRejected, perm, .afterFix,
    pattern: "unverified-sending-identity",
    source: "https://repost.aws/knowledge-center/ses-554-400-message-rejected-error"),
  RealReplyCase(
    "smtpd", "454 Session is already encrypted.",
    after: .startTLS, .badSequence, temp, .afterFix, pattern: "tls-already-active",
    source: "reply to a second STARTTLS (QA transcript); RFC 3207 section 4.2"),
]

/// Replies with no mailbox phrase and no X.1.x code: whatever they are, they must not be read
/// as an unknown mailbox (550 is "mailbox unavailable", which servers use for policy too).
let notMailboxUnknownCases: [RealReplyCase] = [
  RealReplyCase(
    "SparkPost", "550 5.6.0 Header line too long (see RFC2822 section 3.5)",
    after: .endOfData, .syntaxError, perm, .afterFix, pattern: "line-too-long",
    source: momentum),
  RealReplyCase(
    "SparkPost", "550 5.6.0 Body line too long",
    after: .endOfData, .syntaxError, perm, .afterFix, pattern: "line-too-long", source: momentum),
  RealReplyCase(
    "Postfix", "550 5.7.1 <bob@example.org>: Recipient address rejected: Access denied",
    after: .rcpt, .policySpamContent, perm, .afterFix, pattern: "postfix-access-denied",
    source: postfixCheck),
  RealReplyCase(
    "Exim", "550 Administrative prohibition",
    after: .rcpt, .policySpamContent, perm, .afterFix,
    pattern: "exim-administrative-prohibition", source: exim),
  RealReplyCase(
    "RFC 5321", "550 Requested action not taken",
    after: .rcpt, .other, perm, .afterFix, decidedBy: .context,
    source: "RFC 5321 section 4.2.2 (550 with no reason given)"),
  RealReplyCase(
    "RFC 5321", "550 Requested action not taken",
    after: nil, .other, perm, .afterFix, decidedBy: .replyCode,
    source: "RFC 5321 section 4.2.2 (550 with no reason given)"),
]
