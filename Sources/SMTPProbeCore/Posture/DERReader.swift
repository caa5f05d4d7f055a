/// Reads DER (ITU-T X.690 8.1, 10.1): one tag-length-value element at a time, definite
/// lengths only, as a SubjectPublicKeyInfo (RFC 5280 4.1.2.7) is encoded.
struct DERReader {
  /// One element: its tag octet and its content.
  struct Element {
    var tag: UInt8
    var content: ArraySlice<UInt8>
  }

  /// ASN.1 universal tags used here (X.680 8.4).
  static let integer: UInt8 = 0x02
  static let bitString: UInt8 = 0x03
  static let objectIdentifier: UInt8 = 0x06
  static let sequence: UInt8 = 0x30

  private var bytes: ArraySlice<UInt8>

  init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

  /// Whether everything has been read.
  var isAtEnd: Bool { bytes.isEmpty }

  /// The next element, or nil when the bytes are not DER: a multi-octet tag, an indefinite
  /// or non-minimal length, or a length past the end.
  mutating func next() -> Element? {
    guard let tag = bytes.first, tag & 0x1F != 0x1F else { return nil }
    var index = bytes.index(after: bytes.startIndex)
    guard index < bytes.endIndex else { return nil }
    let first = bytes[index]
    index += 1
    var length = 0
    if first < 0x80 {
      length = Int(first)
    } else {
      let count = Int(first & 0x7F)
      // 0x80 is the indefinite form (BER only); four length octets are plenty for a key.
      guard (1...4).contains(count), bytes.endIndex - index >= count, bytes[index] != 0 else {
        return nil
      }
      for _ in 0..<count {
        length = length << 8 | Int(bytes[index])
        index += 1
      }
      guard length >= 0x80 else { return nil }
    }
    guard bytes.endIndex - index >= length else { return nil }
    let content = bytes[index..<(index + length)]
    bytes = bytes[(index + length)...]
    return Element(tag: tag, content: content)
  }

  /// The next element if it has `tag`.
  mutating func next(_ tag: UInt8) -> ArraySlice<UInt8>? {
    guard let element = next(), element.tag == tag else { return nil }
    return element.content
  }
}
