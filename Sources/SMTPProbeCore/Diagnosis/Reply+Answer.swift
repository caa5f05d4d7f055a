/// The part of a reply that is the server's answer when a multi-line reply changes code.
///
/// RFC 5321 section 4.2.1 requires every line of a multi-line reply to carry the same code; a
/// server that breaks the rule (`220-` banner lines, then `421 ...`) has still given its answer
/// on the last line. Postfix (`smtp_chat.c`, `smtp_chat_resp`) and Python's `smtplib.getreply`
/// both keep the last line's code, so the diagnosis does too; the parser records the change as
/// a `ReplyViolation.codeChanged`.
extension Reply {
  /// The last line's reply code, or `code` when the last line carries none.
  public var finalCode: Int {
    guard let last = lines.last, let lineCode = Self.leadingCode(last) else { return code }
    return lineCode
  }

  /// The first line's reply code, or `code` when the first line carries none.
  public var firstLineCode: Int {
    guard let first = lines.first, let lineCode = Self.leadingCode(first) else { return code }
    return lineCode
  }

  /// Whether the last line's code differs from the first line's.
  public var codeChanges: Bool { finalCode != firstLineCode }

  /// The reply as its answer: the lines that carry the final code, with that code; `self` when
  /// the code does not change.
  public var answer: Reply {
    guard codeChanges else { return self }
    let kept = lines.filter { Self.leadingCode($0) == finalCode }
    return Reply(code: finalCode, lines: kept.isEmpty ? lines : kept)
  }

  /// The reply with the enhanced code qmail writes at the end of its text, `(#5.1.1)`, when
  /// it has none at the start: qmail-smtpd and qmail-remote write RFC 1893 codes that way
  /// ("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)").
  public var withTrailingStatus: Reply {
    guard enhanced == nil else { return self }
    let text = self.text
    guard let mark = text.firstRange(of: "(#") else { return self }
    let digits = text[mark.upperBound...].prefix { ("0"..."9").contains($0) || $0 == "." }
    guard let code = EnhancedStatusCode(String(digits)), code.statusClass != 2 else {
      return self
    }
    var copy = self
    copy.enhanced = code
    return copy
  }

  /// The three-digit code at the start of a raw line, if any.
  private static func leadingCode(_ line: String) -> Int? {
    var value = 0
    var count = 0
    for byte in line.utf8.prefix(4) {
      if count == 3 { return byte == 0x20 || byte == 0x2D ? value : nil }
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
      count += 1
    }
    return count == 3 ? value : nil
  }
}
