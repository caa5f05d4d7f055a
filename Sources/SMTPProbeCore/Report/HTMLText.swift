/// The visible text of an HTML bounce part, for finding a reply quoted in it.
///
/// A rough reading, enough for NDRs that only come as HTML (Exchange, Office 365): tags are
/// dropped, the block tags `br`, `p`, `div`, `tr`, `li` and headings end a line, `script` and
/// `style` contents are skipped, and the five XML entities plus `&nbsp;` and decimal
/// references are decoded (HTML Living Standard, section 13.5 named character references).
enum HTMLText {
  static func plain(_ html: String) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count / 2)
    var index = html.startIndex
    var skipping: String?
    while index < html.endIndex {
      let character = html[index]
      if character == "<", let close = html[index...].firstIndex(of: ">") {
        let tag = html[html.index(after: index)..<close].lowercased()
        let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
        if let open = skipping {
          if tag.hasPrefix("/") && name == open { skipping = nil }
        } else if !tag.hasPrefix("/") && (name == "script" || name == "style") {
          skipping = name
        } else if ["br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"].contains(name) {
          out.append("\n")
        }
        index = html.index(after: close)
        continue
      }
      if skipping == nil {
        if character == "&", let (decoded, end) = entity(html, at: index) {
          out.append(decoded)
          index = end
          continue
        }
        out.append(character)
      }
      index = html.index(after: index)
    }
    return out
  }

  /// The character an entity at `start` stands for, and the index after it.
  private static func entity(_ html: String, at start: String.Index) -> (Character, String.Index)? {
    guard let semicolon = html[start...].prefix(10).firstIndex(of: ";") else { return nil }
    let name = html[html.index(after: start)..<semicolon]
    let named: [Substring: Character] = [
      "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " ",
    ]
    if let character = named[name] { return (character, html.index(after: semicolon)) }
    if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value)
    {
      return (Character(scalar), html.index(after: semicolon))
    }
    return nil
  }
}
