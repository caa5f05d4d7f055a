/// Splits a structured header value (RFC 5322 3.2) into `;`-separated segments of words,
/// with comments set apart: the lexer under `AuthenticationResults` and `ReceivedSPF`.
///
/// Quoted strings (3.2.4) keep their `;` and spaces; comments (3.2.2) nest and are removed
/// from the words. `key = value`, `key= value` and `key =value` are joined into one
/// `key=value` word, as CFWS may surround `=` (RFC 8601 2.2).
enum HeaderTokens {
  /// One `;`-separated part of the value.
  struct Segment: Hashable, Sendable {
    var words: [String] = []
    var comments: [String] = []
  }

  static func split(_ value: String) -> [Segment] {
    var segments: [Segment] = []
    var current = Segment()
    var word = ""
    func endWord() {
      guard !word.isEmpty else { return }
      // "key=" then "value", or "key" then "=value": one item whose value was split by CFWS.
      // A value that itself ends in "=" (base64 padding) holds a second "=" and stays apart.
      let equalsInLast = current.words.last?.filter { $0 == "=" }.count ?? 0
      if let last = current.words.last,
        (last.hasSuffix("=") && equalsInLast == 1) || (word.hasPrefix("=") && equalsInLast == 0)
      {
        current.words[current.words.count - 1] = last + word
      } else {
        current.words.append(word)
      }
      word = ""
    }
    var scalars = Array(value.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      switch scalar {
      case "\r", "\n", " ", "\t":
        endWord()
      case ";":
        endWord()
        segments.append(current)
        current = Segment()
      case "(":
        endWord()
        var depth = 1
        var comment = ""
        while depth > 0, let inner = scalars.popFirst() {
          if inner == "\\", let escaped = scalars.popFirst() {
            comment.unicodeScalars.append(escaped)
            continue
          }
          if inner == "(" { depth += 1 }
          if inner == ")" { depth -= 1 }
          if depth > 0 { comment.unicodeScalars.append(inner) }
        }
        current.comments.append(
          comment.split(whereSeparator: \.isWhitespace).joined(separator: " "))
      case "\"":
        word.unicodeScalars.append(scalar)
        while let inner = scalars.popFirst() {
          if inner == "\\", let escaped = scalars.popFirst() {
            word.unicodeScalars.append(inner)
            word.unicodeScalars.append(escaped)
            continue
          }
          word.unicodeScalars.append(inner)
          if inner == "\"" { break }
        }
      default:
        word.unicodeScalars.append(scalar)
      }
    }
    endWord()
    if !current.words.isEmpty || !current.comments.isEmpty { segments.append(current) }
    return segments
  }

  /// A value without its surrounding quotes and with `\x` escapes resolved.
  static func unquoted(_ value: Substring) -> String {
    guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
      return String(value)
    }
    var out = ""
    var escaping = false
    for scalar in value.dropFirst().dropLast().unicodeScalars {
      if !escaping, scalar == "\\" {
        escaping = true
        continue
      }
      escaping = false
      out.unicodeScalars.append(scalar)
    }
    return out
  }
}
