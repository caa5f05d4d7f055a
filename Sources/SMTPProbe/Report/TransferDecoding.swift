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

  /// Decodes base64 `text`, skipping line breaks and any other byte outside the alphabet;
  /// decoding stops at the first `=` pad.
  static func base64(_ text: Substring) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count * 3 / 4)
    var buffer: UInt32 = 0
    var count = 0
    for byte in text.utf8 {
      if byte == 0x3D { break }
      guard let value = base64Value(byte) else { continue }
      buffer = buffer << 6 | UInt32(value)
      count += 1
      if count == 4 {
        out += [UInt8(buffer >> 16 & 0xFF), UInt8(buffer >> 8 & 0xFF), UInt8(buffer & 0xFF)]
        buffer = 0
        count = 0
      }
    }
    if count == 3 {
      out += [UInt8(buffer >> 10 & 0xFF), UInt8(buffer >> 2 & 0xFF)]
    } else if count == 2 {
      out.append(UInt8(buffer >> 4 & 0xFF))
    }
    return out
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  private static func base64Value(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x41...0x5A: byte - 0x41
    case 0x61...0x7A: byte - 0x61 + 26
    case 0x30...0x39: byte - 0x30 + 52
    case 0x2B, 0x2D: 62  // "+", and "-" of the URL-safe alphabet
    case 0x2F, 0x5F: 63  // "/", and "_"
    default: nil
    }
  }
}
