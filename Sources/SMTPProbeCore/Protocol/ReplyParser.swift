/// Turns bytes from an SMTP server into complete replies, whatever the chunking (sans-I/O).
///
/// Feed bytes with `append(_:)` as they arrive, then call `next()` until it returns nil ("need
/// more bytes"). Multi-line replies (`250-…` lines, then `250 …`) come out as one `Reply`
/// (RFC 5321 section 4.2.1). Grammar deviations are recorded as `ReplyViolation`s; only the hard
/// bounds in `Limits` stop the parser, so memory stays bounded whatever the peer sends.
public struct ReplyParser: Sendable {
  /// Hard bounds on what one line and one reply may hold.
  public struct Limits: Hashable, Sendable {
    /// Longest line, in bytes without its line ending, before the parser gives up.
    public var maxLineBytes: Int
    /// Most lines in one reply.
    public var maxReplyLines: Int
    /// Most bytes in one reply, line endings included.
    public var maxReplyBytes: Int

    public init(maxLineBytes: Int = 8192, maxReplyLines: Int = 1000, maxReplyBytes: Int = 65536) {
      self.maxLineBytes = maxLineBytes
      self.maxReplyLines = maxReplyLines
      self.maxReplyBytes = maxReplyBytes
    }

    /// About 8 KiB a line, 1,000 lines or 64 KiB a reply.
    public static let standard = Limits()
  }

  /// RFC 5321 section 4.5.3.1.5: a reply line, code and CRLF included, is at most 512 octets.
  public static let rfcMaxLineOctets = 512

  public let limits: Limits
  private var buffer: [UInt8] = []
  /// Where the unconsumed bytes start in `buffer`.
  private var start = 0
  /// Where to resume looking for LF, so a long line is never rescanned.
  private var scanned = 0
  private var pending = PendingReply()
  private var failure: ReplyParserError?

  public init(limits: Limits = .standard) {
    self.limits = limits
  }

  /// Bytes received but not yet part of a complete reply.
  public var bufferedByteCount: Int { buffer.count - start + pending.bytes }

  /// Whether a reply has begun (some lines or bytes) but is not complete.
  public var isMidReply: Bool { bufferedByteCount > 0 }

  /// Adds bytes as received from the peer.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    if start > 4096, start * 2 > buffer.count {
      buffer.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// Returns the next complete reply, or nil when more bytes are needed.
  ///
  /// Throws a `ReplyParserError` when a hard bound is crossed; after that every call throws
  /// the same error.
  public mutating func next() throws(ReplyParserError) -> Reply? {
    if let failure { throw failure }
    while true {
      guard let newline = findLineFeed() else {
        let partial = buffer.count - start
        // A trailing CR may be the start of the line ending, not part of the line.
        let lineSoFar = partial > 0 && buffer[buffer.count - 1] == 0x0D ? partial - 1 : partial
        if lineSoFar > limits.maxLineBytes {
          return try fail(.lineTooLong(limit: limits.maxLineBytes))
        }
        if pending.bytes + partial > limits.maxReplyBytes {
          return try fail(.replyTooLong(limit: limits.maxReplyBytes))
        }
        return nil
      }
      let lineEnd = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
      let bareLF = lineEnd == newline
      let lineLength = lineEnd - start
      if lineLength > limits.maxLineBytes {
        return try fail(.lineTooLong(limit: limits.maxLineBytes))
      }
      let consumed = newline + 1 - start
      let line = buffer[start..<lineEnd]
      start = newline + 1
      scanned = start
      if pending.lines.count >= limits.maxReplyLines {
        return try fail(.tooManyLines(limit: limits.maxReplyLines))
      }
      if pending.bytes + consumed > limits.maxReplyBytes {
        return try fail(.replyTooLong(limit: limits.maxReplyBytes))
      }
      if let reply = pending.add(
        line: line, octetsWithEnding: lineLength + 2, bareLF: bareLF, consumed: consumed)
      {
        return reply
      }
    }
  }

  /// Called at end of stream: throws `.truncated` when a reply was left unfinished.
  public func finish() throws(ReplyParserError) {
    if let failure { throw failure }
    if bufferedByteCount > 0 { throw .truncated(bufferedBytes: bufferedByteCount) }
  }

  /// Parses every complete reply in `bytes` at once; a final line without a line ending is
  /// taken as complete (for text pasted by a person).
  public static func parseAll(
    _ bytes: some Sequence<UInt8>, limits: Limits = .standard
  ) throws(ReplyParserError) -> [Reply] {
    var parser = ReplyParser(limits: limits)
    var input = Array(bytes)
    if let last = input.last, last != 0x0A { input.append(contentsOf: [0x0D, 0x0A]) }
    parser.append(input)
    var replies: [Reply] = []
    while let reply = try parser.next() { replies.append(reply) }
    if parser.pending.lines.isEmpty == false, let reply = parser.pending.flush() {
      replies.append(reply)
    }
    return replies
  }

  private mutating func findLineFeed() -> Int? {
    var index = scanned
    let end = buffer.count
    while index < end {
      if buffer[index] == 0x0A { return index }
      index += 1
    }
    scanned = end
    return nil
  }

  private mutating func fail(_ error: ReplyParserError) throws(ReplyParserError) -> Reply? {
    failure = error
    buffer = []
    start = 0
    scanned = 0
    throw error
  }
}

/// The lines of a reply gathered so far.
private struct PendingReply: Sendable {
  var code: Int?
  var lines: [String] = []
  var texts: [String] = []
  var violations: [ReplyViolation] = []
  var bytes = 0

  /// Adds one line (without its ending); returns the reply when this line completes it.
  mutating func add(
    line: ArraySlice<UInt8>, octetsWithEnding: Int, bareLF: Bool, consumed: Int
  ) -> Reply? {
    let index = lines.count
    bytes += consumed
    if bareLF { violations.append(.bareLineFeed(line: index)) }
    if octetsWithEnding > ReplyParser.rfcMaxLineOctets {
      violations.append(.lineTooLong(line: index, octets: octetsWithEnding))
    }
    noteOddBytes(line, index: index)
    lines.append(String(decoding: line, as: UTF8.self))

    var codeStart = line.startIndex
    if !Self.startsWithCode(line, at: codeStart) {
      if let found = Self.firstCode(in: line) {
        violations.append(.textBeforeCode(line: index))
        codeStart = found
      } else {
        // No code anywhere: keep the text; a lone line ends the reply (we cannot tell more).
        violations.append(.missingCode(line: index))
        texts.append(String(decoding: line, as: UTF8.self))
        if code == nil { code = 0 }
        return flush()
      }
    }
    let lineCode = Self.code(line, at: codeStart)
    if let code {
      if code != lineCode, code != 0 {
        violations.append(.codeChanged(line: index, from: code, to: lineCode))
      }
    } else {
      code = lineCode
      let first = lineCode / 100
      let second = lineCode / 10 % 10
      if !(2...5).contains(first) || second > 5 {
        violations.append(.codeOutOfRange(line: index, code: lineCode))
      }
    }
    let separatorIndex = codeStart + 3
    guard separatorIndex < line.endIndex else {
      texts.append("")
      return flush()
    }
    let separator = line[separatorIndex]
    let text = String(decoding: line[(separatorIndex + 1)...], as: UTF8.self)
    switch separator {
    case 0x2D:  // "-": more lines follow
      texts.append(text)
      return nil
    case 0x20:
      texts.append(text)
      return flush()
    default:
      violations.append(.badSeparator(line: index, found: separator))
      texts.append(String(decoding: line[separatorIndex...], as: UTF8.self))
      return flush()
    }
  }

  /// Ends the reply gathered so far and resets.
  mutating func flush() -> Reply? {
    guard !lines.isEmpty else { return nil }
    let reply = Reply(code: code ?? 0, lines: lines, texts: texts, violations: violations)
    self = PendingReply()
    return reply
  }

  private mutating func noteOddBytes(_ line: ArraySlice<UInt8>, index: Int) {
    // Fast path: most lines are printable ASCII and need one comparison per byte.
    guard line.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return }
    var nonASCII = false
    var nul = false
    var control = false
    for byte in line {
      if byte >= 0x80 {
        nonASCII = true
      } else if byte == 0 {
        nul = true
      } else if byte < 0x20 && byte != 0x09 || byte == 0x7F {
        control = true
      }
    }
    if nonASCII { violations.append(.nonASCII(line: index)) }
    if nul { violations.append(.nulByte(line: index)) }
    if control { violations.append(.controlCharacter(line: index)) }
  }

  private static func startsWithCode(_ line: ArraySlice<UInt8>, at index: Int) -> Bool {
    guard line.endIndex - index >= 3 else { return false }
    for offset in 0..<3 where !(0x30...0x39).contains(line[index + offset]) { return false }
    // "2500 text" is not a code followed by text.
    if index + 3 < line.endIndex, (0x30...0x39).contains(line[index + 3]) { return false }
    return true
  }

  private static func firstCode(in line: ArraySlice<UInt8>) -> Int? {
    var index = line.startIndex
    while index + 3 <= line.endIndex {
      let boundary = index == line.startIndex || !(0x30...0x39).contains(line[index - 1])
      if boundary, startsWithCode(line, at: index),
        (2...5).contains(Int(line[index]) - 0x30),
        index + 3 == line.endIndex || line[index + 3] == 0x20 || line[index + 3] == 0x2D
      {
        return index
      }
      index += 1
    }
    return nil
  }

  private static func code(_ line: ArraySlice<UInt8>, at index: Int) -> Int {
    (Int(line[index]) - 0x30) * 100 + (Int(line[index + 1]) - 0x30) * 10
      + (Int(line[index + 2]) - 0x30)
  }
}
