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

  /// Throws when `value` holds CR, LF, NUL or any other control character, or an invisible
  /// Unicode character (`isInvisible`).
  public static func checkControlCharacters(_ value: String, field: InputField)
    throws(InputError)
  {
    if let character = firstControlCharacter(in: value) {
      throw .controlCharacter(field, value: value, character: character)
    }
    if let scalar = value.unicodeScalars.first(where: isInvisible) {
      throw .invisibleCharacter(field, value: value, character: scalar.value)
    }
  }

  /// Whether `scalar` is a separator or format character that prints as nothing or reorders
  /// what follows: U+2028, U+2029, non-ASCII spaces, U+200B, U+202E and the other bidi
  /// controls, U+FEFF (general categories Zl, Zp, Zs and Cf, which RFC 5892 2.1 disallows).
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    guard !scalar.isASCII else { return false }
    switch scalar.properties.generalCategory {
    case .lineSeparator, .paragraphSeparator, .spaceSeparator, .format: return true
    default: return false
    }
  }

  /// The longest host name, in octets, without a trailing dot (RFC 1035 2.3.4's 255 octets on
  /// the wire).
  public static let maxHostNameOctets = 253

  /// Validates a host name, ASCII only.
  ///
  /// Letters, digits and hyphens in dot-separated labels of 1 to 63 octets, 253 octets in all,
  /// and no label starting or ending with a hyphen (RFC 1123 2.1, RFC 1035 2.3.4). Internationalized names must be given as A-labels (`xn--`, RFC 5890
  /// 2.3.2.1). With `trailingDot`, one final dot (a fully qualified name) is accepted; SNI takes
  /// none (RFC 6066 section 3).
  public static func validateHostName(_ value: String, field: InputField, trailingDot: Bool = false)
    throws(InputError)
  {
    try checkControlCharacters(value, field: field)
    guard !value.isEmpty else { throw .empty(field) }
    var name = Substring(value)
    if trailingDot, name.count > 1, name.hasSuffix(".") { name = name.dropLast() }

    if let scalar = name.unicodeScalars.first(where: { !$0.isASCII }) {
      throw .invalidHostName(
        field, value: value,
        reason: "non-ASCII character \(InputError.quote(String(scalar))); give an international "
          + "name as A-labels (xn--)")
    }
    guard name.utf8.count <= maxHostNameOctets else {
      throw .invalidHostName(
        field, value: value, reason: "\(name.utf8.count) octets, over \(maxHostNameOctets)")
    }
    for label in name.split(separator: ".", omittingEmptySubsequences: false) {
      guard !label.isEmpty else {
        throw .invalidHostName(
          field, value: value, reason: "empty label (a dot at either end or two dots in a row)")
      }
      guard label.utf8.count <= maxLabelOctets else {
        throw .invalidHostName(
          field, value: value, reason: "a label is over \(maxLabelOctets) octets")
      }
      if let scalar = label.unicodeScalars.first(where: { !isLetterOrDigit($0) && $0 != "-" }) {
        throw .invalidHostName(
          field, value: value, reason: "\(InputError.quote(String(scalar))) is not allowed")
      }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        throw .invalidHostName(
          field, value: value, reason: "a label starts or ends with a hyphen")
      }
    }
  }

  /// Validates a TLS server name (`--sni`): a host name without a trailing dot, never an IP
  /// address (RFC 6066 section 3, `HostName`).
  public static func validateServerName(_ value: String) throws(InputError) {
    if IPAddress(unbracketing: value) != nil {
      throw .invalidHostName(
        .serverName, value: value, reason: "an IP address is never sent as SNI (RFC 6066 3)")
    }
    try validateHostName(value, field: .serverName)
  }

  /// Validates a host to connect to: a host name or an IPv4 address in dotted-quad decimal.
  ///
  /// A name whose last label is a number (`127.1`, `2130706433`, `010.0.0.1`, `1.2.3.0x4`) is
  /// no host name (a top-level domain is never numeric, RFC 3696 2), and `inet_aton` would read
  /// it as a shorthand, octal or hexadecimal address; only `IPAddress`'s dotted quad is taken.
  public static func validateHost(_ value: String, field: InputField) throws(InputError) {
    try checkControlCharacters(value, field: field)
    let last = value.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
    let numeric =
      !last.isEmpty
      && (last.allSatisfy(\.isASCIIDigit)
        || (last.lowercased().hasPrefix("0x") && last.dropFirst(2).allSatisfy(\.isHexDigit)))
    if numeric {
      guard case .v4? = IPAddress(value) else { throw .legacyIPv4(field, value: value) }
      return
    }
    try validateHostName(value, field: field, trailingDot: true)
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

  /// Whether `text` is a dotted-quad IPv4 address (RFC 5321 4.1.3 `IPv4-address-literal`),
  /// without leading zeros, which resolvers would read as octal.
  static func isIPv4(_ text: some StringProtocol) -> Bool {
    if case .v4? = IPAddress(text) { return true }
    return false
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
