/// Decodes the two MIME content-transfer-encodings a bounce part uses to carry text.
///
/// RFC 2045 section 6.7 (quoted-printable) and section 6.8 (base64). Both are lenient, as
/// RFC 2045 asks of decoders: a malformed escape is kept as written, characters outside the
/// base64 alphabet are skipped, and nothing traps on any input.
enum TransferDecoding {
  /// Decodes quoted-printable `text`: `=XX` escapes become bytes and a `=` at the end of a line
  /// (a soft line break, RFC 2045 rule 5) joins the line to the next.
  static func quotedPrintable(_ text: Substring) -> [UInt8] {
    let input = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(input.count)
    var i = 0
    while i < input.count {
      let byte = input[i]
      guard byte == 0x3D else {
        out.append(byte)
        i += 1
        continue
      }
      // A soft line break: "=" then optional trailing white space, then CRLF or LF.
      var j = i + 1
      while j < input.count, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
      if j < input.count, input[j] == 0x0D || input[j] == 0x0A {
        if input[j] == 0x0D, j + 1 < input.count, input[j + 1] == 0x0A { j += 1 }
        i = j + 1
        continue
      }
      if j >= input.count {
        i = j
        continue
      }
      if i + 2 < input.count, let high = hexValue(input[i + 1]), let low = hexValue(input[i + 2]) {
        out.append(high << 4 | low)
        i += 3
      } else {
        out.append(byte)
        i += 1
      }
    }
    return out
  }

  /// Decodes base64 `text` leniently, as a MIME body part.
  ///
  /// Line breaks and any other byte outside the alphabet are skipped (RFC 2045 section 6.8
  /// asks decoders to ignore them) and decoding stops at the first `=` pad; the alphabet work
  /// is `Base64.decode`'s, given the cleaned, re-padded text.
  static func base64(_ text: Substring) -> [UInt8] {
    var clean: [UInt8] = []
    clean.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case 0x3D: break
      case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2B, 0x2F: clean.append(byte)
      case 0x2D: clean.append(0x2B)  // "-" of the URL-safe alphabet is "+"
      case 0x5F: clean.append(0x2F)  // "_" is "/"
      default: continue
      }
      if byte == 0x3D { break }
    }
    // A lone trailing character carries fewer than 8 bits: drop it, then pad to a quantum.
    if clean.count % 4 == 1 { clean.removeLast() }
    while clean.count % 4 != 0 { clean.append(0x3D) }
    return Base64.decode(String(decoding: clean, as: UTF8.self)) ?? []
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }
}
