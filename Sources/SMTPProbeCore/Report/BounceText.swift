/// Finds the SMTP replies quoted inside a bounce message (a non-delivery report) a person pasted.
///
/// A bounce quotes the remote server's reply in one of a few well-known shapes; each is
/// recognized by its marker, the reply after it is taken (with the lines that continue it), and
/// the command it answered is read from the bounce when it says so:
/// - RFC 3464 section 2.3.6 delivery status: `Diagnostic-Code: smtp; 550 5.1.1 ...` (folded
///   header lines continue it).
/// - Postfix `bounce(8)`: `host mx.example.com[203.0.113.5] said: 550 ... (in reply to RCPT TO
///   command)`, and `refused to talk to me:` for a refused greeting.
/// - Exim: `SMTP error from remote mail server after RCPT TO:<x@y>:` with the reply on the same
///   or the next, indented, line.
/// - Gmail: `The response from the remote server was:` (or `The response was:`) and the reply
///   on the following lines.
/// - Microsoft Exchange and Outlook: `Remote Server returned '550 5.1.10 ...'`, sometimes as
///   `'#550 ... ##'`.
///
/// The same reply quoted twice (Postfix writes it in the text and in the DSN part) is kept once,
/// with the context the fuller quotation gave.
public enum BounceText {
  /// Which bounce format a reply was found in.
  public enum Format: String, Hashable, Sendable {
    case deliveryStatus = "delivery-status"
    case postfix
    case exim
    case gmail
    case exchange
  }

  /// One reply found in a bounce.
  public struct Found: Hashable, Sendable {
    /// The reply's lines, as the server sent them (a folded quotation is one line).
    public var lines: [String]
    /// The command the bounce says the reply answered.
    public var after: CommandKind?
    public var format: Format

    public init(lines: [String], after: CommandKind?, format: Format) {
      self.lines = lines
      self.after = after
      self.format = format
    }
  }

  /// Every reply quoted in `text`, in order, or an empty array when `text` is not a bounce.
  public static func replies(in text: String) -> [Found] {
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      .map { $0.last == "\r" ? String($0.dropLast()) : String($0) }
    var found: [Found] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      guard let match = marker(in: line) else { continue }
      var quoted = [match.rest]
      if match.continues {
        index = continuation(of: match, in: lines, from: index, into: &quoted)
      }
      if var reply = replyLines(quoted.filter { !$0.isEmpty }, format: match.format) {
        var after = match.after
        if let (rest, context) = postfixContext(reply.lines) {
          reply.lines = rest
          after = after ?? context
        }
        reply.after = after
        add(reply, to: &found)
      }
    }
    return found
  }

  /// Appends the lines that continue a quotation and returns the index after them.
  ///
  /// When the marker ended its line the reply starts on the next non-blank line (Gmail, Exim);
  /// otherwise indented lines continue it (a folded header, Postfix's wrapped text), up to a
  /// blank line.
  private static func continuation(
    of match: Marker, in lines: [String], from start: Int, into quoted: inout [String]
  ) -> Int {
    var index = start
    let needsIndent = !match.rest.isEmpty || match.format != .gmail
    if match.rest.isEmpty {
      while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
    }
    while index < lines.count {
      let next = lines[index]
      if next.allSatisfy(\.isWhitespace) { break }
      let indented = next.first == " " || next.first == "\t"
      if needsIndent, !indented { break }
      quoted.append(next.trimmed)
      index += 1
    }
    return index
  }

  /// The enhanced status code of an RFC 3464 `Status:` field (section 2.3.4), when the pasted
  /// delivery status has no SMTP diagnostic to quote.
  public static func deliveryStatus(in text: String) -> EnhancedStatusCode? {
    for line in text.split(whereSeparator: \.isNewline) {
      guard let rest = line.trimmed.afterPrefix("Status:") else { continue }
      // The status may be followed by a comment: `Status: 5.1.1 (user unknown)`.
      let code = rest.trimmed.prefix { !$0.isWhitespace && $0 != "(" }
      if let status = EnhancedStatusCode(String(code)) { return status }
    }
    return nil
  }

  /// Keeps one copy of each reply, preferring the one that knows its command.
  private static func add(_ reply: Found, to found: inout [Found]) {
    let key = normalized(reply.lines)
    if let existing = found.firstIndex(where: { normalized($0.lines) == key }) {
      if found[existing].after == nil { found[existing].after = reply.after }
      return
    }
    found.append(reply)
  }

  private static func normalized(_ lines: [String]) -> String {
    lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .lowercased()
  }

  private struct Marker {
    var format: Format
    var rest: String
    var after: CommandKind?
    /// Whether the quotation may continue on the following lines.
    var continues: Bool
  }

  /// The bounce marker on `line`, with what follows it.
  private static func marker(in line: String) -> Marker? {
    // Every marker has a colon or an apostrophe: most lines are passed over in one scan.
    guard line.utf8.contains(where: { $0 == 0x3A || $0 == 0x27 }) else { return nil }
    let trimmed = line.trimmed
    if let rest = trimmed.afterPrefix("Diagnostic-Code:") {
      // RFC 3464 2.3.6: diagnostic-type ";" *text; only SMTP diagnostics are replies.
      guard let semicolon = rest.firstIndex(of: ";"),
        rest[..<semicolon].trimmed.lowercased() == "smtp"
      else { return nil }
      return Marker(
        format: .deliveryStatus, rest: rest[rest.index(after: semicolon)...].trimmed, after: nil,
        continues: true)
    }
    if let range = trimmed.firstRange(of: "] said:") ?? trimmed.firstRange(of: " said:") {
      return Marker(
        format: .postfix, rest: trimmed[range.upperBound...].trimmed, after: nil, continues: true)
    }
    if let range = trimmed.firstRange(of: "refused to talk to me:") {
      return Marker(
        format: .postfix, rest: trimmed[range.upperBound...].trimmed, after: .greeting,
        continues: true)
    }
    if let range = trimmed.firstRange(of: "SMTP error from remote mail server after ") {
      let tail = trimmed[range.upperBound...]
      let (after, rest) = eximContext(String(tail))
      return Marker(format: .exim, rest: rest, after: after, continues: true)
    }
    for phrase in ["The response from the remote server was:", "The response was:"] {
      if let range = trimmed.firstRange(of: phrase) {
        return Marker(
          format: .gmail, rest: trimmed[range.upperBound...].trimmed, after: nil, continues: true)
      }
    }
    if let range = trimmed.caseInsensitiveRange(of: "Remote Server returned '") {
      var rest = trimmed[range.upperBound...]
      if let close = rest.lastIndex(of: "'") { rest = rest[..<close] }
      var text = rest.trimmed
      if text.hasPrefix("<") && text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
      text = text.trimmed
      if text.hasPrefix("#") { text = String(text.dropFirst()) }
      while text.hasSuffix("#") { text = String(text.dropLast()) }
      // Older Exchange: `<#5.1.1 smtp;550 5.1.1 ...>`: the reply follows `smtp;`.
      if let smtp = text.caseInsensitiveRange(of: "smtp;") {
        text = String(text[smtp.upperBound...])
      }
      return Marker(format: .exchange, rest: text.trimmed, after: nil, continues: false)
    }
    return nil
  }

  /// Exim's `after COMMAND:` phrase: the command, and the reply when it is on the same line.
  private static func eximContext(_ tail: String) -> (CommandKind?, String) {
    var phrase = tail
    if let pipelined = phrase.afterPrefix("pipelined ") { phrase = pipelined }
    let steps: [(String, CommandKind)] = [
      ("RCPT TO", .rcpt), ("MAIL FROM", .mail), ("end of data", .endOfData), ("DATA", .data),
      ("initial connection", .greeting), ("EHLO", .ehlo), ("HELO", .helo),
      ("STARTTLS", .startTLS), ("AUTH", .auth), ("BDAT", .bdat),
    ]
    let kind = steps.first { phrase.uppercased().hasPrefix($0.0.uppercased()) }?.1
    // The reply starts after the colon that ends the command (`RCPT TO:<x@y>: 550 ...`).
    var rest = ""
    if let code = firstCodeIndex(in: phrase) { rest = String(phrase[code...]) }
    return (kind, rest.trimmed)
  }

  /// Where a reply code (`[2-5]dd` then space, hyphen or end) starts after a `:`.
  private static func firstCodeIndex(in text: String) -> String.Index? {
    var index = text.startIndex
    while let colon = text[index...].firstIndex(of: ":") {
      let after = text[text.index(after: colon)...].drop { $0 == " " || $0 == "#" }
      if startsWithCode(after) { return after.startIndex }
      index = text.index(after: colon)
    }
    return nil
  }

  private static func startsWithCode(_ text: Substring) -> Bool {
    let scalars = Array(text.unicodeScalars.prefix(4))
    guard scalars.count >= 3, ("2"..."5").contains(scalars[0]),
      scalars[1...2].allSatisfy({ ("0"..."9").contains($0) })
    else { return false }
    return scalars.count == 3 || scalars[3] == " " || scalars[3] == "-"
  }

  /// The quotation as reply lines: each line already a reply line is kept, otherwise the
  /// quotation is one folded line, split where the same code starts again (`550-... 550 ...`).
  private static func replyLines(_ quoted: [String], format: Format) -> Found? {
    guard var first = quoted.first else { return nil }
    if first.hasPrefix("#") { first = String(first.dropFirst()) }
    guard startsWithCode(first[...]) else { return nil }
    let code = String(first.prefix(3))
    var lines: [String]
    if quoted.count > 1, quoted.allSatisfy({ $0.hasPrefix(code + "-") || $0.hasPrefix(code + " ") })
    {
      lines = quoted
    } else {
      lines = splitFolded(([first] + quoted.dropFirst()).joined(separator: " "), code: code)
    }
    lines = lines.map(\.trimmed)
    return Found(lines: lines, after: nil, format: format)
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
  private static func postfixContext(_ lines: [String]) -> ([String], CommandKind?)? {
    guard var last = lines.last, let open = last.ranges(of: "(in reply to ").last,
      let close = last.ranges(of: " command)").last,
      open.upperBound <= close.lowerBound
    else { return nil }
    // A log line wraps the whole quotation in `status=bounced (...)`: `command))`.
    let phrase = last[open.upperBound..<close.lowerBound].uppercased()
    let steps: [(String, CommandKind)] = [
      ("RCPT TO", .rcpt), ("MAIL FROM", .mail), ("END OF DATA", .endOfData), ("DATA", .data),
      ("EHLO", .ehlo), ("HELO", .helo), ("STARTTLS", .startTLS), ("AUTH", .auth),
      ("BDAT", .bdat), ("RSET", .rset), ("QUIT", .quit), ("LHLO", .ehlo),
    ]
    let kind = steps.first { phrase.hasPrefix($0.0) }?.1
    last = last[..<open.lowerBound].trimmed
    var rest = lines
    rest[rest.count - 1] = last
    return (rest, kind)
  }
}

extension StringProtocol {
  fileprivate var trimmed: String {
    guard let start = firstIndex(where: { !$0.isWhitespace }),
      let end = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[start...end])
  }

  fileprivate func afterPrefix(_ prefix: String) -> String? {
    guard self.prefix(prefix.count).lowercased() == prefix.lowercased() else { return nil }
    return String(self.dropFirst(prefix.count))
  }
}

extension StringProtocol {
  /// The first range of `needle` in `self`, ignoring ASCII case.
  fileprivate func caseInsensitiveRange(of needle: String) -> Range<Index>? {
    let target = Array(needle.lowercased().utf8)
    guard !target.isEmpty else { return nil }
    var start = startIndex
    while start < endIndex {
      var probe = start
      var matched = 0
      while matched < target.count, probe < endIndex,
        let octet = self[probe].asciiValue.map({ ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }),
        octet == target[matched]
      {
        matched += 1
        probe = index(after: probe)
      }
      if matched == target.count { return start..<probe }
      start = index(after: start)
    }
    return nil
  }
}
