/// Finds the replies quoted in one text part of a bounce, line by line.
///
/// Each line is matched against `BounceLeadIn.table` and the few lead-ins that need their own
/// reading (RFC 3464 `Diagnostic-Code:`, Exim's `SMTP error from remote mail server after
/// ...`, Exchange's `Remote Server returned '...'`); a reply after a host or an address and a
/// colon (`host mx [192.0.2.1]: 550 ...`, `bob@example.com: 550 ...`) counts too. The
/// recipient a reply belongs to is the last address the bounce named on a line of its own.
struct BounceScanner {
  /// A reply found, with the recipient it was quoted for when the bounce says.
  struct Candidate: Sendable {
    var found: BounceText.Found
    var recipient: String?
  }

  let lines: [Substring]
  /// Whether transcript lines (`<<< 550 ...`) are read: only in a bounce, since a pasted
  /// client transcript uses the same marks and is read by `PastedReplies`.
  let readsTranscripts: Bool

  init(_ text: String, readsTranscripts: Bool) {
    lines = MIMEWalker.splitLines(text)
    self.readsTranscripts = readsTranscripts
  }

  /// The replies introduced by a lead-in, in order.
  func leadInReplies() -> [Candidate] {
    var out: [Candidate] = []
    var recipient: String?
    var clientCommand: CommandKind?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      guard !trimmed.isEmpty else { continue }
      if let address = Self.recipient(on: trimmed) { recipient = address }
      if trimmed.hasPrefix(">>> ") {
        clientCommand = BounceLeadIn.command(named: trimmed.dropFirst(4))
        continue
      }
      guard let marker = marker(on: trimmed, at: index - 1, clientCommand: clientCommand) else {
        continue
      }
      var quoted = [String]()
      if let rest = marker.rest {
        quoted.append(String(rest))
        index = continuation(from: index, indentOnly: marker.format != .gmail, into: &quoted)
      } else {
        // The reply starts on the next non-blank line (Gmail, Exim, "Reason:").
        var next = index
        while next < lines.count, lines[next].allSatisfy({ $0 == " " || $0 == "\t" }) {
          next += 1
        }
        guard next < lines.count, let start = BounceReplyText.start(in: lines[next]) else {
          continue
        }
        quoted.append(String(start))
        index = continuation(from: next + 1, indentOnly: marker.format != .gmail, into: &quoted)
      }
      guard var replyLines = BounceReplyText.lines(quoted) else { continue }
      var after = marker.after
      if let (rest, context) = BounceReplyText.postfixContext(replyLines) {
        replyLines = rest
        after = after ?? context
      }
      out.append(
        Candidate(
          found: BounceText.Found(lines: replyLines, after: after, format: marker.format),
          recipient: marker.recipient ?? recipient))
    }
    return out
  }

  /// Lines that are a reply by themselves (`550 5.1.1 User unknown`), for a bounce with no
  /// lead-in: a 4yz or 5yz code and an enhanced code or at least two words.
  func bareReplies() -> [Candidate] {
    var out: [Candidate] = []
    var recipient: String?
    var index = 0
    while index < lines.count {
      let trimmed = lines[index].drop { $0 == " " || $0 == "\t" }
      index += 1
      if let address = Self.recipient(on: trimmed) { recipient = address }
      guard let code = BounceReplyText.code(trimmed), code >= 400 else { continue }
      let text = trimmed.dropFirst(4)
      let words = text.split(separator: " ")
      guard EnhancedStatusCode.prefix(of: text) != nil || words.count >= 2 else { continue }
      var quoted = [String(trimmed).trimmingWhitespace]
      while index < lines.count, trimmed.dropFirst(3).first == "-" || quoted.count > 1 {
        let next = lines[index].drop { $0 == " " || $0 == "\t" }
        guard BounceReplyText.code(next) == code, quoted.last?.dropFirst(3).first == "-" else {
          break
        }
        quoted.append(String(next).trimmingWhitespace)
        index += 1
      }
      guard let replyLines = BounceReplyText.lines(quoted) else { continue }
      out.append(
        Candidate(
          found: BounceText.Found(lines: replyLines, after: nil, format: .bareLine),
          recipient: recipient))
    }
    return out
  }

  /// A lead-in found on a line: the format, the reply text after it (nil when it starts on
  /// the next line), the command and the recipient it names.
  private struct Marker {
    var format: BounceText.Format
    var rest: Substring?
    var after: CommandKind?
    var recipient: String?
  }

  private func marker(on line: Substring, at index: Int, clientCommand: CommandKind?) -> Marker? {
    // Every lead-in holds one of these bytes or the word "error"; most lines are passed over
    // with one scan of their bytes.
    guard
      line.utf8.contains(where: {
        $0 == 0x3A || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E || $0 == 0x3B
      })
        || BounceReplyText.find(Array("rror".utf8), in: Array(line.utf8)) != nil
    else { return nil }
    // ASCII-lowercased bytes: every marker is ASCII, so a match's byte offset is the same in
    // the line, and a byte search needs no per-call tables.
    let lower = line.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    /// The text after `marker` in the line, when the line holds it.
    func restAfter(_ marker: [UInt8]) -> (start: Int, rest: Substring)? {
      guard let at = BounceReplyText.find(marker, in: lower) else { return nil }
      let end = line.utf8.index(line.utf8.startIndex, offsetBy: at + marker.count)
      return (at, line[end...])
    }
    if lower.starts(with: Array("diagnostic-code:".utf8)) {
      let (type, text) = DeliveryStatusReport.afterType(String(line.dropFirst(16)))
      guard type == "smtp" || BounceReplyText.startsWithCode(text[...]),
        let start = BounceReplyText.start(in: text[...])
      else { return nil }
      return Marker(format: .deliveryStatus, rest: start)
    }
    if var (_, rest) = restAfter(Array("remote server returned '".utf8)) {
      // `'550 5.1.1 ...'`, `'#550 ... ##'` or `'<mx #5.1.1 smtp;550 ...>'`.
      if let close = rest.lastIndex(of: "'") { rest = rest[..<close] }
      while let last = rest.last, last == ">" || last == " " || last == "#" {
        rest = rest.dropLast()
      }
      guard let start = BounceReplyText.start(in: rest) else { return nil }
      return Marker(format: .exchange, rest: start)
    }
    if let (_, found) = restAfter(Array("smtp error from remote mail server after ".utf8)) {
      let tail = found.drop { $0 == " " }
      let phrase = tail.hasPrefix("pipelined ") ? tail.dropFirst(10) : tail
      let after: CommandKind? =
        phrase.lowercased().hasPrefix("initial connection")
        ? .greeting
        : phrase.lowercased().hasPrefix("end of data")
          ? .endOfData : BounceLeadIn.command(named: phrase)
      let address = Self.bracketedAddress(in: phrase)
      return Marker(
        format: .exim, rest: BounceReplyText.firstEmbedded(in: phrase), after: after,
        recipient: address)
    }
    for leadIn in BounceLeadIn.table {
      guard let (start, rest) = restAfter(leadIn.markerBytes) else { continue }
      if leadIn.atLineStart, start != 0 { continue }
      if leadIn.format == .transcript, !readsTranscripts { continue }
      var after = leadIn.after
      if leadIn.format == .transcript { after = after ?? clientCommand }
      if leadIn.format == .qmail { after = after ?? qmailStep(before: index) }
      if rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
        return Marker(format: leadIn.format, rest: nil, after: after)
      }
      guard let start = BounceReplyText.start(in: rest) else { continue }
      return Marker(format: leadIn.format, rest: start, after: after)
    }
    // `host mx.example.com [192.0.2.1]: 550 ...` (Exim), `bob@example.com: 550 ...`
    // (OpenSMTPD), `SMTP:RCPT host 192.0.2.1: 550 ...`.
    if let colon = line.firstIndex(of: ":") {
      let head = line[..<colon]
      let lowerHead = head.lowercased()
      if head.contains("@") || head.hasSuffix("]") || lowerHead.hasPrefix("host ")
        || lowerHead.hasPrefix("smtp:")
      {
        let rest = line[line.index(after: colon)...].drop { $0 == " " }
        if BounceReplyText.startsWithCode(rest), let start = BounceReplyText.start(in: rest) {
          let after =
            lowerHead.hasPrefix("smtp:") ? BounceLeadIn.command(named: head.dropFirst(5)) : nil
          return Marker(format: .provider, rest: start, after: after)
        }
      }
    }
    return nil
  }

  /// The command qmail names in the two lines before "Remote host said:".
  private func qmailStep(before index: Int) -> CommandKind? {
    for back in lines[max(0, index - 2)..<index].reversed() {
      let lower = back.lowercased()
      if let step = BounceLeadIn.qmailSteps.first(where: { lower.contains($0.phrase) }) {
        return step.after
      }
    }
    return nil
  }

  /// Appends the lines that continue a quotation and returns the index after them: indented
  /// lines (a folded header, Postfix's wrapped text) and lines of the same multi-line reply
  /// (`550-...` then `550 ...`); for Gmail, every line up to a blank one.
  private func continuation(from start: Int, indentOnly: Bool, into quoted: inout [String]) -> Int {
    var index = start
    while index < lines.count {
      let next = lines[index]
      if next.allSatisfy({ $0 == " " || $0 == "\t" }) { break }
      let indented = next.first == " " || next.first == "\t"
      let trimmed = next.trimmingWhitespace
      let previous = quoted.last ?? ""
      let sameReply =
        previous.utf8.count > 3 && Array(previous.utf8)[3] == 0x2D
        && trimmed.hasPrefix(String(previous.prefix(3)))
      guard !indentOnly || indented || sameReply else { break }
      // An address on a line of its own ends the quotation.
      if !indented, Self.recipient(on: trimmed[...]) != nil { break }
      quoted.append(trimmed)
      index += 1
      if quoted.count > 40 { break }
    }
    return index
  }

  /// The address a line names on its own: `<bob@example.com>:`, `bob@example.com`,
  /// `>>> bob@example.com <bob@example.com>`, `Final-Recipient: rfc822; bob@example.com`.
  static func recipient(on line: Substring) -> String? {
    var text = line
    let lower = text.prefix(20).lowercased()
    if lower.hasPrefix("final-recipient:") || lower.hasPrefix("original-recipient:") {
      let (_, address) = DeliveryStatusReport.afterType(String(text))
      return address.contains("@") ? address.lowercased() : nil
    }
    if text.hasPrefix(">>> ") { text = text.dropFirst(4) }
    if text.hasPrefix("<"), let close = text.firstIndex(of: ">") {
      let inner = text[text.index(after: text.startIndex)..<close]
      let after = text[text.index(after: close)...].drop { $0 == " " }
      guard inner.contains("@"), !inner.contains(" "),
        after.isEmpty || after.hasPrefix(":") || after.hasPrefix("...") || after.hasPrefix("<")
          || after.hasPrefix("(")
      else { return nil }
      return inner.lowercased()
    }
    let token = text.prefix { $0 != " " && $0 != ":" && $0 != "\t" }
    guard token.contains("@"), !token.hasPrefix("@"), token.count < 256 else { return nil }
    let after = text.dropFirst(token.count).drop { $0 == " " }
    guard after.isEmpty || after.hasPrefix(":") || after.hasPrefix("<") || after.hasPrefix("(")
    else { return nil }
    return token.lowercased()
  }

  /// The address in the first `<...>` of `text`.
  static func bracketedAddress(in text: Substring) -> String? {
    guard let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") else {
      return nil
    }
    let inner = text[text.index(after: open)..<close]
    return inner.contains("@") ? inner.lowercased() : nil
  }
}
