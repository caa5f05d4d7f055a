/// A reply's text prepared once for pattern matching: ASCII lowercased, white space folded,
/// addresses blanked.
///
/// Reply text is mostly ASCII (RFC 5321 section 4.2 allows only printable US-ASCII after the
/// code), but servers and bounces also quote UTF-8 (RFC 6531 section 3.7.4): Latin-1 and
/// Cyrillic capitals are lowercased too, so "Benutzer UNBEKANNT" and "ПОЛЬЗОВАТЕЛЬ" match;
/// other bytes, Japanese and Chinese among them, are kept as they are. Each run of spaces, tabs, CR or LF becomes one
/// space, so a phrase split across the lines of a multi-line reply still matches once the
/// lines are joined. A mailbox or host name in angle brackets (`<spam-reports@example.org>`,
/// `<dnsbl-test.example.org>`; RFC 5321 section 4.1.2) becomes `<>`: servers echo the address
/// or HELO name they refuse, and its words are the client's, not the server's ("virus",
/// "relay" and "rate-limit" are common local parts and host names).
public struct PatternText: Sendable {
  /// The folded bytes.
  public let bytes: [UInt8]
  /// Which byte pairs occur in `bytes`, hashed into 4096 bits: a phrase with a pair that is
  /// not here cannot occur, so most phrases are ruled out without scanning the text.
  let pairs: [UInt64]

  /// The longest bracketed span taken for an address (RFC 5321 section 4.5.3.1.3: 256).
  private static let maxAddress = 256

  /// Folds `text` for matching.
  public init(_ text: String) {
    let input = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(input.count)
    var lastWasSpace = true
    var i = 0
    while i < input.count {
      let byte = input[i]
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D:
        if !lastWasSpace { out.append(0x20) }
        lastWasSpace = true
      case 0x3C:  // "<"
        if let end = Self.addressEnd(input, from: i) {
          out += [0x3C, 0x3E]
          i = end
        } else {
          out.append(byte)
        }
        lastWasSpace = false
      case 0x41...0x5A:
        out.append(byte | 0x20)
        lastWasSpace = false
      case 0xC3 where i + 1 < input.count && Self.isLatinCapital(input[i + 1]):
        // U+00C0...U+00DE (but U+00D7 ×): Latin-1 capitals, lowercase 32 code points on.
        out += [0xC3, input[i + 1] + 0x20]
        i += 1
        lastWasSpace = false
      case 0xD0 where i + 1 < input.count && (0x80...0xAF).contains(input[i + 1]):
        // U+0400...U+042F: Cyrillic capitals (Unicode chart U0400), lowercase at U+0430...U+045F.
        let low = input[i + 1]
        out +=
          low >= 0x90 && low < 0xA0
          ? [0xD0, low + 0x20] : [0xD1, low >= 0xA0 ? low - 0x20 : low + 0x10]
        i += 1
        lastWasSpace = false
      default:
        out.append(byte)
        lastWasSpace = false
      }
      i += 1
    }
    if out.last == 0x20 { out.removeLast() }
    bytes = out
    var pairs = [UInt64](repeating: 0, count: 64)
    if out.count > 1 {
      for k in 1..<out.count {
        let h = Self.pairHash(out[k - 1], out[k])
        pairs[Int(h >> 6)] |= 1 << UInt64(h & 63)
      }
    }
    self.pairs = pairs
  }

  /// Whether `second`, after 0xC3, encodes a Latin-1 capital letter (U+00C0...U+00DE, not ×).
  private static func isLatinCapital(_ second: UInt8) -> Bool {
    (0x80...0x9E).contains(second) && second != 0x97
  }

  /// The bucket (0 to 4095) of the byte pair `a`, `b`.
  static func pairHash(_ a: UInt8, _ b: UInt8) -> UInt16 {
    UInt16(truncatingIfNeeded: (UInt32(a) &* 0x9E37 &+ UInt32(b) &* 0x85EB) >> 5) & 0xFFF
  }

  /// The distinct pair buckets of `needle`, for `contains(_:pairs:)`.
  static func pairHashes(of needle: [UInt8]) -> [UInt16] {
    guard needle.count > 1 else { return [] }
    var seen = Set<UInt16>()
    var out: [UInt16] = []
    for k in 1..<needle.count {
      let h = pairHash(needle[k - 1], needle[k])
      if seen.insert(h).inserted { out.append(h) }
    }
    return out
  }

  /// Whether the folded text contains `needle`, whose pair buckets are `needlePairs`; the
  /// buckets rule most needles out before any scan.
  func contains(_ needle: [UInt8], pairs needlePairs: [UInt16]) -> Bool {
    for h in needlePairs where pairs[Int(h >> 6)] & (1 << UInt64(h & 63)) == 0 {
      return false
    }
    return contains(needle)
  }

  /// The index of the ">" closing a mailbox or host name that starts with "<" at `start`, or
  /// nil when the bracket does not hold one (no "@" or ".", white space, or too long).
  private static func addressEnd(_ input: [UInt8], from start: Int) -> Int? {
    var sawAt = false  // an "@" or a "."
    var j = start + 1
    let limit = min(input.count, start + 1 + maxAddress)
    while j < limit {
      switch input[j] {
      case 0x3E: return sawAt ? j : nil
      case 0x40, 0x2E: sawAt = true
      case 0x20, 0x09, 0x0A, 0x0D, 0x3C: return nil
      default: break
      }
      j += 1
    }
    return nil
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
