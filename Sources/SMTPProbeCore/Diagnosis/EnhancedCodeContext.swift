/// Enhanced status codes whose meaning depends on the command they answered, as data.
///
/// RFC 5248 registers several X.7.y codes for AUTH (RFC 4954 section 6), and receivers reuse
/// them at other steps with another meaning: "5.7.13 User Account Disabled" after AUTH is a
/// refused login, after RCPT TO it is the recipient's disabled mailbox; Yahoo's "5.7.9" after
/// RCPT or DATA refuses an unauthenticated sender, not a SASL mechanism. One row per code and
/// set of steps; the first row that fits decides, before the catalogue's context-free reading.
struct EnhancedCodeContext: Sendable {
  var subject: Int
  var detail: Int
  /// The steps this reading applies to.
  var commands: Set<CommandKind>
  var category: DiagnosisCategory
  /// Why the step changes the meaning, for the evidence record.
  var note: String
  /// Where the reading comes from.
  var source: String
  /// Whether the reading names only an area (a policy refusal): a known phrase outranks it.
  var isGeneric = false

  /// The steps where a reply can concern a mailbox or a message rather than a login.
  static let deliverySteps: Set<CommandKind> = [
    .greeting, .ehlo, .helo, .mail, .rcpt, .data, .endOfData, .bdat,
  ]
  static let mailboxSteps: Set<CommandKind> = [.rcpt, .vrfy, .expn]

  // swift-format-ignore
  static let table: [EnhancedCodeContext] = [
    EnhancedCodeContext(subject: 7, detail: 13, commands: mailboxSteps, category: .mailboxDisabled,
      note: "X.7.13 (user account disabled) after RCPT is the recipient's disabled account, not a login",
      source: "RFC 5248; sisimai lib/Sisimai/Reason/Suspend.pm"),
    EnhancedCodeContext(subject: 7, detail: 13, commands: [.auth], category: .authFailed,
      note: "X.7.13 after AUTH means the login's account is disabled", source: "RFC 5248"),
    EnhancedCodeContext(subject: 7, detail: 9, commands: deliverySteps, category: .policySpamContent,
      note: "X.7.9 outside AUTH refuses an unauthenticated sender, not a SASL mechanism",
      source: "https://senders.yahooinc.com/smtp-error-codes (550 5.7.9)", isGeneric: true),
    EnhancedCodeContext(subject: 7, detail: 3, commands: [.auth], category: .authFailed,
      note: "X.7.3 after AUTH is Exchange's refused login ('535 5.7.3 Authentication unsuccessful')",
      source: "https://learn.microsoft.com/exchange/troubleshoot/email-delivery/fix-error-code-5-7-3"),
    EnhancedCodeContext(subject: 7, detail: 3, commands: deliverySteps, category: .tlsRequired,
      note: "X.7.3 before delivery is Exchange's 'STARTTLS is required to send mail'",
      source: "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"),
    EnhancedCodeContext(subject: 7, detail: 1, commands: [.auth], category: .authFailed,
      note: "X.7.1 after AUTH refuses the login", source: "RFC 4954 section 6"),
    EnhancedCodeContext(subject: 7, detail: 0, commands: [.auth], category: .authFailed,
      note: "X.7.0 with a negative reply to AUTH refuses the login", source: "RFC 4954 section 6"),
    EnhancedCodeContext(subject: 1, detail: 2, commands: [.mail], category: .senderRejected,
      note: "X.1.2 after MAIL FROM is the sender's domain", source: "RFC 3463 section 3.2"),
    EnhancedCodeContext(subject: 1, detail: 1, commands: [.auth], category: .authFailed,
      note: "X.1.1 after AUTH is an unknown login name", source: "RFC 4954 section 6"),
    EnhancedCodeContext(subject: 2, detail: 1, commands: [.auth], category: .authFailed,
      note: "X.2.1 after AUTH is a disabled login", source: "RFC 4954 section 6"),
  ]

  /// The first row for `code` answering `command`, if any.
  static func row(for code: EnhancedStatusCode, after command: CommandKind?) -> EnhancedCodeContext?
  {
    guard let command, code.statusClass != 2 else { return nil }
    return table.first {
      $0.subject == code.subject && $0.detail == code.detail && $0.commands.contains(command)
    }
  }
}
