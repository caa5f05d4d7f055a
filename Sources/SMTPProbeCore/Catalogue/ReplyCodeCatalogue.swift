/// Every basic reply code smtpprobe can explain, with its card.
///
/// Covers every code that RFC 5321 (4.2.2, 4.2.3) defines, plus those assigned by extensions:
/// RFC 7504 (521, 556), RFC 4954 (235, 334, 432, 454, 500, 530, 534, 535, 538), RFC 3207 (220,
/// 454, 501, 530 for STARTTLS), RFC 1985 ETRN (250 to 253, 458, 459), RFC 2645 ODMR (450, 453),
/// RFC 1845 (355), RFC 1870 SIZE (452, 552), RFC 6531 SMTPUTF8 (553), and the basic codes the
/// enhanced status code registry pairs with X.7.10 to X.7.13 (422, 523, 524, 525; RFC 5248).
/// The data lives in the `ReplyCodeCatalogue+*.swift` files, one function per group, so the
/// type checker sees small, explicitly typed arrays.
public enum ReplyCodeCatalogue {
  /// All entries, in code order, one per code.
  public static let all: [ReplyCodeEntry] = {
    var entries: [ReplyCodeEntry] = []
    entries += positiveCompletionEntries()
    entries += positiveIntermediateEntries()
    entries += transientNegativeEntries()
    entries += commandErrorEntries()
    entries += accessErrorEntries()
    entries += mailErrorEntries()
    return entries.sorted { $0.code < $1.code }
  }()

  /// The entries keyed by code, for constant-time lookup from the classifier.
  private static let byCode: [Int: ReplyCodeEntry] = {
    var table: [Int: ReplyCodeEntry] = [:]
    for entry in all where table[entry.code] == nil {
      table[entry.code] = entry
    }
    return table
  }()

  /// The entry for `code`, or nil when the code is not catalogued.
  public static func entry(for code: Int) -> ReplyCodeEntry? {
    byCode[code]
  }
}
