/// A reply's text prepared once for pattern matching: ASCII lowercased, white space folded.
///
/// Reply text is mostly ASCII (RFC 5321 section 4.2 allows only printable US-ASCII after the
/// code); other bytes are kept as they are. Each run of spaces, tabs, CR or LF becomes one
/// space, so a phrase split across the lines of a multi-line reply still matches once the
/// lines are joined.
public struct PatternText: Sendable {
  /// The folded bytes.
  public let bytes: [UInt8]

  /// Folds `text` for matching.
  public init(_ text: String) {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var lastWasSpace = true
    for byte in text.utf8 {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D:
        if !lastWasSpace { out.append(0x20) }
        lastWasSpace = true
      case 0x41...0x5A:
        out.append(byte | 0x20)
        lastWasSpace = false
      default:
        out.append(byte)
        lastWasSpace = false
      }
    }
    if out.last == 0x20 { out.removeLast() }
    bytes = out
  }

  /// The folded form of `text` as a string (used to normalise pattern phrases).
  public static func fold(_ text: String) -> String {
    String(decoding: PatternText(text).bytes, as: UTF8.self)
  }

  /// Whether the folded text contains `needle` (already folded).
  ///
  /// A plain scan: replies are short and phrases shorter, so this beats building a search
  /// table per call.
  public func contains(_ needle: [UInt8]) -> Bool {
    let n = needle.count
    guard n > 0 else { return true }
    guard n <= bytes.count else { return false }
    let first = needle[0]
    return bytes.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pin in
        var i = 0
        let last = hay.count - n
        while i <= last {
          if hay[i] == first {
            var j = 1
            while j < n, hay[i + j] == pin[j] { j += 1 }
            if j == n { return true }
          }
          i += 1
        }
        return false
      }
    }
  }

  /// Whether the folded text contains `phrase` (folded here).
  public func contains(_ phrase: String) -> Bool {
    contains(PatternText(phrase).bytes)
  }
}
