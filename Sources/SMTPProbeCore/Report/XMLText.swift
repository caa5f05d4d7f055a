/// Escapes text for XML 1.0 character data and attribute values.
///
/// `&`, `<` and `>` become entity references, and in attributes `"` too (XML 1.0 2.4, 3.1).
/// Characters the `Char` production (XML 1.0 2.2) forbids — C0 controls other than tab, LF
/// and CR, and U+FFFE/U+FFFF — cannot be written even as references, so they are dropped.
/// In attributes, tab, LF and CR are written as character references, because attribute-value
/// normalization (XML 1.0 3.3.3) would otherwise turn them into spaces.
public enum XMLText {
  /// `value` as element content.
  public static func content(_ value: String) -> String { escape(value, attribute: false) }

  /// `value` for the inside of a double-quoted attribute.
  public static func attribute(_ value: String) -> String { escape(value, attribute: true) }

  private static func escape(_ value: String, attribute: Bool) -> String {
    var out = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\t" where attribute: out += "&#9;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        if !forbidden { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
