/// Why an SPF record does not parse, and where (RFC 7208 4.6, 12): a PermError.
public struct SPFSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public enum Reason: Hashable, Sendable {
    /// The record does not start with `v=spf1` followed by a space or its end (4.5).
    case notVersion1
    /// A mechanism name RFC 7208 5 does not define.
    case unknownMechanism(String)
    /// `include:` or `exists:` without a domain.
    case missingDomain(String)
    /// A domain-spec that is not a macro-string ending in a top label or a macro (7.1).
    case invalidDomainSpec(String)
    /// A macro that does not parse (7.1), or a letter allowed only in explanations (7.2).
    case invalidMacro(String)
    /// An `ip4:`/`ip6:` value that is not an address of that family.
    case invalidAddress(String)
    /// A CIDR length that is missing, has a leading zero or is too long (5.6).
    case invalidPrefixLength(String)
    /// `redirect` or `exp` given twice (6).
    case duplicateModifier(String)
    /// An argument on a mechanism that takes none (`all:`), or text after the CIDR lengths.
    case unexpectedArgument(String)
    /// A modifier with a qualifier or an invalid name.
    case invalidModifier(String)
    /// A character outside printable US-ASCII.
    case invalidCharacter(String)
  }

  /// Where the offending term (or character) starts, counting from 1.
  public var position: Int
  /// The term as written.
  public var term: String
  public var reason: Reason

  public init(position: Int, term: String, reason: Reason) {
    self.position = position
    self.term = term
    self.reason = reason
  }

  public var description: String {
    let what: String
    switch reason {
    case .notVersion1: what = "the record does not start with 'v=spf1'"
    case .unknownMechanism(let name): what = "'\(name)' is not an SPF mechanism"
    case .missingDomain(let name): what = "'\(name)' needs a domain ('\(name):example.org')"
    case .invalidDomainSpec(let text): what = "'\(text)' is not a valid domain-spec"
    case .invalidMacro(let text): what = "'\(text)' is not a valid macro"
    case .invalidAddress(let text): what = "'\(text)' is not a valid address"
    case .invalidPrefixLength(let text): what = "'\(text)' is not a valid CIDR length"
    case .duplicateModifier(let name): what = "the modifier '\(name)' appears more than once"
    case .unexpectedArgument(let text): what = "unexpected '\(text)'"
    case .invalidModifier(let text): what = "'\(text)' is not a valid modifier"
    case .invalidCharacter(let text): what = "the character '\(text)' is not allowed"
    }
    return "at position \(position) ('\(term)'): \(what)"
  }
}
