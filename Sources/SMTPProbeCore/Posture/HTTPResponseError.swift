/// Why an HTTP response could not be read; each case is one line.
public enum HTTPResponseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The status line is not `HTTP/1.x NNN reason` (RFC 9112 4).
  case badStatusLine(String)
  /// A header line has no colon or a name with spaces (RFC 9112 5).
  case badHeaderLine(String)
  /// The status line and header fields exceed `limit` bytes.
  case headerTooLarge(limit: Int)
  /// The body exceeds `limit` bytes.
  case bodyTooLarge(limit: Int)
  /// `Content-Length` is not a decimal number, or two differ (RFC 9112 6.3).
  case badContentLength(String)
  /// A chunk-size line is not hexadecimal, or a chunk is not followed by CRLF (RFC 9112 7.1).
  case badChunk(String)
  /// A transfer coding other than chunked (RFC 9112 6.1).
  case unsupportedTransferCoding(String)
  /// The connection closed before the response was complete.
  case truncated(received: Int)

  public var description: String {
    switch self {
    case .badStatusLine(let line):
      "the status line \"\(line.prefix(80))\" is not HTTP/1.x"
    case .badHeaderLine(let line):
      "the header line \"\(line.prefix(80))\" is not NAME: VALUE"
    case .headerTooLarge(let limit):
      "the response header is larger than \(limit) bytes"
    case .bodyTooLarge(let limit):
      "the body is larger than \(limit) bytes"
    case .badContentLength(let value):
      "Content-Length \"\(value.prefix(40))\" is not one decimal length"
    case .badChunk(let reason):
      "a chunk of the chunked body is malformed: \(reason)"
    case .unsupportedTransferCoding(let coding):
      "the transfer coding \"\(coding.prefix(40))\" is not supported (only chunked)"
    case .truncated(let received):
      "the connection closed after \(received) bytes, before the response was complete"
    }
  }
}
