/// One leaf of a bounce message's MIME tree, decoded to text.
///
/// Only the parts that can quote a reply are kept: text (RFC 2046 section 4.1), delivery
/// status (RFC 3464 section 2) and HTML, which is read only when nothing else quotes a reply.
/// Parts inside an attached original message (`message/rfc822`, RFC 2046 section 5.2.1) are
/// marked, since a reply there is an older bounce the original carried, not this one's.
struct MIMEPart: Sendable {
  enum Kind: Sendable {
    case text
    case deliveryStatus
    case html
  }

  var kind: Kind
  /// The decoded content (for HTML, the markup: `HTMLText.plain` reads it when needed).
  var text: String
  /// Whether the part sits inside an attached original message.
  var isOriginal: Bool
}

/// A header block: RFC 5322 section 2.2 fields, unfolded (section 2.2.3), names lowercased.
struct MIMEHeaders: Sendable {
  var fields: [(name: String, value: String)] = []

  /// The first field named `name` (lowercase), if any.
  subscript(_ name: String) -> String? {
    fields.first { $0.name == name }?.value
  }

  /// The media type (`text/plain`), lowercased, without parameters.
  var contentType: String? {
    self["content-type"].map {
      String($0.prefix { $0 != ";" }).trimmingWhitespace.lowercased()
    }
  }

  /// A parameter of Content-Type (RFC 2045 section 5.1), quotes removed.
  func contentTypeParameter(_ name: String) -> String? {
    guard let value = self["content-type"] else { return nil }
    for piece in value.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingWhitespace.lowercased() == name else { continue }
      var parameter = pair[1].trimmingWhitespace
      if parameter.hasPrefix("\""), parameter.hasSuffix("\""), parameter.count >= 2 {
        parameter = String(parameter.dropFirst().dropLast())
      }
      return parameter
    }
    return nil
  }

  /// Whether `line` is a header field line: a name of printable characters, then a colon.
  static func isField(_ line: Substring) -> Bool {
    var sawName = false
    for byte in line.utf8 {
      if byte == 0x3A { return sawName }
      guard byte > 0x20, byte < 0x7F else { return false }
      sawName = true
    }
    return false
  }

  /// Reads the header block at the start of `lines`; returns the headers and the index of the
  /// first body line, or nil when the first line is not a field.
  static func read(_ lines: ArraySlice<Substring>) -> (MIMEHeaders, Int)? {
    guard let first = lines.first, isField(first) else { return nil }
    var headers = MIMEHeaders()
    var index = lines.startIndex
    while index < lines.endIndex {
      let line = lines[index]
      if line.isEmpty || line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        return (headers, index + 1)
      }
      // A folded line starts with white space (RFC 5322 2.2.3); pastes often lose it, so a
      // line after a value ending in ";" (a Content-Type parameter list) continues it too.
      let continues =
        line.first == " " || line.first == "\t"
        || (headers.fields.last?.value.hasSuffix(";") == true && !isField(line))
      if continues, !headers.fields.isEmpty {
        headers.fields[headers.fields.count - 1].value += " " + line.trimmingWhitespace
      } else if isField(line), let colon = line.firstIndex(of: ":") {
        headers.fields.append(
          (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingWhitespace))
      } else {
        return (headers, index)
      }
      index += 1
    }
    return (headers, index)
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs, CR and LF.
  var trimmingWhitespace: String {
    let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\r" || c == "\n" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }
}
