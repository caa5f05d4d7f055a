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

  public init(colors: Bool, width: Int? = LineWrap.width) {
    self.colors = colors
    self.width = width
  }

  /// No escapes, wrapped at 80 columns: what a pipe or a test gets.
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

  /// How a renderer marks a piece of text: good news, a warning, a failure, a detail.
  public enum Tone: Hashable, Sendable {
    case good, warn, bad, dim
  }

  /// `text` in the colour of `tone`: green, yellow, red, or dimmed.
  public func paint(_ text: String, _ tone: Tone) -> String {
    switch tone {
    case .good: sgr("32", text)
    case .warn: sgr("33", text)
    case .bad: sgr("31", text)
    case .dim: sgr("2", text)
    }
  }

  private func sgr(_ code: String, _ text: String) -> String {
    guard colors, !text.isEmpty else { return text }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  /// Wraps `text` into lines of at most `width` columns, `indent` included, with `LineWrap`.
  ///
  /// At least 20 columns are left for the text whatever the indent.
  public func wrap(_ text: String, indent: String = "") -> [String] {
    guard let width else { return [indent + text] }
    let wrapped = LineWrap.wrap(
      text, prefix: indent, indent: indent,
      width: max(width, LineWrap.columns(of: indent) + 20))
    return wrapped.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
      String.init)
  }
}
