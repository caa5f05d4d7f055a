/// Walks a pasted bounce message's MIME tree and returns its text parts, decoded.
///
/// RFC 2045 and RFC 2046: `multipart/*` bodies are split at their boundary lines (section
/// 5.1.1) and walked recursively; `message/rfc822` parts are walked as messages; parts are
/// decoded from quoted-printable or base64 (RFC 2045 section 6); `text/rfc822-headers` (RFC
/// 6522 section 4) and non-text parts are skipped. Text that is not a MIME message (a body
/// pasted without its headers) is one text part, split at boundary lines if it has them.
/// Bounded: at most `maxDepth` levels and `maxParts` parts, so no input traps or loops.
enum MIMEWalker {
  static let maxDepth = 8
  static let maxParts = 200
  /// The largest HTML part read (RFC 5322 messages can be large; a reply is near the top).
  static let maxHTMLBytes = 256 * 1024

  /// The text parts of `text`, in order.
  static func parts(of text: String) -> [MIMEPart] {
    let lines = splitLines(text)
    var out: [MIMEPart] = []
    if let (headers, bodyStart) = MIMEHeaders.read(lines[...]), looksLikeMessage(headers) {
      walk(headers: headers, body: lines[bodyStart...], isOriginal: false, depth: 0, into: &out)
    } else if let boundary = pastedBoundary(lines) {
      let all = lines[...]
      multipart(all, boundary: boundary, isOriginal: false, depth: 0, into: &out)
      if out.isEmpty { out.append(MIMEPart(kind: .text, text: text, isOriginal: false)) }
    } else {
      out.append(MIMEPart(kind: .text, text: text, isOriginal: false))
    }
    return out
  }

  /// Whether a header block is a message's (not a pasted delivery-status block).
  static func looksLikeMessage(_ headers: MIMEHeaders) -> Bool {
    let names: Set = [
      "content-type", "from", "received", "subject", "return-path", "date", "message-id",
      "mime-version", "to", "delivered-to", "x-failed-recipients",
    ]
    return headers.fields.contains { names.contains($0.name) }
  }

  /// The lines of `text`, split at LF with any CR before it dropped.
  ///
  /// A byte scan: LF is ASCII, so its positions are character boundaries, and walking the
  /// UTF-8 view avoids grapheme breaking (a 1 MiB bounce splits in well under a millisecond).
  static func splitLines(_ text: String, limit: Int = .max, stopAtBlank: Bool = false)
    -> [Substring]
  {
    var out: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    func line(to end: String.Index) -> Substring {
      var end = end
      if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
      return text[start..<end]
    }
    while index < utf8.endIndex, out.count < limit {
      if utf8[index] == 0x0A {
        let next = line(to: index)
        out.append(next)
        start = utf8.index(after: index)
        if stopAtBlank, next.isEmpty { return out }
      }
      index = utf8.index(after: index)
    }
    if out.count < limit { out.append(line(to: utf8.endIndex)) }
    return out
  }

  /// The header block at the start of `text`: its lines up to the first blank one.
  static func headerLines(_ text: String) -> [Substring] {
    splitLines(text, limit: 500, stopAtBlank: true)
  }

  private static func walk(
    headers: MIMEHeaders, body: ArraySlice<Substring>, isOriginal: Bool, depth: Int,
    into out: inout [MIMEPart]
  ) {
    guard depth < maxDepth, out.count < maxParts else { return }
    let type = headers.contentType ?? "text/plain"
    if type.hasPrefix("multipart/") {
      if let boundary = headers.contentTypeParameter("boundary"), !boundary.isEmpty {
        multipart(body, boundary: boundary, isOriginal: isOriginal, depth: depth, into: &out)
      } else {
        out.append(MIMEPart(kind: .text, text: joined(body), isOriginal: isOriginal))
      }
      return
    }
    switch type {
    case "message/rfc822", "message/global":
      let decoded = decode(body, headers: headers)
      let inner = splitLines(decoded)
      if let (innerHeaders, start) = MIMEHeaders.read(inner[...]) {
        walk(
          headers: innerHeaders, body: inner[start...], isOriginal: true, depth: depth + 1,
          into: &out)
      }
    case "message/delivery-status", "message/global-delivery-status":
      out.append(
        MIMEPart(
          kind: .deliveryStatus, text: decode(body, headers: headers), isOriginal: isOriginal))
    case "text/rfc822-headers", "text/global-headers":
      return
    case "text/html":
      let text = decode(body, headers: headers)
      guard text.utf8.count <= maxHTMLBytes else { return }
      out.append(MIMEPart(kind: .html, text: text, isOriginal: isOriginal))
    default:
      guard type.hasPrefix("text/") || type == "application/json" else { return }
      out.append(
        MIMEPart(kind: .text, text: decode(body, headers: headers), isOriginal: isOriginal))
    }
  }

  /// Splits a multipart body at `--boundary` lines and walks each part (RFC 2046 5.1.1).
  private static func multipart(
    _ body: ArraySlice<Substring>, boundary: String, isOriginal: Bool, depth: Int,
    into out: inout [MIMEPart]
  ) {
    let delimiter = "--" + boundary
    var current: [Substring] = []
    var inPart = false
    func flush() {
      guard inPart, !current.isEmpty else { return }
      if let (headers, start) = MIMEHeaders.read(current[...]) {
        walk(
          headers: headers, body: current[start...], isOriginal: isOriginal, depth: depth + 1,
          into: &out)
      } else {
        // A part with no headers is text/plain (RFC 2046 section 5.1.1).
        let body = current.first?.isEmpty == true ? current.dropFirst() : current[...]
        out.append(MIMEPart(kind: .text, text: joined(body), isOriginal: isOriginal))
      }
      current = []
    }
    // A body whose boundary never occurs (a truncated or re-wrapped paste) is read as text.
    guard body.contains(where: { $0.hasPrefix(delimiter) }) else {
      out.append(MIMEPart(kind: .text, text: joined(body), isOriginal: isOriginal))
      return
    }
    for line in body {
      if line.hasPrefix(delimiter) {
        let rest = line.dropFirst(delimiter.count)
        if rest.hasPrefix("--") {
          flush()
          inPart = false
          continue
        }
        if rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
          flush()
          inPart = true
          continue
        }
      }
      if inPart { current.append(line) }
      if out.count >= maxParts { return }
    }
    flush()
  }

  /// A boundary in text pasted without its message headers: a `--x` line followed within
  /// two lines by a Content-Type field.
  private static func pastedBoundary(_ lines: [Substring]) -> String? {
    for (index, line) in lines.enumerated() where line.hasPrefix("--") && line.count > 2 {
      let next = lines[(index + 1)..<min(lines.count, index + 3)]
      if next.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
        return String(line.dropFirst(2)).trimmingWhitespace
      }
    }
    return nil
  }

  /// The body decoded by its Content-Transfer-Encoding and charset (RFC 2045 section 6).
  private static func decode(_ body: ArraySlice<Substring>, headers: MIMEHeaders) -> String {
    let raw = joined(body)
    let encoding = headers["content-transfer-encoding"]?.trimmingWhitespace.lowercased()
    let bytes: [UInt8]
    switch encoding {
    case "quoted-printable": bytes = TransferDecoding.quotedPrintable(raw[...])
    case "base64": bytes = TransferDecoding.base64(raw[...])
    default: return raw
    }
    let charset = headers.contentTypeParameter("charset")?.lowercased() ?? ""
    if ["iso-8859-1", "latin1", "windows-1252", "us-ascii", "iso-8859-15"].contains(charset) {
      // Latin-1 bytes are the first 256 Unicode code points.
      var text = ""
      text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
      return text
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func joined(_ lines: ArraySlice<Substring>) -> String {
    lines.joined(separator: "\n")
  }
}
