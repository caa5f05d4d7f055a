/// How text output is decorated: ANSI bold and colours, or nothing, and the wrap width.
///
/// The caller decides (`--color auto|always|never`, the `NO_COLOR` convention, whether stdout
/// is a terminal); renderers only ask this value. With `colors` off every method returns its
/// input unchanged, so piped output never carries escape sequences (ECMA-48 SGR codes).
public struct TerminalStyle: Hashable, Sendable {
  /// Whether to emit ANSI escape sequences.
  public var colors: Bool
  /// The column at which paragraphs wrap, or nil for no wrapping.
  public var width: Int?

  public init(colors: Bool, width: Int? = 78) {
    self.colors = colors
    self.width = width
  }

  /// No escapes, wrapped at 78 columns: what a pipe or a test gets.
  public static let plain = TerminalStyle(colors: false)

  /// `text` in bold.
  public func bold(_ text: String) -> String { sgr("1", text) }

  /// `text` dimmed, for secondary details.
  public func dim(_ text: String) -> String { sgr("2", text) }

  /// `text` in the colour of a reply class: green for 2yz, cyan for 3yz, yellow for 4yz,
  /// red for 5yz; unchanged when the class is unknown.
  public func colored(_ text: String, for replyClass: ReplyClass?) -> String {
    switch replyClass {
    case .positiveCompletion: sgr("32", text)
    case .positiveIntermediate: sgr("36", text)
    case .transientNegative: sgr("33", text)
    case .permanentNegative: sgr("31", text)
    case nil: text
    }
  }

  private func sgr(_ code: String, _ text: String) -> String {
    guard colors, !text.isEmpty else { return text }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  /// Wraps `text` into lines of at most `width` columns, `indent` included.
  ///
  /// Breaks at spaces; a word longer than the line stays whole. East Asian wide characters
  /// count two columns.
  public func wrap(_ text: String, indent: String = "") -> [String] {
    guard let width else { return [indent + text] }
    let available = max(20, width - indent.count)
    var lines: [String] = []
    var current = ""
    var currentColumns = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let columns = TerminalStyle.columns(of: word)
      if currentColumns > 0, currentColumns + 1 + columns > available {
        lines.append(indent + current)
        current = ""
        currentColumns = 0
      }
      if currentColumns > 0 {
        current += " "
        currentColumns += 1
      }
      current += word
      currentColumns += columns
    }
    if !current.isEmpty || lines.isEmpty { lines.append(indent + current) }
    return lines
  }

  /// The terminal columns `text` takes: two for wide (CJK, full-width) characters, else one.
  public static func columns(of text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      let value = scalar.value
      let wide =
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value)
      return total + (wide ? 2 : 1)
    }
  }
}
