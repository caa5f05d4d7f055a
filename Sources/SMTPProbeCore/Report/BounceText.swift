/// Finds the SMTP replies quoted inside a bounce message (a non-delivery report) a person
/// pasted.
///
/// The message is walked as MIME (`MIMEWalker`: multipart, quoted-printable, base64, nested
/// messages); `message/delivery-status` parts are read as RFC 3464 fields per recipient
/// (`DeliveryStatusReport`); text parts are scanned for each MTA's and provider's lead-ins
/// (`BounceScanner`, `BounceLeadIn.table`) and for JSON notifications (`BounceJSON`). When
/// nothing introduces a reply, a line that is a reply by itself counts. HTML parts are read
/// only when no text part quotes a reply, the attached original message last.
///
/// The same reply quoted twice (Postfix writes it in the text and in the DSN part) is kept
/// once, with the context the fuller quotation gave. When the bounce names its failed
/// recipients (RFC 3464 `Action: failed`, Exim's `X-Failed-Recipients:`), replies quoted for
/// other recipients are dropped, and success replies of a transcript never count.
public enum BounceText {
  /// Which bounce format a reply was found in.
  public enum Format: String, Hashable, Sendable {
    case deliveryStatus = "delivery-status"
    case postfix
    case exim
    case gmail
    case exchange
    case qmail
    case domino
    case transcript
    case provider
    case json
    case bareLine = "bare-line"
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

  /// The most replies kept from one bounce: one per recipient is the norm.
  static let maxReplies = 100

  /// Every reply quoted in `text`, in order, or an empty array when `text` is not a bounce.
  public static func replies(in text: String) -> [Found] {
    let parts = MIMEWalker.parts(of: text)
    let isBounce = looksLikeBounce(text, parts: parts)
    var failed = Set<String>()
    var candidates: [BounceScanner.Candidate] = []
    var fromDSN: [BounceScanner.Candidate] = []

    for part in parts where !part.isOriginal {
      switch part.kind {
      case .deliveryStatus:
        let report = DeliveryStatusReport(part.text)
        for recipient in report.recipients where recipient.isFailure {
          if let address = recipient.address { failed.insert(address) }
          if let candidate = candidate(from: recipient) { fromDSN.append(candidate) }
        }
      case .text:
        // A JSON notification's values are read as JSON; its lines are not a bounce's text.
        let json = BounceJSON.replies(in: part.text)
        candidates +=
          json.isEmpty
          ? BounceScanner(part.text, readsTranscripts: isBounce).leadInReplies() : json
      case .html:
        continue
      }
    }
    candidates += fromDSN
    failed.formUnion(failedRecipientsHeader(text))
    if candidates.isEmpty {
      for part in parts where part.kind == .html || part.isOriginal {
        guard part.kind != .deliveryStatus else { continue }
        // HTML is turned into text only here, when no text part quoted a reply.
        let text = part.kind == .html ? HTMLText.plain(part.text) : part.text
        candidates += BounceScanner(text, readsTranscripts: isBounce).leadInReplies()
        if !candidates.isEmpty { break }
      }
    }
    if candidates.isEmpty, isBounce {
      for part in parts where part.kind != .deliveryStatus && !part.isOriginal {
        candidates += BounceScanner(part.text, readsTranscripts: true).bareReplies()
      }
    }
    return select(candidates, failed: failed)
  }

  /// The candidates kept: negative replies before any positive one, those of failed
  /// recipients when the bounce names them, each reply once.
  private static func select(_ candidates: [BounceScanner.Candidate], failed: Set<String>)
    -> [Found]
  {
    var kept = candidates.filter { candidate in
      guard let first = candidate.found.lines.first else { return false }
      return (BounceReplyText.code(first[...]) ?? 0) >= 400
    }
    if !failed.isEmpty, kept.contains(where: { $0.recipient.map(failed.contains) ?? false }) {
      kept.removeAll { $0.recipient.map { !failed.contains($0) } ?? false }
    }
    var found: [Found] = []
    for candidate in kept {
      add(candidate.found, to: &found)
      if found.count >= maxReplies { break }
    }
    return found
  }

  /// The reply a delivery status group quotes in its `Diagnostic-Code`, if it is one.
  private static func candidate(from recipient: DeliveryStatusReport.Recipient)
    -> BounceScanner.Candidate?
  {
    guard let diagnostic = recipient.diagnostic,
      recipient.diagnosticType == "smtp" || BounceReplyText.startsWithCode(diagnostic[...]),
      let start = BounceReplyText.start(in: diagnostic[...]),
      var lines = BounceReplyText.lines([String(start)])
    else { return nil }
    var after: CommandKind?
    if let (rest, context) = BounceReplyText.postfixContext(lines) {
      lines = rest
      after = context
    }
    return BounceScanner.Candidate(
      found: Found(lines: lines, after: after, format: .deliveryStatus),
      recipient: recipient.address)
  }

  /// Exim's `X-Failed-Recipients:` header, lowercased addresses.
  private static func failedRecipientsHeader(_ text: String) -> Set<String> {
    let lines = MIMEWalker.headerLines(text)
    guard let (headers, _) = MIMEHeaders.read(lines[...]),
      let value = headers["x-failed-recipients"]
    else { return [] }
    return Set(value.split(separator: ",").map { $0.trimmingWhitespace.lowercased() })
  }

  /// Whether `text` is a bounce (a message, or text with a bounce's words), where transcript
  /// marks and bare reply lines may be read as the remote server's.
  private static func looksLikeBounce(_ text: String, parts: [MIMEPart]) -> Bool {
    if parts.count > 1 || parts.contains(where: { $0.kind != .text }) { return true }
    let lines = MIMEWalker.headerLines(text)
    if let (headers, _) = MIMEHeaders.read(lines[...]), MIMEWalker.looksLikeMessage(headers) {
      return true
    }
    // ASCII-lowercased bytes of the start: the words are ASCII, and bytes avoid grapheme work.
    let lower = text.utf8.prefix(20_000).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    let words = [
      "transcript of session", "while talking to", "mailer-daemon", "delivery status",
      "undeliver", "delivery has failed", "could not be delivered", "returned mail",
      "failure notice", "non-delivery", "permanent fatal error", "delivery to the following",
    ]
    return words.contains { BounceReplyText.find(Array($0.utf8), in: lower) != nil }
  }

  /// The enhanced status code of an RFC 3464 `Status:` field (section 2.3.4), when the pasted
  /// delivery status has no SMTP diagnostic to quote.
  public static func deliveryStatus(in text: String) -> EnhancedStatusCode? {
    for line in MIMEWalker.splitLines(text) {
      let trimmed = line.trimmingWhitespace
      guard trimmed.prefix(7).lowercased() == "status:" else { continue }
      // The status may be followed by a comment: `Status: 5.1.1 (user unknown)`.
      let code = trimmed.dropFirst(7).drop { $0 == " " || $0 == "\t" }
        .prefix { !$0.isWhitespace && $0 != "(" }
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
}
