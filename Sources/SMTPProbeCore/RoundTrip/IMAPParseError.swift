/// Why the IMAP response stream cannot be read further; one line each.
public enum IMAPParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A line longer than `IMAPResponseParser.maximumLineOctets` without CRLF.
  case lineTooLong(limit: Int)
  /// A literal announced larger than `IMAPResponseParser.maximumLiteralOctets`.
  case literalTooLarge(octets: Int, limit: Int)
  /// One response (lines and literals) over `IMAPResponseParser.maximumResponseOctets`.
  case responseTooLarge(limit: Int)
  /// A line that is no response: no tag, or a tagged line without OK, NO or BAD.
  case malformed(line: String)

  public var description: String {
    switch self {
    case .lineTooLong(let limit): "an IMAP response line is longer than \(limit) octets"
    case .literalTooLarge(let octets, let limit):
      "the server announced a \(octets)-octet literal, over the \(limit) octets accepted"
    case .responseTooLarge(let limit): "an IMAP response is larger than \(limit) octets"
    case .malformed(let line): "not an IMAP response: '\(line)'"
    }
  }
}
