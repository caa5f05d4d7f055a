/// Wraps prose at word boundaries so the text output reads at 80 columns.
///
/// Only our own explanations are wrapped; reply lines from the server are shown as sent.
/// A word longer than the width (a URL) stays whole on a line of its own.
public enum LineWrap {
  /// The terminal width the text output is laid out for.
  public static let width = 80

  /// `text` after `prefix` on the first line, continued under `indent`; each line ends in LF.
  public static func wrap(
    _ text: String, prefix: String, indent: String, width: Int = LineWrap.width
  ) -> String {
    var out = ""
    var line = prefix
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if lineHasWord, line.count + 1 + word.count > width {
        out += line + "\n"
        line = indent
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    return out + line + "\n"
  }
}
