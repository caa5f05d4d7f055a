/// Reads the SMTP reply out of a provider's JSON bounce notification.
///
/// Amazon SES (`"diagnosticCode": "smtp; 550 5.1.1 ..."` in `bounce.bouncedRecipients`, also
/// inside the escaped `"Message"` string of an SNS notification e-mail), Postmark
/// (`"Details": "smtp;550 ..."`), SendGrid event webhooks (`"reason": "550 ..."`), Mailgun
/// events (`"delivery-status": {"message": ..., "description": ...}`). Keys are searched, not
/// parsed into a tree: the value after a key is read up to its closing quote, JSON escapes
/// (RFC 8259 section 7) decoded, and a reply looked for in it.
enum BounceJSON {
  /// The keys whose string value may hold an SMTP reply, in order of preference.
  static let keys = [
    "diagnosticCode", "diagnostic-code", "diagnostic_code", "Details", "smtp-response",
    "smtpResponse", "reason", "description", "message", "response", "error",
  ]

  /// The replies in the JSON values of `text`, each with its recipient when one is near.
  static func replies(in text: String) -> [BounceScanner.Candidate] {
    // A byte search: JSON keys are ASCII, and most bounces hold none of them.
    let bytes = Array(text.utf8)
    let markers = [
      "\"diagnosticCode", "diagnosticCode\\\"", "\"Details\"", "\"reason\"", "\"delivery-status\"",
      "\"event\"",
    ]
    guard markers.contains(where: { BounceReplyText.find(Array($0.utf8), in: bytes) != nil })
    else { return [] }
    var out: [BounceScanner.Candidate] = []
    for key in keys {
      for value in values(of: key, in: text) {
        guard let start = BounceReplyText.start(in: value[...]),
          let lines = BounceReplyText.lines([String(start)])
        else { continue }
        out.append(
          BounceScanner.Candidate(
            found: BounceText.Found(lines: lines, after: nil, format: .json), recipient: nil))
      }
      if !out.isEmpty { break }
    }
    return out
  }

  /// Every string value of `key` in `text`, plain or inside an escaped JSON string.
  private static func values(of key: String, in text: String) -> [String] {
    var out: [String] = []
    for range in text.ranges(of: "\"" + key) {
      var index = range.upperBound
      // The key may be escaped itself: `\"diagnosticCode\":\"...\"`.
      let escaped = text[..<range.lowerBound].hasSuffix("\\")
      // Skip the rest of the key's closing quote, the colon and white space.
      while index < text.endIndex, "\\\": \t".contains(text[index]) {
        if text[index] == ":" {
          index = text.index(after: index)
          break
        }
        index = text.index(after: index)
      }
      while index < text.endIndex, " \t\\".contains(text[index]) {
        index = text.index(after: index)
      }
      guard index < text.endIndex, text[index] == "\"" else { continue }
      index = text.index(after: index)
      out.append(readString(text, from: index, escaped: escaped))
      if out.count >= 50 { break }
    }
    return out
  }

  /// The string value starting at `start`, up to its closing quote, escapes decoded.
  private static func readString(_ text: String, from start: String.Index, escaped: Bool)
    -> String
  {
    var out = ""
    var index = start
    while index < text.endIndex, out.utf8.count < 4096 {
      let character = text[index]
      if character == "\"" { break }
      if character == "\\" {
        var next = text.index(after: index)
        // In an escaped string the escape itself is escaped: `\\\"` is a quote, `\"` the end.
        if escaped, next < text.endIndex, text[next] == "\"" { break }
        if escaped, next < text.endIndex, text[next] == "\\" {
          next = text.index(after: next)
        }
        guard next < text.endIndex else { break }
        switch text[next] {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "r": out.append("\r")
        case "u":
          let hex = text[text.index(after: next)...].prefix(4)
          if hex.count == 4, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value)
          {
            out.unicodeScalars.append(scalar)
            next = text.index(next, offsetBy: 4)
          }
        default: out.append(text[next])
        }
        index = text.index(after: next)
        continue
      }
      out.append(character)
      index = text.index(after: index)
    }
    return out
  }
}
