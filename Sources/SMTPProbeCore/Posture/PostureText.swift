/// Small text helpers the posture parsers share.
enum PostureText {
  /// `text` without leading and trailing spaces, tabs, CR and LF (RFC 6376 3.2 `FWS`).
  static func trimmed(_ text: some StringProtocol) -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let start = text.firstIndex(where: { !isSpace($0) }),
      let end = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[start...end])
  }

  /// Whether `text` starts with `prefix`, ignoring ASCII case.
  static func hasPrefix(_ text: String, caseInsensitive prefix: String) -> Bool {
    text.count >= prefix.count && text.prefix(prefix.count).lowercased() == prefix.lowercased()
  }

  /// Whether `name` is `domain` or a name under it, ignoring case and a trailing dot.
  static func isSameOrSubdomain(_ name: String, of domain: String) -> Bool {
    let name = normalized(name)
    let domain = normalized(domain)
    return name == domain || name.hasSuffix("." + domain)
  }

  /// A domain name lower-cased without its trailing dot.
  static func normalized(_ name: String) -> String {
    var text = name.lowercased()
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
