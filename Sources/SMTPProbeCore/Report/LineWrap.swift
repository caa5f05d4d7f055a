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
    wrap(
      pieces: text.split(separator: " ").map(String.init), separator: " ", prefix: prefix,
      indent: indent, width: width)
  }

  /// Like `wrap`, but breaks only between `pieces` (each kept whole), joined by `separator`;
  /// a trailing space of the separator is dropped at a break.
  public static func wrap(
    pieces: [String], separator: String, prefix: String, indent: String,
    width: Int = LineWrap.width
  ) -> String {
    var out = ""
    var line = prefix
    var lineHasPiece = false
    for (index, piece) in pieces.enumerated() {
      let tail = index + 1 < pieces.count ? separator : ""
      let joined = tail.hasSuffix(" ") ? String(tail.dropLast()) : tail
      if lineHasPiece, line.count + piece.count + joined.count > width {
        if line.hasSuffix(" ") { line.removeLast() }
        out += line + "\n"
        line = indent
      }
      line += piece + tail
      lineHasPiece = true
    }
    return out + line + "\n"
  }
}
