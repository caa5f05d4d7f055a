/// What one answer of a DNS blocklist means, as its operator documents it (RFC 5782 2.1:
/// the A record of a listed entry, conventionally in 127.0.0.0/8).
public struct DNSBLCode: Hashable, Sendable {
  /// A listing, or an error answer that says nothing about the address.
  public enum Kind: Hashable, Sendable {
    /// The address is listed; `severe` listings make receivers refuse mail, the others
    /// (policy lists) matter only for addresses that send mail directly.
    case listing(severe: Bool)
    /// The operator refused to answer this query (a public resolver, too many queries, a
    /// mistyped zone): the address could not be checked.
    case error
  }

  /// The zone this code belongs to.
  public var zone: String
  /// The A record, dotted quad.
  public var address: String
  public var kind: Kind
  /// What the operator says it means.
  public var meaning: String
  /// Where the operator documents it.
  public var source: String
}
