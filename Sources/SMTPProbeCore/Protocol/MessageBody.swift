/// A message ready for the DATA phase: dot-stuffed wire bytes plus what the dialogue needs to
/// know about it (its size for `SIZE=`, whether it holds 8-bit octets for `BODY=8BITMIME`).
public struct MessageBody: Hashable, Sendable {
  /// The bytes to send after the 354 reply: CRLF-normalized, dot-stuffed, ending in `.` CRLF.
  public let wire: [UInt8]
  /// The message size as RFC 1870 3 counts it: CRLF line endings, before dot-stuffing and
  /// without the terminating `.` CRLF.
  public let octets: Int
  /// The number of lines in the message.
  public let lines: Int
  /// Whether any octet is above 127 (RFC 6152: needs `BODY=8BITMIME`).
  public let has8BitOctets: Bool

  /// Prepares `message` (any line endings) for DATA.
  public init(message: some Collection<UInt8>) {
    let normalized = DotStuffing.normalizeLineEndings(message)
    octets = normalized.count
    lines = normalized.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    has8BitOctets = normalized.contains { $0 > 0x7F }
    wire = DotStuffing.stuff(normalized: normalized)
  }

  /// A body with no content: only the terminating `.` CRLF.
  public static let empty = MessageBody(message: [])

  /// How the transcript shows the content instead of its lines.
  public var transcriptSummary: String { "<message: \(octets) bytes, \(lines) lines>" }
}
