/// The known reply phrases, most specific first, and where each comes from.
///
/// The table is split by family (`ReplyPatterns+Access.swift`, `+Authentication`,
/// `+Blocklists`, `+Mailbox`, `+Content`, `+Routing`, `+Reputation`, `+Limits`,
/// `+Languages`); `all`
/// joins them in the order they are tried. The
/// first pattern that matches wins, so a provider's exact sentence comes before a generic word
/// ("Recipient address rejected: Greylisted" must be greylisting, not a rejected recipient).
public enum ReplyPatterns {
  /// Where the texts were read.
  ///
  /// Kept here so each pattern's `source` names one page or file.
  enum Source {
    static let postfixCheck = "Postfix src/smtpd/smtpd_check.c (reject texts)"
    static let postfixSmtpd = "Postfix src/smtpd/smtpd.c (session replies)"
    static let exim = "Exim src/smtp_in.c, src/acl.c and default configure (reject texts)"
    static let sendmail = "Sendmail ruleset replies (`<addr>... User unknown`, `Relaying denied`)"
    static let gmail = "https://support.google.com/a/answer/3726730 (Gmail SMTP errors and codes)"
    static let gmailSenders =
      "https://support.google.com/mail/answer/81126 (Email sender guidelines)"
    static let microsoftNDR =
      "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"
    static let outlookS3150 =
      "https://support.sendgrid.com/hc/en-us/articles/38465017420955 (Microsoft S3140/S3150 blocks)"
    static let yahoo = "https://senders.yahooinc.com/smtp-error-codes (Yahoo/AOL SMTP error codes)"
    static let yahooHelp =
      "https://help.yahoo.com/kb/SLN3444.html (Email sent to Yahoo Mail is rejected)"
    static let icloud = "https://support.apple.com/en-us/102322 and https://smtp.codes/icloud"
    static let mimecast =
      "https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754"
    static let zoho = "https://smtpfieldmanual.com/provider/zoho (Zoho Mail replies)"
    static let gmx =
      "https://postmaster.gmx.com/en/error-messages and https://smtp.codes/unitedinternet/"
    static let yandex =
      "https://yandex.com/support/mail/bounces/yandex/message-rejected-under-suspicion-of-spam.html"
    static let postgrey =
      "postgrey (http://postgrey.schweikert.ch/) via Postfix check_policy_service"
    static let proofpoint =
      "https://www.proofpoint.com/us/postmaster (Proofpoint Dynamic Reputation)"
    static let barracuda =
      "http://tig.csail.mit.edu/wiki/TIG/EmailBlockedByBarracuda (Barracuda reply)"
    static let rfc5321 = "RFC 5321 section 4.2.2 (example reply texts)"
  }

  /// Every pattern, in the order they are tried.
  public static let all: [ReplyPattern] =
    access + tlsDemands + sendingLimits + loginDemands + commandSyntax + protocolErrors
    + greylisting + reverseDNS + authentication + spfWordings + senderRefusals
    + domainBlocklists + blocklists + providerIPBlocks + rateLimits + sizes + shortReplies + senders
    + routing + mailboxes + disabledWordings + reverseDNSWordings + content
    + ipBlockWordings
    + languages + service + commandRecognition + broadPolicy + genericSpam

  /// The first pattern that matches `reply` answering `command`, if any.
  public static func firstMatch(
    for reply: Reply, text: PatternText, after command: CommandKind?
  ) -> ReplyPattern? {
    let digit: Int? = (200...599).contains(reply.code) ? reply.code / 100 : nil
    // The matchers, not the patterns: walking `all` copied each pattern (a dozen reference
    // counts), which took a third of the time.
    for (i, matcher) in matchers.enumerated()
    where matcher.matches(text, classDigit: digit, command: command, enhanced: reply.enhanced) {
      return all[i]
    }
    return nil
  }

  /// `all`'s matchers, in the same order.
  static let matchers: [PatternMatcher] = all.map(\.matcher)

  /// The specific patterns' matchers with their patterns, in table order.
  static let specificMatchers: [(PatternMatcher, ReplyPattern)] =
    all.filter { !$0.isGeneric }.map { ($0.matcher, $0) }
  /// The generic patterns' matchers with their patterns, in table order.
  static let genericMatchers: [(PatternMatcher, ReplyPattern)] =
    all.filter(\.isGeneric).map { ($0.matcher, $0) }
  /// The relaying mentions' matchers (`relayMentions`).
  static let relayMentionMatchers: [(PatternMatcher, ReplyPattern)] =
    relayMentions.map { ($0.matcher, $0) }

  /// The first of `table` that matches, if any.
  static func firstMatch(
    in table: [(PatternMatcher, ReplyPattern)], text: PatternText, classDigit: Int?,
    command: CommandKind?, enhanced: EnhancedStatusCode?
  ) -> ReplyPattern? {
    for index in table.indices
    where table[index].0.matches(
      text, classDigit: classDigit, command: command, enhanced: enhanced)
    {
      return table[index].1
    }
    return nil
  }

  /// The first pattern that matches `reply` answering `command`, folding its text here.
  public static func firstMatch(for reply: Reply, after command: CommandKind? = nil)
    -> ReplyPattern?
  {
    firstMatch(for: reply, text: PatternText(reply.text), after: command)
  }

  /// The pattern with identifier `id`, if any.
  public static func pattern(id: String) -> ReplyPattern? {
    all.first { $0.id == id }
  }
}
