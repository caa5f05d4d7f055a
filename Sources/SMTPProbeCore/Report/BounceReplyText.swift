/// Where a quoted SMTP reply starts in a line of a bounce, and how a quotation becomes the
/// reply's lines.
///
/// A reply starts with a three-digit code from 200 to 599 followed by a space, a hyphen or the
/// end of the line (RFC 5321 section 4.2). Bounces put it after a colon, a semicolon, a quote
/// or a word such as "error"; the quotation may fold a multi-line reply onto one line.
enum BounceReplyText {
  /// The text from the reply code on, when `text` holds a reply at its start (after quotes,
  /// `#`, `<` or `smtp;`) or after a colon, semicolon or quote.
  static func start(in text: Substring) -> Substring? {
    var rest = text.drop { " \t#'\"<([`".contains($0) }
    if rest.lowercased().hasPrefix("smtp;") {
      rest = rest.dropFirst(5).drop { " \t#'\"".contains($0) }
    }
    if startsWithCode(rest) { return clean(rest) }
    return firstEmbedded(in: rest).map(clean)
  }

  /// The first reply code after a `:`, `;`, `'`, `error ` or `said ` in `text`.
  static func firstEmbedded(in text: Substring) -> Substring? {
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if character == ":" || character == ";" || character == "'" || character == " " {
        let after = text[next...].drop { $0 == " " || $0 == "#" || $0 == "'" || $0 == "\"" }
        if startsWithCode(after) {
          if character != " " { return after }
          // After a plain space only words that introduce a reply count ("error 550").
          let before = text[..<index].lowercased()
          if before.hasSuffix("error") || before.hasSuffix("said") || before.hasSuffix("code") {
            return after
          }
        }
      }
      index = next
    }
    return nil
  }

  /// The offset of the first `needle` in `haystack`, by a plain byte scan (bounce lines are
  /// short, so building a search table per call would cost more than it saves).
  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard let first = needle.first, needle.count <= haystack.count else { return nil }
    var index = 0
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == first {
        var offset = 1
        while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return index }
      }
      index += 1
    }
    return nil
  }

  /// Whether `text` starts with a reply code followed by a space, a hyphen or nothing.
  static func startsWithCode(_ text: Substring) -> Bool {
    var digits: [UInt8] = []
    for byte in text.utf8.prefix(4) {
      if digits.count == 3 {
        guard byte == 0x20 || byte == 0x2D || byte == 0x09 else { return false }
        break
      }
      guard (0x30...0x39).contains(byte) else { return false }
      digits.append(byte)
    }
    guard digits.count == 3, (0x32...0x35).contains(digits[0]), digits[1] <= 0x35 else {
      return false
    }
    return true
  }

  /// The reply code at the start of `text`, if any.
  static func code(_ text: Substring) -> Int? {
    guard startsWithCode(text) else { return nil }
    return Int(text.prefix(3))
  }

  /// Drops what a bounce wrapped around a quoted reply: Amazon SES's `550-'5.2.2 ...'` quotes,
  /// Exchange's closing `'` or `##`, a closing `>` of `<... smtp;550 ...>`.
  private static func clean(_ text: Substring) -> Substring {
    var rest = text
    // Gmail's older bounces repeat the code: "550 550 5.1.1 user unknown".
    if rest.dropFirst(3).hasPrefix(" " + rest.prefix(3) + " ") { rest = rest.dropFirst(4) }
    let afterCode = rest.dropFirst(3)
    if afterCode.hasPrefix("-'") || afterCode.hasPrefix(" '") {
      rest = rest.prefix(3) + " " + afterCode.dropFirst(2)
      if let quote = rest.lastIndex(of: "'") { rest = rest[..<quote] }
    }
    while let last = rest.last, last == " " || last == "#" || last == "'" || last == "\t" {
      rest = rest.dropLast()
    }
    return rest
  }

  /// The quotation as reply lines: each line already a reply line is kept, otherwise the
  /// quotation is one folded line, split where the same code starts again (`550-... 550 ...`).
  static func lines(_ quoted: [String]) -> [String]? {
    guard var first = quoted.first else { return nil }
    if first.hasPrefix("#") { first = String(first.dropFirst()) }
    guard startsWithCode(first[...]) else { return nil }
    let code = String(first.prefix(3))
    var lines: [String]
    if quoted.count > 1,
      quoted.allSatisfy({ $0.hasPrefix(code + "-") || $0.hasPrefix(code + " ") || $0 == code })
    {
      lines = quoted
    } else {
      lines = splitFolded(([first] + quoted.dropFirst()).joined(separator: " "), code: code)
    }
    return lines.map(\.trimmingWhitespace)
  }

  /// Splits `550-5.1.1 a 550-5.1.1 b 550 5.1.1 c` into its lines.
  private static func splitFolded(_ text: String, code: String) -> [String] {
    guard text.hasPrefix(code + "-") else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let startsLine =
        !current.isEmpty && (word.hasPrefix(code + "-") || word == code)
        && current.hasPrefix(code + "-")
      if startsLine {
        lines.append(current)
        current = String(word)
      } else {
        current += current.isEmpty ? String(word) : " " + word
      }
    }
    lines.append(current)
    return lines
  }

  /// Postfix's closing `(in reply to X command)`: the lines without it, and the command.
  static func postfixContext(_ lines: [String]) -> ([String], CommandKind?)? {
    guard let last = lines.last, let open = last.ranges(of: "(in reply to ").last,
      let close = last.ranges(of: " command)").last,
      open.upperBound <= close.lowerBound
    else { return nil }
    let phrase = last[open.upperBound..<close.lowerBound]
    let kind = BounceLeadIn.command(named: phrase)
    var rest = lines
    rest[rest.count - 1] = last[..<open.lowerBound].trimmingWhitespace
    return (rest, kind)
  }
}
