/// A one-pass scanner for RFC 5321 4.1.2 `Mailbox`, with RFC 6531 3.3's UTF-8 extensions.
///
/// Local-part = Dot-string / Quoted-string; Domain = sub-domain *("." sub-domain) or an
/// address-literal (4.1.3). Lengths are RFC 5321 4.5.3.1's, counted in UTF-8 octets, the
/// domain in its A-label form. The full stops U+3002, U+FF0E and U+FF61 separate labels as "."
/// does (RFC 3490 3.1, UTS #46 mapping).
struct MailboxParser {
  private let text: String
  private let scalars: [Unicode.Scalar]

  init(_ text: String) {
    self.text = text
    scalars = Array(text.unicodeScalars)
  }

  private typealias Rule = MailboxSyntaxError.Rule

  private func fail(_ position: Int, _ rule: Rule) -> MailboxSyntaxError {
    MailboxSyntaxError(position: position, rule: rule)
  }

  func parse() throws(MailboxSyntaxError) -> VerifyAddress {
    guard !scalars.isEmpty else { throw fail(0, .empty) }
    if let index = scalars.firstIndex(where: {
      $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
    }) {
      throw fail(index, .controlCharacter(scalars[index]))
    }
    var start = 0
    var end = scalars.count
    if scalars[0] == "<" {
      guard scalars.count >= 2, scalars[end - 1] == ">" else {
        throw fail(end, .unclosedAngleBracket)
      }
      start = 1
      end -= 1
    }
    let at = try scanLocalPart(from: start, to: end)
    let localPart = String(String.UnicodeScalarView(scalars[start..<at]))
    try checkLength(from: start, to: at, limit: VerifyAddress.maxLocalPartOctets) {
      .localPartTooLong(octets: $0)
    }
    let domain = try scanDomain(from: at + 1, to: end)
    let address = VerifyAddress(input: text, localPart: localPart, domain: domain)
    let domainOctets = address.wireDomain.utf8.count
    if domainOctets > VerifyAddress.maxDomainOctets {
      throw fail(at + 1, .domainTooLong(octets: domainOctets))
    }
    let pathOctets = address.mailbox.utf8.count + 2
    if pathOctets > VerifyAddress.maxPathOctets {
      throw fail(start, .pathTooLong(octets: pathOctets))
    }
    return address
  }

  /// Scans the local part at `start`; returns the index of the "@" after it.
  private func scanLocalPart(from start: Int, to end: Int) throws(MailboxSyntaxError) -> Int {
    // "<>" is the null path, a sender only (RFC 5321 4.1.1.3): no mailbox at all.
    guard start < end else { throw fail(start, .empty) }
    var index = start
    if scalars[index] == "\"" {
      index += 1
      while true {
        guard index < end else { throw fail(start, .unterminatedQuote) }
        let scalar = scalars[index]
        if scalar == "\"" { break }
        if scalar == "\\" {
          // quoted-pairSMTP = %d92 %d32-126
          guard index + 1 < end, (32...126).contains(scalars[index + 1].value) else {
            throw fail(index, .badQuotedPair)
          }
          index += 2
          continue
        }
        // qtextSMTP = %d32-33 / %d35-91 / %d93-126, and UTF8-non-ascii (RFC 6531 3.3).
        guard scalar.value >= 32 else { throw fail(index, .badQuotedCharacter(scalar)) }
        index += 1
      }
      index += 1
      guard index < end else { throw fail(index, .missingAt) }
      guard scalars[index] == "@" else { throw fail(index, .textAfterQuote) }
      return index
    }
    while index < end, scalars[index] != "@" {
      let scalar = scalars[index]
      if scalar == "." {
        if index == start { throw fail(index, .leadingDot) }
        if scalars[index - 1] == "." { throw fail(index, .consecutiveDots) }
      } else if !Address.isAtext(scalar) {
        throw fail(index, .needsQuoting(scalar))
      }
      index += 1
    }
    guard index < end else { throw fail(index, .missingAt) }
    if index == start { throw fail(index, .emptyLocalPart) }
    if scalars[index - 1] == "." { throw fail(index - 1, .trailingDot) }
    return index
  }

  /// Scans the domain or address literal from `start` to `end`.
  private func scanDomain(from start: Int, to end: Int) throws(MailboxSyntaxError)
    -> VerifyAddress.Domain
  {
    guard start < end else { throw fail(start, .emptyDomain) }
    if scalars[start] == "[" { return try scanLiteral(from: start, to: end) }
    var labels: [String] = []
    var labelStart = start
    var typedUnicode = false
    for index in start...end {
      guard index == end || Self.isFullStop(scalars[index]) else { continue }
      if index == labelStart {
        throw fail(index, index == end ? .trailingDomainDot : .emptyLabel)
      }
      let label = try checkLabel(from: labelStart, to: index)
      typedUnicode = typedUnicode || label.unicode
      labels.append(label.ascii)
      labelStart = index + 1
    }
    if let last = labels.last, last.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
      throw fail(end - last.utf8.count, .numericTopLabel)
    }
    let unicode = typedUnicode ? String(String.UnicodeScalarView(scalars[start..<end])) : nil
    return .name(ascii: labels.joined(separator: "."), unicode: unicode)
  }

  /// Checks one label (RFC 5321 4.1.2 sub-domain; RFC 5891 for U-labels) and converts it.
  private func checkLabel(from start: Int, to end: Int) throws(MailboxSyntaxError)
    -> (ascii: String, unicode: Bool)
  {
    if scalars[start] == "-" { throw fail(start, .labelStartsWithHyphen) }
    for index in start..<end {
      let scalar = scalars[index]
      if scalar.isASCII, !(WireValidation.isLetterOrDigit(scalar) || scalar == "-") {
        throw fail(index, .domainCharacter(scalar))
      }
    }
    if scalars[end - 1] == "-" { throw fail(end - 1, .labelEndsWithHyphen) }
    let label = String(String.UnicodeScalarView(scalars[start..<end]))
    let ascii: String
    do {
      ascii = try IDNA.aLabel(label[...])
    } catch {
      if case .tooLong(let octets) = error.rule {
        throw fail(start, .labelTooLong(octets: octets))
      }
      throw fail(start + error.offset, .idna(error.rule))
    }
    if ascii.utf8.count > WireValidation.maxLabelOctets {
      throw fail(start + WireValidation.maxLabelOctets, .labelTooLong(octets: ascii.utf8.count))
    }
    return (ascii, !label.unicodeScalars.allSatisfy(\.isASCII))
  }

  /// Scans `[IPv4]`, `[IPv6:...]` or a general literal (RFC 5321 4.1.3).
  private func scanLiteral(from start: Int, to end: Int) throws(MailboxSyntaxError)
    -> VerifyAddress.Domain
  {
    guard let close = scalars[start..<end].firstIndex(of: "]") else {
      throw fail(end, .unterminatedLiteral)
    }
    guard close == end - 1 else { throw fail(close + 1, .textAfterLiteral) }
    let inner = String(String.UnicodeScalarView(scalars[(start + 1)..<close]))
    if inner.lowercased().hasPrefix("ipv6:") {
      guard let bytes = IPAddressBytes.parseSMTPIPv6(String(inner.dropFirst(5))) else {
        throw fail(start + 6, .invalidIPv6Literal)
      }
      return .ipv6(bytes)
    }
    if let colon = inner.firstIndex(of: ":") {
      let tag = inner[..<colon]
      if !tag.isEmpty,
        tag.unicodeScalars.allSatisfy({
          WireValidation.isLetterOrDigit($0) || $0 == "-"
        })
      {
        throw fail(start + 1, .unregisteredLiteralTag(String(tag)))
      }
    }
    guard let bytes = IPAddressBytes.parseSMTPIPv4(inner) else {
      throw fail(start + 1, .invalidIPv4Literal)
    }
    return .ipv4(bytes)
  }

  /// Throws when the octets from `start` to `end` pass `limit`, at the first scalar past it.
  private func checkLength(
    from start: Int, to end: Int, limit: Int, _ rule: (Int) -> Rule
  ) throws(MailboxSyntaxError) {
    var octets = 0
    var firstOver: Int?
    for index in start..<end {
      octets += UTF8.width(scalars[index])
      if octets > limit, firstOver == nil { firstOver = index }
    }
    if let firstOver { throw fail(firstOver, rule(octets)) }
  }

  /// "." and the full stops that IDNA treats as one (RFC 3490 3.1).
  static func isFullStop(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E, 0x3002, 0xFF0E, 0xFF61: true
    default: false
    }
  }
}
