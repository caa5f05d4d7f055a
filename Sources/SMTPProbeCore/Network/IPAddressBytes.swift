/// Text to bytes and back for IP addresses, without the C library.
///
/// Only the forms an address is written in today are taken: IPv4 as a dotted quad of decimal
/// numbers without leading zeros (RFC 3986 3.2.2 `dec-octet`; the legacy `inet_aton` forms
/// `010.0.0.1`, `127.1` and `2130706433` are refused because they mean other addresses), and
/// IPv6 in the text forms of RFC 4291 2.2, including `::` and a trailing dotted quad.
package enum IPAddressBytes {
  /// The 4 (IPv4) or 16 (IPv6) bytes of `text`, or nil if it is not an IP address.
  package static func parse(_ text: String) -> [UInt8]? {
    let octets = Array(text.utf8)
    return octets.contains(UInt8(ascii: ":")) ? parseIPv6(octets[...]) : parseIPv4(octets[...])
  }

  /// The text form of 4 or 16 address bytes: dotted quad, or RFC 5952 IPv6.
  package static func text(_ bytes: [UInt8]) -> String {
    bytes.count == 16 ? ipv6Text(bytes) : bytes.map(String.init).joined(separator: ".")
  }

  /// An IPv6 address in RFC 5952 form: lower-case hex, the longest run (2+) of zero groups as
  /// "::", and an IPv4-mapped address with its dotted quad (RFC 5952 5).
  package static func ipv6Text(_ bytes: [UInt8]) -> String {
    if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
      return "::ffff:" + bytes[12...].map(String.init).joined(separator: ".")
    }
    let groups = (0..<8).map { UInt16(bytes[$0 * 2]) << 8 | UInt16(bytes[$0 * 2 + 1]) }
    var bestStart = -1
    var bestLength = 1
    var index = 0
    while index < 8 {
      guard groups[index] == 0 else {
        index += 1
        continue
      }
      var runEnd = index
      while runEnd < 8 && groups[runEnd] == 0 { runEnd += 1 }
      if runEnd - index > bestLength {
        bestStart = index
        bestLength = runEnd - index
      }
      index = runEnd
    }
    let hex = groups.map { String($0, radix: 16) }
    guard bestStart >= 0 else { return hex.joined(separator: ":") }
    let head = hex[..<bestStart].joined(separator: ":")
    let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
    return head + "::" + tail
  }

  /// Four decimal octets 0-255 separated by dots, no sign, no leading zero.
  private static func parseIPv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
    let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var bytes: [UInt8] = []
    for part in parts {
      guard (1...3).contains(part.count), part.allSatisfy({ (0x30...0x39).contains($0) }),
        part.count == 1 || part.first != UInt8(ascii: "0")
      else { return nil }
      let value = part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
      guard value <= 255 else { return nil }
      bytes.append(UInt8(value))
    }
    return bytes
  }

  /// RFC 4291 2.2: eight groups of 1-4 hex digits, one `::` for a run of zero groups, and an
  /// optional dotted quad for the last 32 bits.
  private static func parseIPv6(_ text: ArraySlice<UInt8>) -> [UInt8]? {
    let colon = UInt8(ascii: ":")
    var head: [UInt16] = []
    var tail: [UInt16] = []
    var sawGap = false
    var index = text.startIndex
    if text.starts(with: [colon, colon]) {
      sawGap = true
      index += 2
      if index == text.endIndex { return [UInt8](repeating: 0, count: 16) }
    } else if text.first == colon {
      return nil
    }
    var embedded: [UInt8]?
    while index < text.endIndex {
      var end = index
      while end < text.endIndex, text[end] != colon { end += 1 }
      let field = text[index..<end]
      if field.contains(UInt8(ascii: ".")) {
        // A dotted quad ends the address (RFC 4291 2.2 form 3).
        guard end == text.endIndex, let quad = parseIPv4(field) else { return nil }
        embedded = quad
      } else {
        guard (1...4).contains(field.count), let value = UInt16(hex: field) else { return nil }
        if sawGap { tail.append(value) } else { head.append(value) }
      }
      guard end < text.endIndex else { break }
      // One colon separates groups; a second one right after is the `::` gap.
      index = end + 1
      if index < text.endIndex, text[index] == colon {
        guard !sawGap else { return nil }
        sawGap = true
        index += 1
        if index == text.endIndex { break }
      } else if index == text.endIndex {
        return nil
      }
    }
    var groups = head
    let embeddedGroups =
      embedded.map { [UInt16($0[0]) << 8 | UInt16($0[1]), UInt16($0[2]) << 8 | UInt16($0[3])] }
      ?? []
    let used = head.count + tail.count + embeddedGroups.count
    if sawGap {
      guard used < 8 else { return nil }
      groups += [UInt16](repeating: 0, count: 8 - used)
    } else {
      guard used == 8 else { return nil }
    }
    groups += tail + embeddedGroups
    return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }
}

extension UInt16 {
  /// The value of 1-4 hexadecimal digits, or nil.
  fileprivate init?(hex digits: ArraySlice<UInt8>) {
    var value: UInt16 = 0
    for digit in digits {
      let nibble: UInt8
      switch digit {
      case 0x30...0x39: nibble = digit - 0x30
      case 0x41...0x46: nibble = digit - 0x41 + 10
      case 0x61...0x66: nibble = digit - 0x61 + 10
      default: return nil
      }
      value = value << 4 | UInt16(nibble)
    }
    self = value
  }
}
