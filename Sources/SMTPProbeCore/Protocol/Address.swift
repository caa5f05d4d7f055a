/// A mailbox `local-part@domain`, validated against RFC 5321 4.1.2 and the 4.5.3.1 limits.
///
/// The local part is a Dot-string (`bob.smith`) or a Quoted-string (`"bob smith"`); the domain
/// is a domain name or an address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`). Non-ASCII
/// characters are accepted as RFC 6531 allows, and mark the address as needing SMTPUTF8.
public struct Address: Hashable, Sendable, CustomStringConvertible {
  /// The longest local part, in octets (RFC 5321 4.5.3.1.1).
  public static let maxLocalPartOctets = 64
  /// The longest path, `<` and `>` included, in octets (RFC 5321 4.5.3.1.3).
  public static let maxPathOctets = 256

  /// The part before the last `@`, as given (quotes kept).
  public let localPart: String
  /// The domain or address literal after the last `@`.
  public let domain: String
  /// Whether the address holds non-ASCII characters, so MAIL needs the SMTPUTF8 parameter
  /// (RFC 6531 3.4).
  public let needsSMTPUTF8: Bool

  /// Parses and validates `text`, with or without angle brackets; `field` names it in errors.
  public init(_ text: String, field: InputField = .recipient) throws(InputError) {
    try WireValidation.checkControlCharacters(text, field: field)
    // The delimiters `<`, `>` and `@` are found as Unicode scalars, not Characters: a combining
    // mark after one would otherwise fuse with it into one grapheme and hide it.
    var inner = text.unicodeScalars[...]
    // `Name <a@b>` is a header's name-addr (RFC 5322 3.4); the envelope takes the address only.
    if inner.first != "<", inner.first != "\"", inner.last == ">",
      let open = inner.lastIndex(of: "<")
    {
      let bare = String(inner[inner.index(after: open)...].dropLast())
      throw .invalidAddress(
        field, value: text,
        reason: "a display name does not belong in the envelope; give the address alone: \(bare)")
    }
    if inner.first == "<", inner.last == ">", inner.count >= 2 {
      inner = inner.dropFirst().dropLast()
      if inner.isEmpty {
        throw field == .sender ? InputError.empty(field) : InputError.nullRecipient
      }
    }
    guard !inner.isEmpty else { throw .empty(field) }
    guard let at = inner.lastIndex(of: "@") else {
      throw .invalidAddress(field, value: text, reason: "no \"@\" between local part and domain")
    }
    let local = String(inner[..<at])
    let domain = String(inner[inner.index(after: at)...])
    if local.utf8.count > Self.maxLocalPartOctets {
      throw .localPartTooLong(field, value: text, octets: local.utf8.count)
    }
    if domain.utf8.count > WireValidation.maxDomainOctets {
      throw .domainTooLong(field, value: text, octets: domain.utf8.count)
    }
    let pathOctets = local.utf8.count + 1 + domain.utf8.count + 2
    if pathOctets > Self.maxPathOctets {
      throw .pathTooLong(field, value: text, octets: pathOctets)
    }
    guard !local.isEmpty else {
      throw .invalidAddress(field, value: text, reason: "the local part before \"@\" is empty")
    }
    if let reason = Self.localPartProblem(local) {
      throw .invalidAddress(field, value: text, reason: reason)
    }
    guard !domain.isEmpty else {
      throw .invalidAddress(field, value: text, reason: "the domain after \"@\" is empty")
    }
    let domainNeedsUTF8: Bool
    do throws(InputError) {
      domainNeedsUTF8 = try WireValidation.validateDomain(domain, field: field)
    } catch {
      if case .invalidDomain(_, _, let reason) = error {
        throw .invalidAddress(field, value: text, reason: "domain: \(reason)")
      }
      throw error
    }
    localPart = local
    self.domain = domain
    needsSMTPUTF8 = domainNeedsUTF8 || local.unicodeScalars.contains { !$0.isASCII }
  }

  /// Parses a MAIL FROM reverse-path: `""` or `"<>"` is the null sender (nil), anything else
  /// must be a valid address (RFC 5321 4.1.1.2, 4.5.5).
  public static func reversePath(_ text: String) throws(InputError) -> Address? {
    if text.isEmpty || text == "<>" { return nil }
    return try Address(text, field: .sender)
  }

  /// `local-part@domain`.
  public var mailbox: String { "\(localPart)@\(domain)" }
  /// `<local-part@domain>`, as MAIL and RCPT carry it.
  public var path: String { "<\(mailbox)>" }
  public var description: String { mailbox }

  /// Why `local` is neither a Dot-string nor a Quoted-string, or nil when it is one.
  static func localPartProblem(_ local: String) -> String? {
    if local.hasPrefix("\"") {
      let scalars = Array(local.unicodeScalars)
      guard scalars.count >= 2, scalars.last == "\"" else {
        return "the quoted local part has no closing quote"
      }
      var index = 1
      while index < scalars.count - 1 {
        let scalar = scalars[index]
        if scalar == "\\" {
          // quoted-pairSMTP = %d92 %d32-126
          guard index + 1 < scalars.count - 1, (32...126).contains(scalars[index + 1].value)
          else { return "a backslash in the quoted local part escapes nothing" }
          index += 2
          continue
        }
        // qtextSMTP = %d32-33 / %d35-91 / %d93-126, plus UTF-8 under RFC 6531.
        if scalar == "\"" { return "an unescaped quote inside the quoted local part" }
        guard scalar.value >= 32, scalar.value != 127 else {
          return "a control character in the quoted local part"
        }
        index += 1
      }
      return nil
    }
    for atom in local.split(separator: ".", omittingEmptySubsequences: false) {
      guard !atom.isEmpty else {
        return "the local part starts or ends with a dot or has two dots in a row; quote it"
      }
      for scalar in atom.unicodeScalars where !isAtext(scalar) {
        return "\"\(scalar)\" in the local part needs quoting"
      }
    }
    return nil
  }

  /// RFC 5322 `atext`, extended with non-ASCII characters by RFC 6531 3.3.
  static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
    if !scalar.isASCII { return scalar.value > 0x9F }
    return WireValidation.isLetterOrDigit(scalar)
      || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
  }
}
