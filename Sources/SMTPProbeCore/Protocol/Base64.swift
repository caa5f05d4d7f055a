/// Base64 as RFC 4648 section 4 defines it (the standard alphabet, `=` padding), used by
/// SMTP AUTH (RFC 4954 section 4) for challenges and responses.
public enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// The value of each alphabet octet, 0xFF for octets outside it.
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, octet) in alphabet.enumerated() { table[Int(octet)] = UInt8(index) }
    return table
  }()

  /// `bytes` encoded, padded with `=` to a multiple of four characters.
  public static func encode(_ bytes: some Collection<UInt8>) -> String {
    let input = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity((input.count + 2) / 3 * 4)
    var index = 0
    while index < input.count {
      let first = input[index]
      let second = index + 1 < input.count ? input[index + 1] : 0
      let third = index + 2 < input.count ? input[index + 2] : 0
      output.append(alphabet[Int(first >> 2)])
      output.append(alphabet[Int((first & 0x03) << 4 | second >> 4)])
      output.append(
        index + 1 < input.count
          ? alphabet[Int((second & 0x0F) << 2 | third >> 6)] : UInt8(ascii: "="))
      output.append(index + 2 < input.count ? alphabet[Int(third & 0x3F)] : UInt8(ascii: "="))
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The octets `text` encodes, or nil when it is not base64.
  ///
  /// Strict as RFC 4648 section 3.3 recommends: characters outside the alphabet, a length that
  /// is not a multiple of four and misplaced padding are refused. Surrounding spaces and tabs
  /// are ignored, since servers pad the text after `334 `.
  public static func decode(_ text: some StringProtocol) -> [UInt8]? {
    var input = Array(text.utf8)
    while let last = input.last, last == 0x20 || last == 0x09 { input.removeLast() }
    let start = input.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? input.endIndex
    input.removeSubrange(0..<start)
    guard input.count % 4 == 0 else { return nil }
    var padding = 0
    while padding < 2, let last = input.last, last == UInt8(ascii: "=") {
      input.removeLast()
      padding += 1
    }
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 3 / 4)
    var buffer: UInt32 = 0
    var bits = 0
    for octet in input {
      let value = values[Int(octet)]
      guard value != 0xFF else { return nil }
      buffer = buffer << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
      }
    }
    // The bits left over are padding and must be zero (RFC 4648 section 3.5).
    guard buffer & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
    return output
  }
}
