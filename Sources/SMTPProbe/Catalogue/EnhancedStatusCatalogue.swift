/// Every registered enhanced status code (IANA registry: RFC 3463, RFC 5248 and later).
///
/// SKELETON: only a few entries; the catalogue work fills in the whole registry and the
/// class and subject rules for unregistered codes.
public enum EnhancedStatusCatalogue {
  /// All registered entries, in subject.detail order.
  public static let all: [EnhancedStatusEntry] = [
    EnhancedStatusEntry(
      subject: 1, detail: 1, title: "Bad destination mailbox address",
      description: "The mailbox named in the recipient address does not exist.",
      classes: [4, 5], rfc: ["RFC 3463 3.2"], category: .mailboxUnknown)
  ]

  /// The registered entry for `code`'s subject and detail, or nil.
  public static func entry(for code: EnhancedStatusCode) -> EnhancedStatusEntry? {
    all.first { $0.subject == code.subject && $0.detail == code.detail }
  }
}
