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
    let text = Substring(text)
    if let bytes = Self.parseV4(text) {
      self = .v4(bytes)
    } else if text.contains(":"), let bytes = Self.parseV6(text) {
      self = .v6(bytes)
    } else {
      return nil
    }
  }

  /// Parses `text` with or without the brackets of a URI or SMTP literal (`[::1]`).
  public init?(unbracketing text: some StringProtocol) {
    if text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 {
      self.init(text.dropFirst().dropLast())
    } else {
      self.init(text)
    }
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

  /// Four decimal numbers 0-255, one to three digits, no leading zero.
  private static func parseV4(_ text: Substring) -> [UInt8]? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var bytes: [UInt8] = []
    for part in parts {
      guard (1...3).contains(part.utf8.count),
        part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
        part.utf8.count == 1 || part.utf8.first != 0x30,
        let value = UInt8(part)
      else { return nil }
      bytes.append(value)
    }
    return bytes
  }

  /// RFC 4291 2.2: eight groups of one to four hex digits, one "::" standing for one or more
  /// zero groups, and optionally a dotted quad in place of the last two groups.
  private static func parseV6(_ text: Substring) -> [UInt8]? {
    var body = text
    var tail: [UInt8] = []
    if let lastColon = body.lastIndex(of: ":"),
      body[body.index(after: lastColon)...].contains(".")
    {
      guard let v4 = parseV4(body[body.index(after: lastColon)...]) else { return nil }
      tail = v4
      body = body[...lastColon]
      if !body.hasSuffix("::") { body = body.dropLast() }
    }
    let needed = tail.isEmpty ? 8 : 6
    func groups(_ part: Substring) -> [UInt16]? {
      guard !part.isEmpty else { return [] }
      var values: [UInt16] = []
      for group in part.split(separator: ":", omittingEmptySubsequences: false) {
        guard (1...4).contains(group.utf8.count), group.allSatisfy(\.isHexDigit),
          let value = UInt16(group, radix: 16)
        else { return nil }
        values.append(value)
      }
      return values
    }
    var all: [UInt16]
    if let compression = body.firstRange(of: "::") {
      let rightText = body[compression.upperBound...]
      guard rightText.firstRange(of: "::") == nil,
        let left = groups(body[..<compression.lowerBound]), let right = groups(rightText),
        left.count + right.count < needed
      else { return nil }
      all = left + Array(repeating: 0, count: needed - left.count - right.count) + right
    } else {
      guard let plain = groups(body), plain.count == needed else { return nil }
      all = plain
    }
    return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + tail
  }
}
