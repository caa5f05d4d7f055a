/// How bytes from the network (reply text, certificate names, host names from DNS) are shown:
/// the one policy for every renderer.
///
/// A hostile server must not be able to move the cursor, recolour or retitle the terminal
/// (ECMA-48 escape and control sequences), nor make a line read differently from what it is:
/// C0 controls other than tab, DEL and C1 controls print as `\xHH`; what
/// `WireValidation.isInvisible` names, except the visible non-ASCII spaces (a Japanese server's
/// U+3000 stays as sent), prints as `\u{XXXX}`: Unicode line and paragraph separators
/// (U+2028, U+2029) and every format character (category Cf: zero-width, bidirectional
/// controls of Unicode Standard Annex 9, the byte order mark U+FEFF, tag characters).
/// Everything else prints as received.
public enum UntrustedText {
  /// `text` with every character the policy names escaped.
  public static func shown(_ text: some StringProtocol) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(value) {
        out += "\\x" + hex(value, digits: 2)
      } else if WireValidation.isInvisible(scalar)
        && scalar.properties.generalCategory != .spaceSeparator
      {
        out += "\\u{" + hex(value, digits: 4) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` escaped and cut after `limit` characters of the original, with "..." when cut:
  /// for a server's line quoted inside one of our sentences.
  public static func quoted(_ text: some StringProtocol, limit: Int) -> String {
    let scalars = text.unicodeScalars
    let head = String(String.UnicodeScalarView(scalars.prefix(limit)))
    return shown(head) + (scalars.count > limit ? "..." : "")
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
