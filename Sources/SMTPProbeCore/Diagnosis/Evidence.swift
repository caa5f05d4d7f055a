/// What decided a diagnosis, most specific first: a known text pattern, the enhanced status
/// code, the basic reply code, or the command the reply answered.
public struct Evidence: Hashable, Sendable {
  /// The kind of evidence.
  public enum Kind: String, Hashable, Sendable, Codable {
    case pattern
    case enhancedCode = "enhanced-code"
    case replyCode = "reply-code"
    case context
  }

  public var kind: Kind
  /// The thing itself: a pattern identifier, `5.1.1`, `550`, or the command name.
  public var value: String
  /// Why it counts, in a sentence (for a pattern, which real servers say it and where from).
  public var detail: String

  public init(kind: Kind, value: String, detail: String) {
    self.kind = kind
    self.value = value
    self.detail = detail
  }
}
