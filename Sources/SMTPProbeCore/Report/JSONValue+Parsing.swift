extension JSONValue {
  /// Why a text is not one JSON value.
  public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset where reading stopped.
    public var offset: Int
    public var description: String { "not JSON (at byte \(offset))" }
  }

  /// Parses one JSON value (RFC 8259) with optional white space around it.
  ///
  /// Objects keep their members in order; a number with a fraction or exponent is `.double`,
  /// any other `.int` (one that does not fit is an error). Nesting is bounded at 64 levels.
  public static func parse(_ text: String) throws(ParseError) -> JSONValue {
    var reader = JSONReader(bytes: Array(text.utf8))
    reader.skipSpace()
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.offset == reader.bytes.count else { throw ParseError(offset: reader.offset) }
    return value
  }
}

/// The recursive-descent reader behind `JSONValue.parse` (RFC 8259 sections 2 to 7).
private struct JSONReader {
  let bytes: [UInt8]
  var offset = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private var error: JSONValue.ParseError { JSONValue.ParseError(offset: offset) }

  private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  mutating func skipSpace() {
    while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      offset += 1
    }
  }

  private mutating func expect(_ word: String) throws(JSONValue.ParseError) {
    for byte in word.utf8 {
      guard current == byte else { throw error }
      offset += 1
    }
  }

  mutating func value(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
    guard depth < 64, let byte = current else { throw error }
    switch byte {
    case UInt8(ascii: "n"):
      try expect("null")
      return .null
    case UInt8(ascii: "t"):
      try expect("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expect("false")
      return .bool(false)
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "["):
      offset += 1
      var items: [JSONValue] = []
      skipSpace()
      if current == UInt8(ascii: "]") {
        offset += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        if current == UInt8(ascii: "]") {
          offset += 1
          return .array(items)
        }
        try expect(",")
      }
    case UInt8(ascii: "{"):
      offset += 1
      var members: [(key: String, value: JSONValue)] = []
      skipSpace()
      if current == UInt8(ascii: "}") {
        offset += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard current == UInt8(ascii: "\"") else { throw error }
        let key = try string()
        skipSpace()
        try expect(":")
        skipSpace()
        members.append((key, try value(depth: depth + 1)))
        skipSpace()
        if current == UInt8(ascii: "}") {
          offset += 1
          return .object(members)
        }
        try expect(",")
      }
    default:
      return try number()
    }
  }

  /// A string after its opening quote position, escapes decoded (section 7).
  private mutating func string() throws(JSONValue.ParseError) -> String {
    offset += 1
    var out: [UInt8] = []
    while let byte = current {
      offset += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard let escape = current else { throw error }
        offset += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          // A UTF-16 surrogate pair spells one scalar above U+FFFF.
          if (0xD800...0xDBFF).contains(scalar), current == UInt8(ascii: "\\") {
            offset += 1
            try expect("u")
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let value = Unicode.Scalar(scalar) else { throw error }
          out.append(contentsOf: Array(String(Character(value)).utf8))
        default:
          throw error
        }
      default:
        guard byte >= 0x20 else { throw error }
        out.append(byte)
      }
    }
    throw error
  }

  private mutating func hex4() throws(JSONValue.ParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = Self.hexDigit(byte) else { throw error }
      value = value << 4 | UInt32(digit)
      offset += 1
    }
    return value
  }

  private static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  /// `-? int frac? exp?` (section 6).
  private mutating func number() throws(JSONValue.ParseError) -> JSONValue {
    let start = offset
    var fraction = false
    if current == UInt8(ascii: "-") { offset += 1 }
    guard let first = current, (0x30...0x39).contains(first) else { throw error }
    while let byte = current {
      if (0x30...0x39).contains(byte) {
        offset += 1
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        || byte == UInt8(ascii: "+") || (byte == UInt8(ascii: "-") && offset > start)
      {
        fraction = true
        offset += 1
      } else {
        break
      }
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    if !fraction, let value = Int(text) { return .int(value) }
    if fraction, let value = Double(text) { return .double(value) }
    throw JSONValue.ParseError(offset: start)
  }
}
