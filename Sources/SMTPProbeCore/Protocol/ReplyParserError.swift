/// Why the reply parser stopped: the peer sent more than any honest SMTP server would.
///
/// These bounds keep memory flat whatever a server sends. After one is thrown the parser
/// refuses further input; the session must end.
public enum ReplyParserError: Error, Hashable, Sendable, CustomStringConvertible {
  /// One line grew past the hard limit without a line ending.
  case lineTooLong(limit: Int)
  /// One reply grew past the line-count limit.
  case tooManyLines(limit: Int)
  /// One reply grew past the byte limit.
  case replyTooLong(limit: Int)
  /// The peer closed the connection in the middle of a reply.
  case truncated(bufferedBytes: Int)

  public var description: String {
    switch self {
    case .lineTooLong(let limit):
      "the server sent a reply line longer than \(limit) bytes without a line ending"
    case .tooManyLines(let limit):
      "the server sent a reply of more than \(limit) lines"
    case .replyTooLong(let limit):
      "the server sent a reply longer than \(limit) bytes"
    case .truncated(let bytes):
      "the connection closed in the middle of a reply (\(bytes) bytes unfinished)"
    }
  }
}
