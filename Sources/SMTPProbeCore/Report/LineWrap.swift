/// Wraps prose at word boundaries: the one line wrapper of the text renderers.
///
/// Only our own explanations are wrapped; reply lines from the server are shown as sent.
/// A word longer than the width (a URL) stays whole on a line of its own. Widths count
/// terminal columns: East Asian wide characters take two.
public enum LineWrap {
  /// The width when the output is not a terminal (a pipe, a file, a test).
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
      if lineHasPiece,
        columns(of: line) + columns(of: piece) + columns(of: joined) > width
      {
        if line.hasSuffix(" ") { line.removeLast() }
        out += line + "\n"
        line = indent
      }
      line += piece + tail
      lineHasPiece = true
    }
    return out + line + "\n"
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
