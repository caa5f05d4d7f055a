/// Checks every value that goes into a command before anything is sent (STYLE rule 5).
///
/// A CR or LF inside an argument would let the value end our command and start another (SMTP
/// command injection); RFC 5321 2.3.8 allows CRLF only as the line terminator. The syntax
/// rules are RFC 5321 4.1.2 (`Domain`, `esmtp-param`) and 4.1.3 (address literals); the length
/// limits are RFC 5321 4.5.3.1.
public enum WireValidation {
  /// The longest domain, in octets (RFC 5321 4.5.3.1.2).
  public static let maxDomainOctets = 255
  /// The longest label of a domain, in octets (RFC 1035 2.3.4).
  public static let maxLabelOctets = 63

  /// The first control character in `value` (C0, DEL or C1), or nil.
  public static func firstControlCharacter(in value: String) -> UInt32? {
    value.unicodeScalars.first { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }?.value
  }

  /// Throws when `value` holds CR, LF, NUL or any other control character.
  public static func checkControlCharacters(_ value: String, field: InputField)
    throws(InputError)
  {
    if let character = firstControlCharacter(in: value) {
      throw .controlCharacter(field, value: value, character: character)
    }
  }

  /// Validates the EHLO/HELO argument: a domain or an address literal, ASCII only
  /// (RFC 5321 4.1.1.1; RFC 6531 3.7.1 keeps EHLO in A-labels).
  public static func validateEHLOName(_ value: String) throws(InputError) {
    try checkControlCharacters(value, field: .ehloName)
    if value.unicodeScalars.contains(where: { !$0.isASCII }) {
      throw .invalidDomain(
        .ehloName, value: value, reason: "non-ASCII characters; use the A-label (xn--) form")
    }
    _ = try validateDomain(value, field: .ehloName)
  }

  /// Validates a domain or address literal; returns whether it holds non-ASCII U-labels, which
  /// need SMTPUTF8 (RFC 6531) since we do not convert them to A-labels.
  @discardableResult
  public static func validateDomain(_ value: String, field: InputField) throws(InputError) -> Bool {
    try checkControlCharacters(value, field: field)
    guard !value.isEmpty else { throw .empty(field) }
    let octets = value.utf8.count
    if octets > maxDomainOctets {
      throw .domainTooLong(field, value: value, octets: octets)
    }
    if value.hasPrefix("[") {
      try validateAddressLiteral(value, field: field)
      return false
    }
    var needsUTF8 = false
    for label in value.split(separator: ".", omittingEmptySubsequences: false) {
      guard !label.isEmpty else {
        throw .invalidDomain(
          field, value: value, reason: "empty label (a dot at either end or two dots in a row)")
      }
      if label.utf8.count > maxLabelOctets {
        throw .invalidDomain(
          field, value: value, reason: "label \"\(label)\" is over \(maxLabelOctets) octets")
      }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        throw .invalidDomain(
          field, value: value, reason: "label \"\(label)\" starts or ends with a hyphen")
      }
      for scalar in label.unicodeScalars {
        if !scalar.isASCII {
          needsUTF8 = true
        } else if !(isLetterOrDigit(scalar) || scalar == "-") {
          throw .invalidDomain(
            field, value: value, reason: "\"\(scalar)\" is not allowed in a domain name")
        }
      }
    }
    return needsUTF8
  }

  /// Validates an ESMTP parameter `keyword[=value]` for MAIL or RCPT (RFC 5321 4.1.2).
  public static func validateParameter(_ value: String) throws(InputError) {
    try checkControlCharacters(value, field: .parameter)
    let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let keyword = parts[0]
    guard let first = keyword.unicodeScalars.first, isLetterOrDigit(first),
      keyword.unicodeScalars.allSatisfy({ isLetterOrDigit($0) || $0 == "-" })
    else {
      throw .invalidParameter(value: value, reason: "the keyword must be letters, digits and '-'")
    }
    if parts.count == 2 {
      // esmtp-value = 1*(%d33-60 / %d62-126): no space, no "=", no control character.
      guard !parts[1].isEmpty,
        parts[1].unicodeScalars.allSatisfy({ (33...126).contains($0.value) && $0 != "=" })
      else {
        throw .invalidParameter(
          value: value, reason: "the value must be printable ASCII without spaces or '='")
      }
    }
  }

  /// Validates a single-word argument (an AUTH mechanism, a VRFY or HELP argument): printable,
  /// no control characters.
  public static func validateArgument(_ value: String, field: InputField) throws(InputError) {
    try checkControlCharacters(value, field: field)
    guard !value.isEmpty else { throw .empty(field) }
  }

  private static func validateAddressLiteral(_ value: String, field: InputField)
    throws(InputError)
  {
    guard value.hasSuffix("]"), value.count >= 3 else {
      throw .invalidDomain(field, value: value, reason: "an address literal must end with \"]\"")
    }
    let inner = String(value.dropFirst().dropLast())
    if inner.lowercased().hasPrefix("ipv6:") {
      guard isIPv6(String(inner.dropFirst(5))) else {
        throw .invalidDomain(field, value: value, reason: "not an IPv6 address")
      }
    } else if let colon = inner.firstIndex(of: ":") {
      // General-address-literal = Standardized-tag ":" 1*dcontent (RFC 5321 4.1.3).
      let tag = inner[..<colon]
      let content = inner[inner.index(after: colon)...]
      guard !tag.isEmpty, tag.unicodeScalars.allSatisfy({ isLetterOrDigit($0) || $0 == "-" }),
        !content.isEmpty,
        content.unicodeScalars.allSatisfy({
          (33...90).contains($0.value) || (94...126).contains($0.value)
        })
      else {
        throw .invalidDomain(field, value: value, reason: "malformed address literal")
      }
    } else if !isIPv4(inner) {
      throw .invalidDomain(field, value: value, reason: "not an IPv4 address")
    }
  }

  /// Whether `text` is a dotted-quad IPv4 address (RFC 5321 4.1.3 `IPv4-address-literal`).
  static func isIPv4(_ text: some StringProtocol) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        (1...3).contains(part.count) && part.allSatisfy(\.isASCIIDigit)
          && (Int(part) ?? 256) <= 255
      }
  }

  /// Whether `text` is an IPv6 address in one of RFC 5321 4.1.3's four forms (full or
  /// compressed with "::", optionally ending in an IPv4 address).
  static func isIPv6(_ text: String) -> Bool {
    var body = Substring(text)
    var needed = 8
    if let lastColon = body.lastIndex(of: ":"),
      body[body.index(after: lastColon)...].contains(".")
    {
      guard isIPv4(body[body.index(after: lastColon)...]) else { return false }
      needed = 6
      body = body[...lastColon]
      if !body.hasSuffix("::") { body = body.dropLast() }
    }
    let isHexGroup: (Substring) -> Bool = { group in
      (1...4).contains(group.count) && group.allSatisfy(\.isHexDigit)
    }
    let groups: (Substring) -> [Substring] = { part in
      part.isEmpty ? [] : part.split(separator: ":", omittingEmptySubsequences: false)
    }
    guard let compression = body.firstRange(of: "::") else {
      let all = groups(body)
      return all.count == needed && all.allSatisfy(isHexGroup)
    }
    let left = groups(body[..<compression.lowerBound])
    let rightText = body[compression.upperBound...]
    guard rightText.firstRange(of: "::") == nil else { return false }
    let right = groups(rightText)
    // "::" stands for at least two groups of zeros (RFC 5321 4.1.3).
    return (left + right).allSatisfy(isHexGroup) && left.count + right.count <= needed - 2
  }

  static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
    default: false
    }
  }
}
