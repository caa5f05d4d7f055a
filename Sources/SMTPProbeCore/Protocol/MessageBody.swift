/// A message for the DATA phase and what the dialogue knows about it before sending: its size
/// for `SIZE=` (RFC 1870), whether it holds 8-bit octets for `BODY=8BITMIME` (RFC 6152).
///
/// The content is either in memory (the built-in test message, tests) or a file named by
/// `--data`, which is streamed from disk after the 354 reply and never read whole; for a file
/// only its size is known in advance, and for a pipe not even that.
public struct MessageBody: Hashable, Sendable {
  /// Where the content is.
  public enum Content: Hashable, Sendable {
    /// The whole message, any line endings.
    case bytes([UInt8])
    /// A file read block by block while it is sent.
    case file(MessageFile)
  }

  public let content: Content
  /// The size to declare with `SIZE=`: RFC 1870 3's count (CRLF line endings, before
  /// dot-stuffing) for content in memory; the file's own size for a file (its line endings
  /// are normalized only as it is sent); nil for a pipe.
  public let octets: Int?
  /// The number of lines, when the content is in memory.
  public let lines: Int?
  /// Whether any octet is above 127, as far as known before sending.
  public let has8BitOctets: Bool
  /// Whether the content was read before sending; a file's is only read as it goes out.
  public let contentIsKnown: Bool

  /// Prepares `message` (any line endings) for DATA.
  public init(message: some Collection<UInt8>) {
    var encoder = ContentEncoder()
    _ = encoder.encode(message)
    _ = encoder.finish()
    content = .bytes(Array(message))
    octets = encoder.report.octets
    lines = encoder.report.lines
    has8BitOctets = encoder.report.has8BitOctets
    contentIsKnown = true
  }

  /// A file to stream from disk when DATA is accepted.
  public init(file: MessageFile) {
    content = .file(file)
    octets = file.size
    lines = nil
    has8BitOctets = false
    contentIsKnown = false
  }

  /// A body with no content: only the terminating `.` CRLF.
  public static let empty = MessageBody(message: [])

  /// The bytes to write after 354 for content in memory (CRLF-normalized, dot-stuffed, ending
  /// in `.` CRLF); empty for a file, which the driver streams instead.
  public var wire: [UInt8] {
    guard case .bytes(let bytes) = content else { return [] }
    return DotStuffing.stuff(bytes)
  }

  /// How the transcript shows the content instead of its lines.
  public var transcriptSummary: String {
    switch content {
    case .bytes:
      return "<message: \(octets ?? 0) bytes, \(lines ?? 0) lines>"
    case .file(let file):
      let name = file.path == "-" ? "standard input" : file.path
      guard let size = file.size else { return "<message: \(name), streamed>" }
      return "<message: \(name), \(size) bytes, streamed>"
    }
  }
}
