/// An IPv4 or IPv6 address, parsed from and written as text by the project itself.
///
/// IPv4 is a dotted quad of decimal numbers 0-255 without leading zeros (RFC 5321 4.1.3
/// `Snum`, and the only form `inet_pton` takes): `inet_aton`'s octal, hexadecimal and shorthand
/// forms (`010.0.0.1`, `0x7f.1`, `127.1`, `2130706433`) are not addresses here. IPv6 is RFC 4291
/// 2.2's text form, "::" and a trailing dotted quad included, written back as RFC 5952 says.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
  /// Four octets, in network order.
  case v4([UInt8])
  /// Sixteen octets, in network order.
  case v6([UInt8])

  /// Parses `text`; nil when it is not an address in the forms above (no brackets, no zone).
  public init?(_ text: some StringProtocol) {
    let octets = Array(text.utf8)[...]
    if octets.contains(UInt8(ascii: ":")) {
      guard let bytes = Self.parseIPv6(octets) else { return nil }
      self = .v6(bytes)
    } else {
      guard let bytes = Self.parseIPv4(octets) else { return nil }
      self = .v4(bytes)
    }
  }

  /// Parses an RFC 5321 4.1.3 `IPv4-address-literal` body: `Snum` is 1 to 3 decimal digits
  /// for 0 to 255, so a leading zero is allowed there and means decimal (`010` is 10).
  public init?(smtpIPv4 text: String) {
    guard let bytes = Self.parseIPv4(Array(text.utf8)[...], allowingLeadingZeros: true) else {
      return nil
    }
    self = .v4(bytes)
  }

  /// Parses an RFC 5321 4.1.3 `IPv6-addr` (the part after `IPv6:`): as RFC 4291 2.2, except
  /// that "::" must stand for at least two groups of zeros (`IPv6-comp` allows at most 6 other
  /// groups, `IPv6v4-comp` at most 4) and the dotted quad is an `IPv4-address-literal`.
  public init?(smtpIPv6 text: String) {
    guard
      let bytes = Self.parseIPv6(Array(text.utf8)[...], minimumGap: 2, allowingLeadingZeros: true)
    else { return nil }
    self = .v6(bytes)
  }

  /// Parses `text` with or without the brackets of a URI or SMTP literal (`[::1]`).
  public init?(unbracketing text: some StringProtocol) {
    if text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 {
      self.init(text.dropFirst().dropLast())
    } else {
      self.init(text)
    }
  }

  /// The address as an RFC 5321 4.1.3 address literal: `[192.0.2.1]`, `[IPv6:2001:db8::1]`.
  public var addressLiteral: String {
    isIPv6 ? "[IPv6:\(self)]" : "[\(self)]"
  }

  /// The address of 4 or 16 octets; nil for any other count.
  public init?(bytes: [UInt8]) {
    switch bytes.count {
    case 4: self = .v4(bytes)
    case 16: self = .v6(bytes)
    default: return nil
    }
  }

  /// The octets, in network order.
  public var bytes: [UInt8] {
    switch self {
    case .v4(let bytes), .v6(let bytes): bytes
    }
  }

  /// Whether this is an IPv6 address.
  public var isIPv6: Bool {
    if case .v6 = self { return true }
    return false
  }

  /// `192.0.2.1`, or IPv6 as RFC 5952 4 writes it: lower-case hex without leading zeros, the
  /// longest run of two or more zero groups (the first of equal runs) as "::", and an
  /// IPv4-mapped address as `::ffff:192.0.2.1` (RFC 5952 5).
  public var description: String {
    switch self {
    case .v4(let bytes):
      return bytes.map(String.init).joined(separator: ".")
    case .v6(let bytes) where bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]:
      return "::ffff:" + IPAddress.v4(Array(bytes.suffix(4))).description
    case .v6(let bytes):
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
  }

  /// Four decimal octets 0-255 separated by dots, no sign, no leading zero unless allowed.
  private static func parseIPv4(_ text: ArraySlice<UInt8>, allowingLeadingZeros: Bool = false)
    -> [UInt8]?
  {
    let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var bytes: [UInt8] = []
    for part in parts {
      guard (1...3).contains(part.count), part.allSatisfy({ (0x30...0x39).contains($0) }),
        allowingLeadingZeros || part.count == 1 || part.first != UInt8(ascii: "0")
      else { return nil }
      let value = part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
      guard value <= 255 else { return nil }
      bytes.append(UInt8(value))
    }
    return bytes
  }

  /// RFC 4291 2.2: eight groups of 1-4 hex digits, one `::` for a run of zero groups, and an
  /// optional dotted quad for the last 32 bits; `minimumGap` is how many zero groups `::` must
  /// stand for at least.
  private static func parseIPv6(
    _ text: ArraySlice<UInt8>, minimumGap: Int = 1, allowingLeadingZeros: Bool = false
  ) -> [UInt8]? {
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
        guard end == text.endIndex,
          let quad = parseIPv4(field, allowingLeadingZeros: allowingLeadingZeros)
        else { return nil }
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
      guard used <= 8 - minimumGap else { return nil }
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
