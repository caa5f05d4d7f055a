/// A single-step decoder of IMAP server responses: bytes of any size in, whole responses out.
///
/// RFC 9051 section 2.2.2: responses are lines ending in CRLF, except that a line ending in a
/// literal announcement `{n}` (or `{n+}`) is followed by exactly n octets and then the rest
/// of the response (section 4.3). The scan resumes where it stopped, so bytes arriving one at
/// a time cost no rescans. Three bounds stop a hostile server: a line, a literal and a whole
/// response. A bare LF is accepted as a line end, as Dovecot's and Cyrus's clients do.
public struct IMAPResponseParser: Sendable {
  /// The longest line without its end.
  public static let maximumLineOctets = 64 * 1024
  /// The largest literal: enough for a message header block.
  public static let maximumLiteralOctets = 1024 * 1024
  /// The largest response, lines and literals together.
  public static let maximumResponseOctets = 2 * 1024 * 1024

  private var buffer: [UInt8] = []
  private var start = 0
  private var scanned = 0
  private var text: [UInt8] = []
  private var literals: [[UInt8]] = []
  private var literalNeeded: Int?
  private var responseOctets = 0

  public init() {}

  /// Adds bytes received from the server.
  public mutating func append(_ bytes: [UInt8]) {
    if start > 4096, start * 2 > buffer.count {
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
    buffer += bytes
  }

  /// The next complete response, or nil when more bytes are needed.
  public mutating func next() throws(IMAPParseError) -> IMAPResponse? {
    while true {
      if let needed = literalNeeded {
        guard buffer.count - start >= needed else { return nil }
        literals.append(Array(buffer[start..<start + needed]))
        start += needed
        scanned = start
        literalNeeded = nil
        continue
      }
      guard let newline = buffer[scanned...].firstIndex(of: 0x0A) else {
        scanned = buffer.count
        if buffer.count - start > Self.maximumLineOctets {
          throw .lineTooLong(limit: Self.maximumLineOctets)
        }
        return nil
      }
      var end = newline
      if end > start, buffer[end - 1] == 0x0D { end -= 1 }
      guard end - start <= Self.maximumLineOctets else {
        throw .lineTooLong(limit: Self.maximumLineOctets)
      }
      let line = buffer[start..<end]
      start = newline + 1
      scanned = start
      responseOctets += line.count + 2
      text += line
      if let octets = Self.literalAnnouncement(line) {
        guard octets <= Self.maximumLiteralOctets else {
          throw .literalTooLarge(octets: octets, limit: Self.maximumLiteralOctets)
        }
        responseOctets += octets
        guard responseOctets <= Self.maximumResponseOctets else {
          throw .responseTooLarge(limit: Self.maximumResponseOctets)
        }
        literalNeeded = octets
        continue
      }
      defer {
        text = []
        literals = []
        responseOctets = 0
      }
      return try Self.response(String(decoding: text, as: UTF8.self), literals: literals)
    }
  }

  /// The n of a line ending in `{n}` or `{n+}` (RFC 9051 4.3, RFC 7888 LITERAL+), or nil.
  static func literalAnnouncement(_ line: ArraySlice<UInt8>) -> Int? {
    guard line.last == 0x7D, let open = line.lastIndex(of: 0x7B) else { return nil }
    var digits = line[(open + 1)..<(line.endIndex - 1)]
    if digits.last == 0x2B { digits = digits.dropLast() }
    guard (1...10).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
      return nil
    }
    return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  /// Reads one response's text: `+ ...`, `* ...` or `tag STATUS ...`.
  static func response(_ text: String, literals: [[UInt8]]) throws(IMAPParseError)
    -> IMAPResponse
  {
    if text == "+" || text.hasPrefix("+ ") {
      return .continuation(text: String(text.dropFirst(2)))
    }
    if text.hasPrefix("* ") {
      return .untagged(IMAPUntagged(text: String(text.dropFirst(2)), literals: literals))
    }
    let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    guard words.count >= 2, !words[0].isEmpty, let status = IMAPStatus(word: words[1]),
      [.ok, .no, .bad].contains(status)
    else {
      throw .malformed(line: InputError.escaped(String(text.prefix(80))))
    }
    return .tagged(
      tag: String(words[0]), status: status, text: words.count > 2 ? String(words[2]) : "")
  }
}
