/// Every basic reply code smtpprobe can explain, with its card.
///
/// SKELETON: only a few entries; the catalogue work fills in every code of RFC 5321, RFC 7504,
/// RFC 4954, RFC 3207 and the other extension RFCs.
public enum ReplyCodeCatalogue {
  /// All entries, in code order.
  public static let all: [ReplyCodeEntry] = [
    ReplyCodeEntry(
      code: 250, title: "Requested Action Completed",
      description: "The requested mail action was okay and completed.",
      when: "After EHLO, MAIL FROM, RCPT TO, RSET, NOOP and after the end of message data.",
      fix: "No fix needed.", rfc: ["RFC 5321 4.2.2"], category: .ok, retry: .noneNeeded),
    ReplyCodeEntry(
      code: 550, title: "Mailbox Unavailable",
      description: "The requested action was not taken: the mailbox is unavailable.",
      when: "Most often after RCPT TO for an address that does not exist, or for policy reasons.",
      fix: "Check the address.", rfc: ["RFC 5321 4.2.2"], category: .mailboxUnknown,
      retry: .never),
  ]

  /// The entry for `code`, or nil when the code is not catalogued.
  public static func entry(for code: Int) -> ReplyCodeEntry? {
    all.first { $0.code == code }
  }
}
