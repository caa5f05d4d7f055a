import SMTPProbeCore
import Testing

/// A reply seen in the wild to a RCPT (or an earlier step) and the verdict verify must give.
///
/// IPs and addresses are replaced by documentation values (RFC 5737, RFC 2606).
struct VerifyJudgementCase: Sendable, CustomTestStringConvertible {
  var id: String
  /// The step the reply answered; `.rcpt` for the recipient.
  var step: CommandKind
  var raw: String
  var verdict: VerifyVerdict
  var reason: String
  /// For `prober-refused`, the classifier category expected; nil to not check.
  var refusal: DiagnosisCategory?
  var source: String
  var testDescription: String { id }

  init(
    _ id: String, _ raw: String, _ verdict: VerifyVerdict, _ reason: String,
    refusal: DiagnosisCategory? = nil, source: String
  ) {
    self.init(id, .rcpt, raw, verdict, reason, refusal: refusal, source: source)
  }

  init(
    _ id: String, _ step: CommandKind, _ raw: String, _ verdict: VerifyVerdict,
    _ reason: String, refusal: DiagnosisCategory? = nil, source: String
  ) {
    self.id = id
    self.step = step
    self.raw = raw
    self.verdict = verdict
    self.reason = reason
    self.refusal = refusal
    self.source = source
  }
}

private let postfixCheck = "Postfix src/smtpd/smtpd_check.c (reject replies and their defaults)"
private let postfixRBL =
  "Postfix postconf(5) default_rbl_reply: \"$rbl_code Service unavailable; $rbl_class [$rbl_what] blocked using $rbl_domain${rbl_reason?; $rbl_reason}\""
private let postgrey = "postgrey(8) default --greylist-text, as logged by Postfix"
private let gmail = "https://support.google.com/a/answer/3726730 (Gmail SMTP errors and codes)"
private let outlook =
  "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"
private let outlookBlock =
  "https://learn.microsoft.com/defender-office-365/email-security-in-microsoft-defender (5.7.606-649 banned sending IP); sisimai lib/Sisimai/Rhost/Microsoft.pm"
private let yahoo = "https://senders.yahooinc.com/smtp-error-codes"
private let exim = "Exim src/smtp_in.c, src/acl.c and the default configure ACLs"
private let sendmail = "Sendmail cf/m4/proto.m4 and published sendmail transcripts"
private let icloud = "https://smtp.codes/icloud; sisimai lib/Sisimai/Rhost/Apple.pm"
private let barracuda =
  "https://campus.barracuda.com/product/emailsecuritygateway/doc/ (BRBL reply)"
private let rfc7505 = "Postfix src/smtpd/smtpd_nullmx.ref (RFC 7505 null MX at RCPT)"

private let comcast = "http://postmaster.comcast.net/smtp-error-codes.php (BL000000)"
private let yahooBL = "https://senders.yahooinc.com/smtp-error-codes ([BL21] Spamhaus listing)"
private let proofpoint = "https://ipcheck.proofpoint.com (Proofpoint Essentials/PPS block reply)"
private let spamcop =
  "https://www.spamcop.net/fom-serve/cache/297.html (sendmail dnsbl FEATURE reply)"
private let tOnline = "https://postmaster.t-online.de/index.en.html"
private let yandex = "sisimai lib/Sisimai/Rhost and published Yandex bounces (\"No such user!\")"
private let mailru = "sisimai lib/Sisimai/Reason/UserUnknown.pm (Mail.ru reply)"
private let outlookCom =
  "https://www.spamresource.com/2023/09/microsoft-multiple-types-of-invalid.html"
private let zoho = "sisimai lib/Sisimai/Rhost/Zoho.pm (Zoho replies seen in Postfix logs)"
private let gmailRate = "https://support.google.com/a/answer/3726730 (421 4.7.0 unsolicited rate)"

let verifyJudgementCases: [VerifyJudgementCase] = [
  // MARK: The prober refused: never undeliverable.
  VerifyJudgementCase(
    "Postfix + Spamhaus ZEN at RCPT",
    "554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.25",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: postfixRBL),
  VerifyJudgementCase(
    "Exchange Online + Spamhaus",
    "550 5.7.1 Service unavailable, Client host [192.0.2.25] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.25 (AS3130). [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: outlook),
  VerifyJudgementCase(
    "Barracuda reputation",
    "554 Service unavailable; Client host [192.0.2.25] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.25",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: barracuda),
  VerifyJudgementCase(
    "Exchange Online banned sending IP",
    "550 5.7.606 Access denied, banned sending IP [192.0.2.25]. To request removal from this list please visit https://sender.office.com/ and follow the directions.",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: outlookBlock),
  VerifyJudgementCase(
    "Postfix reject_unknown_client_hostname (no PTR), 4xx",
    "450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.25]",
    .unknown, "prober-refused", refusal: .rdnsFail, source: postfixCheck),
  VerifyJudgementCase(
    "Postfix reject_unknown_reverse_client_hostname, 5xx",
    "550 5.7.25 Client host rejected: cannot find your reverse hostname, [192.0.2.25]",
    .unknown, "prober-refused", refusal: .rdnsFail, source: postfixCheck),
  VerifyJudgementCase(
    "Postfix check_client_access REJECT",
    "554 5.7.1 <unknown[192.0.2.25]>: Client host rejected: Access denied",
    .unknown, "prober-refused", source: postfixCheck),
  VerifyJudgementCase(
    "Postfix sender restriction evaluated at RCPT",
    "553 5.7.1 <probe@example.net>: Sender address rejected: not owned by user probe",
    .unknown, "prober-refused", refusal: .senderRejected, source: postfixCheck),
  VerifyJudgementCase(
    "Postfix reject_unknown_sender_domain at RCPT",
    "450 4.1.8 <probe@example.net>: Sender address rejected: Domain not found",
    .unknown, "prober-refused", refusal: .senderRejected, source: postfixCheck),
  VerifyJudgementCase(
    "Postfix HELO restriction evaluated at RCPT",
    "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
    .unknown, "prober-refused", source: postfixCheck),
  VerifyJudgementCase(
    "Postfix relay refusal",
    "554 5.7.1 <bob@example.org>: Relay access denied",
    .unknown, "prober-refused", refusal: .relayDenied, source: postfixCheck),
  VerifyJudgementCase(
    "Gmail: IP not authorized to send directly",
    "550-5.7.1 [192.0.2.25] The IP you're using to send mail is not authorized to\r\n550-5.7.1 send email directly to our servers. Please use the SMTP relay at your\r\n550-5.7.1 service provider instead. Learn more at\r\n550 5.7.1  https://support.google.com/mail/?p=NotAuthorizedError a1si1234567 - gsmtp",
    .unknown, "prober-refused", source: gmail),
  VerifyJudgementCase(
    "Gmail: PTR missing",
    "550-5.7.25 [192.0.2.25] The IP address sending this message does not have a\r\n550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not\r\n550-5.7.25 point to the sending IP. As a policy, Gmail does not accept messages\r\n550 5.7.25 from IPs with missing PTR records. a1si1234567 - gsmtp",
    .unknown, "prober-refused", refusal: .rdnsFail, source: gmail),
  VerifyJudgementCase(
    "Yahoo deferral of the IP",
    "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    .unknown, "prober-refused", source: yahoo),
  VerifyJudgementCase(
    "AUTH required at RCPT",
    "530 5.7.0 Authentication required",
    .unknown, "prober-refused", refusal: .authRequired, source: "RFC 4954 6; " + exim),
  VerifyJudgementCase(
    "Exim DNSBL ACL",
    "550 Rejected because 192.0.2.25 is in a black list at zen.spamhaus.org",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: exim),
  VerifyJudgementCase(
    "MAIL FROM refused", .mail,
    "553 5.1.8 <probe@example.net>... Domain of sender address probe@example.net does not exist",
    .unknown, "prober-refused", source: sendmail),
  VerifyJudgementCase(
    "STARTTLS required at MAIL", .mail,
    "530 5.7.0 Must issue a STARTTLS command first",
    .unknown, "prober-refused", refusal: .tlsRequired, source: "RFC 3207 4; " + postfixCheck),
  VerifyJudgementCase(
    "EHLO name refused", .ehlo,
    "550 5.7.1 Helo name localhost is not acceptable",
    .unknown, "prober-refused", source: exim),
  VerifyJudgementCase(
    "greeting: Postfix postscreen DNSBL", .greeting,
    "554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: postfixRBL),

  VerifyJudgementCase(
    "Comcast block",
    "554 resimta-po-13v.sys.comcast.net comcast 192.0.2.25 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000",
    .unknown, "prober-refused", source: comcast),
  VerifyJudgementCase(
    "Yahoo BL21 Spamhaus",
    "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: yahooBL),
  VerifyJudgementCase(
    "Proofpoint block",
    "554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.25",
    .unknown, "prober-refused", source: proofpoint),
  VerifyJudgementCase(
    "SpamCop via sendmail dnsbl",
    "550 5.7.1 Mail from 192.0.2.25 refused - see http://www.spamcop.net/bl.shtml?192.0.2.25",
    .unknown, "prober-refused", refusal: .blocklistedIP, source: spamcop),
  VerifyJudgementCase(
    "t-online IP block", .greeting,
    "554 IP=192.0.2.25 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)",
    .unknown, "prober-refused", source: tOnline),
  VerifyJudgementCase(
    "Gmail unsolicited rate",
    "421-4.7.0 [192.0.2.25 15] Our system has detected an unusual rate of\r\n421-4.7.0 unsolicited mail originating from your IP address. To protect our\r\n421-4.7.0 users from spam, mail sent from your IP address has been temporarily\r\n421 4.7.0 rate limited. a1si1234567 - gsmtp",
    .unknown, "prober-refused", source: gmailRate),
  // MARK: The address does not exist.
  VerifyJudgementCase(
    "Yandex no such user (5.7.1 naming the mailbox)",
    "550 5.7.1 No such user!",
    .undeliverable, "mailbox-unknown", source: yandex),
  VerifyJudgementCase(
    "Mail.ru user not found",
    "550 Message was not accepted -- invalid mailbox.  Local mailbox nobody@mail.ru is unavailable: user not found",
    .undeliverable, "mailbox-unknown", source: mailru),
  VerifyJudgementCase(
    "Outlook.com mailbox unavailable",
    "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [BN1NAM02FT012.eop-nam02.prod.protection.outlook.com]",
    .undeliverable, "mailbox-unknown", source: outlookCom),
  VerifyJudgementCase(
    "Zoho user does not exist",
    "550 5.1.1 User does not exist - <nobody@zoho.com>",
    .undeliverable, "mailbox-unknown", source: zoho),
  VerifyJudgementCase(
    "Gmail no such user",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550-5.1.1 double-checking the recipient's email address for typos or\r\n550-5.1.1 unnecessary spaces. Learn more at\r\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si1234567 - gsmtp",
    .undeliverable, "mailbox-unknown", source: gmail),
  VerifyJudgementCase(
    "Postfix virtual mailbox table",
    "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
    .undeliverable, "mailbox-unknown", source: postfixCheck),
  VerifyJudgementCase(
    "Postfix local recipient table",
    "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table",
    .undeliverable, "mailbox-unknown", source: postfixCheck),
  VerifyJudgementCase(
    "Exchange Online RecipientNotFound",
    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient nobody@example.org not found by SMTP address lookup",
    .undeliverable, "mailbox-unknown", source: outlook),
  VerifyJudgementCase(
    "Sendmail user unknown",
    "550 5.1.1 <nobody@example.org>... User unknown",
    .undeliverable, "mailbox-unknown", source: sendmail),
  VerifyJudgementCase(
    "iCloud user does not exist",
    "550 5.1.1 <nobody@icloud.com>: user does not exist",
    .undeliverable, "mailbox-unknown", source: icloud),
  VerifyJudgementCase(
    "Yahoo no account",
    "554 delivery error: dd This user doesn't have a yahoo.com account (nobody@yahoo.com) [0] - mta1234.mail.bf1.yahoo.com",
    .undeliverable, "mailbox-unknown", source: yahoo),
  VerifyJudgementCase(
    "Gmail account disabled",
    "550-5.2.1 The email account that you tried to reach is disabled. Learn more at\r\n550 5.2.1  https://support.google.com/mail/?p=DisabledUser a1si1234567 - gsmtp",
    .undeliverable, "mailbox-disabled", source: gmail),
  VerifyJudgementCase(
    "Postfix recipient domain not found",
    "550 5.1.2 <bob@nonexistent.example>: Recipient address rejected: Domain not found",
    .undeliverable, "domain-unknown", source: postfixCheck),
  VerifyJudgementCase(
    "Postfix null MX at RCPT",
    "556 5.1.10 <bob@example.com>: Recipient address rejected: Domain example.com does not accept mail (nullMX)",
    .undeliverable, "null-mx", source: rfc7505),

  // MARK: The mailbox exists but takes no mail now, or we could not tell.
  VerifyJudgementCase(
    "Gmail over quota",
    "452-4.2.2 The email account that you tried to reach is over quota. Please direct\r\n452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp a1si1234567 - gsmtp",
    .risky, "mailbox-full", source: gmail),
  VerifyJudgementCase(
    "mailbox full, permanent",
    "552 5.2.2 <bob@example.org>: Recipient address rejected: Mailbox full",
    .risky, "mailbox-full", source: "RFC 3463 X.2.2; " + postfixCheck),
  VerifyJudgementCase(
    "postgrey greylisting",
    "450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html",
    .risky, "greylisted", source: postgrey),
  VerifyJudgementCase(
    "Postfix recipient domain lookup failed (4xx)",
    "450 4.1.2 <bob@example.org>: Recipient address rejected: Domain not found",
    .unknown, "domain-unknown", source: postfixCheck),
  VerifyJudgementCase(
    "too many recipients", "452 4.5.3 Error: too many recipients",
    .unknown, "too-many-recipients", source: postfixCheck),
  VerifyJudgementCase(
    "greeting: service not available", .greeting,
    "421 4.3.2 Service not available, closing transmission channel",
    .unknown, "service-unavailable", source: "RFC 5321 4.2.2 (421)"),
  VerifyJudgementCase(
    "Exchange Online directory-based edge blocking",
    "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]",
    .undeliverable, "mailbox-unknown", source: outlook),
  VerifyJudgementCase(
    "Postfix check_recipient_access REJECT",
    "554 5.7.1 <bob@example.org>: Recipient address rejected: Access denied",
    .unknown, "prober-refused", source: postfixCheck),
  VerifyJudgementCase(
    "Exim unrouteable address", "550 Unrouteable address",
    .undeliverable, "mailbox-unknown", source: exim),
  VerifyJudgementCase(
    "Exchange on-premises RecipNotFound",
    "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
    .undeliverable, "mailbox-unknown", source: outlook),
  VerifyJudgementCase(
    "mailbox full, Dovecot LMTP quota check at RCPT",
    "552 5.2.2 <bob@example.org> Quota exceeded (mailbox for user is full)",
    .risky, "mailbox-full",
    source: "Dovecot quota_exceeded_message default, returned by LMTP/Postfix at RCPT"),
  VerifyJudgementCase(
    "accepted", "250 2.1.5 Ok", .deliverable, "ok", source: postfixCheck),
]
