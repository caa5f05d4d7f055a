/// One complete IMAP server response (RFC 9051 section 7, RFC 3501 section 7): tagged,
/// untagged or a command continuation request.
///
/// A response line may carry literals (`{n}` CRLF followed by n octets, RFC 9051 4.3); the
/// parser keeps the line's text with each literal replaced by `{n}` and the literal octets in
/// order, so a header fetched with `BODY.PEEK[HEADER]` is available byte for byte.
public enum IMAPResponse: Hashable, Sendable {
  /// `tag OK|NO|BAD [code] text`: the end of the command `tag`.
  case tagged(tag: String, status: IMAPStatus, text: String)
  /// `* ...`: data or a status the server sends at any time.
  case untagged(IMAPUntagged)
  /// `+ text`: the server waits for the rest of a command (a literal, a SASL response).
  case continuation(text: String)
}

/// The status word of a tagged or untagged status response (RFC 9051 7.1).
public enum IMAPStatus: String, Hashable, Sendable {
  case ok = "OK"
  case no = "NO"
  case bad = "BAD"
  case preauth = "PREAUTH"
  case bye = "BYE"

  /// The status word in any letter case (RFC 9051 9: atoms are case-insensitive).
  public init?(word: Substring) {
    self.init(rawValue: word.uppercased())
  }
}

/// An untagged response: its text after `* ` (literals shown as `{n}`) and the literals.
public struct IMAPUntagged: Hashable, Sendable {
  /// The line after `* `, continuation lines after literals joined to it.
  public var text: String
  /// Each literal's octets, in order.
  public var literals: [[UInt8]]

  public init(text: String, literals: [[UInt8]] = []) {
    self.text = text
    self.literals = literals
  }

  /// The text's words, split at spaces (for `CAPABILITY`, `SEARCH`, `n EXISTS`).
  public var words: [Substring] { text.split(separator: " ") }

  /// The status of `* OK`, `* NO`, `* BAD`, `* BYE` or `* PREAUTH`, or nil for data.
  public var status: IMAPStatus? { words.first.flatMap(IMAPStatus.init(word:)) }
}
