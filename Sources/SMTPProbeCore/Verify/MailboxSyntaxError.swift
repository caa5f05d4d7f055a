/// Why a text is not an RFC 5321 `Mailbox`: the 0-based position and the rule it breaks.
///
/// Positions count Unicode scalars from the start of the text as given (angle brackets
/// included), so they point at what the person typed.
public struct MailboxSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  public var position: Int
  public var rule: Rule

  public init(position: Int, rule: Rule) {
    self.position = position
    self.rule = rule
  }

  /// One rule of RFC 5321 4.1.2 / 4.1.3 / 4.5.3.1 (or of IDNA) that the text breaks.
  public enum Rule: Hashable, Sendable {
    case empty
    case unclosedAngleBracket
    case controlCharacter(Unicode.Scalar)
    case missingAt
    case emptyLocalPart
    case leadingDot
    case trailingDot
    case consecutiveDots
    case needsQuoting(Unicode.Scalar)
    case unterminatedQuote
    case badQuotedCharacter(Unicode.Scalar)
    case badQuotedPair
    case textAfterQuote
    case emptyDomain
    case emptyLabel
    case trailingDomainDot
    case labelStartsWithHyphen
    case labelEndsWithHyphen
    case domainCharacter(Unicode.Scalar)
    case labelTooLong(octets: Int)
    case numericTopLabel
    case unterminatedLiteral
    case textAfterLiteral
    case invalidIPv4Literal
    case invalidIPv6Literal
    case unregisteredLiteralTag(String)
    case localPartTooLong(octets: Int)
    case domainTooLong(octets: Int)
    case pathTooLong(octets: Int)
    case idna(IDNA.Failure.Rule)
  }

  public var description: String { "position \(position): \(ruleText)" }

  /// The rule broken, with its source.
  public var ruleText: String {
    let q = InputError.quote
    switch rule {
    case .empty: return "the address is empty (RFC 5321 4.1.2 Mailbox)"
    case .unclosedAngleBracket: return "\"<\" has no closing \">\" (RFC 5321 4.1.2 Path)"
    case .controlCharacter(let scalar):
      return "the control character \(IDNA.Failure.name(scalar)) is not allowed anywhere in an "
        + "address (RFC 5321 4.1.2)"
    case .missingAt: return "no \"@\" after the local part (RFC 5321 4.1.2 Mailbox)"
    case .emptyLocalPart: return "the local part before \"@\" is empty (RFC 5321 4.1.2 Local-part)"
    case .leadingDot: return "a dot may not start the local part (RFC 5321 4.1.2 Dot-string)"
    case .trailingDot: return "a dot may not end the local part (RFC 5321 4.1.2 Dot-string)"
    case .consecutiveDots:
      return "two dots in a row in the local part (RFC 5321 4.1.2 Dot-string)"
    case .needsQuoting(let scalar):
      return "\(q(String(scalar))) is not allowed in an unquoted local part; quote the local part "
        + "(RFC 5321 4.1.2 Atom, Quoted-string)"
    case .unterminatedQuote:
      return "the quoted local part has no closing quote (RFC 5321 4.1.2 Quoted-string)"
    case .badQuotedCharacter(let scalar):
      return "\(q(String(scalar))) must be escaped with a backslash in a quoted local part "
        + "(RFC 5321 4.1.2 qtextSMTP)"
    case .badQuotedPair:
      return "a backslash must escape a printable ASCII character (RFC 5321 4.1.2 quoted-pairSMTP)"
    case .textAfterQuote:
      return "only \"@\" may follow the closing quote (RFC 5321 4.1.2 Mailbox)"
    case .emptyDomain: return "the domain after \"@\" is empty (RFC 5321 4.1.2 Domain)"
    case .emptyLabel:
      return "a domain label is empty: a leading dot or two dots in a row (RFC 5321 4.1.2 Domain)"
    case .trailingDomainDot:
      return "a dot may not end the domain in an address (RFC 5321 4.1.2 Domain)"
    case .labelStartsWithHyphen:
      return "a domain label may not start with \"-\" (RFC 5321 4.1.2 sub-domain)"
    case .labelEndsWithHyphen:
      return "a domain label may not end with \"-\" (RFC 5321 4.1.2 Ldh-str)"
    case .domainCharacter(let scalar):
      return "\(q(String(scalar))) is not allowed in a domain name: letters, digits and \"-\" "
        + "only (RFC 5321 4.1.2 Let-dig, Ldh-str)"
    case .labelTooLong(let octets):
      return "a domain label is \(octets) octets, over 63 (RFC 1035 2.3.4)"
    case .numericTopLabel:
      return "the last label is all digits; an IP address must be written in brackets, "
        + "[192.0.2.1] (RFC 5321 4.1.3, RFC 1123 2.1)"
    case .unterminatedLiteral:
      return "the address literal has no closing \"]\" (RFC 5321 4.1.3)"
    case .textAfterLiteral:
      return "nothing may follow the address literal's \"]\" (RFC 5321 4.1.2 Mailbox)"
    case .invalidIPv4Literal:
      return "not an IPv4 address: four numbers 0-255 separated by dots (RFC 5321 4.1.3)"
    case .invalidIPv6Literal:
      return "not an IPv6 address after \"IPv6:\" (RFC 5321 4.1.3 IPv6-addr)"
    case .unregisteredLiteralTag(let tag):
      return "the address literal tag \(q(tag)) is not registered; only \"IPv6:\" is "
        + "(RFC 5321 4.1.3 General-address-literal)"
    case .localPartTooLong(let octets):
      return "the local part is \(octets) octets, over 64 (RFC 5321 4.5.3.1.1)"
    case .domainTooLong(let octets):
      return "the domain is \(octets) octets, over 255 (RFC 5321 4.5.3.1.2)"
    case .pathTooLong(let octets):
      return "the path <local@domain> is \(octets) octets, over 256 (RFC 5321 4.5.3.1.3)"
    case .idna(let rule):
      return IDNA.Failure(offset: 0, rule: rule).description
    }
  }
}
