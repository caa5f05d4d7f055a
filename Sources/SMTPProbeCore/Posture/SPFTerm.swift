/// One term of an SPF record (RFC 7208 4.6.1): a directive (qualifier and mechanism) or a
/// modifier, with its text and where it starts in the record.
public struct SPFTerm: Hashable, Sendable {
  /// What a directive's match yields (RFC 7208 4.6.2); `+` when none is written.
  public enum Qualifier: String, Hashable, Sendable {
    case pass = "+"
    case fail = "-"
    case softfail = "~"
    case neutral = "?"

    /// The check_host() result a match with this qualifier gives.
    public var result: SPFResult {
      switch self {
      case .pass: .pass
      case .fail: .fail
      case .softfail: .softfail
      case .neutral: .neutral
      }
    }
  }

  /// A mechanism (RFC 7208 5); the CIDR lengths are nil when not written.
  public enum Mechanism: Hashable, Sendable {
    /// Always matches (5.1).
    case all
    /// Matches when the included domain's check_host() passes (5.2).
    case include(SPFMacroString)
    /// Matches the target's A/AAAA addresses (5.3); nil target means the current domain.
    case a(SPFMacroString?, ipv4Prefix: Int?, ipv6Prefix: Int?)
    /// Matches the addresses of the target's MX hosts (5.4).
    case mx(SPFMacroString?, ipv4Prefix: Int?, ipv6Prefix: Int?)
    /// Matches a validated PTR name under the target (5.5, "SHOULD NOT be published").
    case ptr(SPFMacroString?)
    /// Matches an IPv4 network (5.6).
    case ip4(IPAddress, prefix: Int)
    /// Matches an IPv6 network (5.6).
    case ip6(IPAddress, prefix: Int)
    /// Matches when an A lookup of the expanded name answers (5.7).
    case exists(SPFMacroString)

    /// Whether evaluating it queries the DNS, so that it counts against the limit of 10
    /// (RFC 7208 4.6.4: include, a, mx, ptr and exists; and the redirect modifier).
    public var queriesDNS: Bool {
      switch self {
      case .include, .a, .mx, .ptr, .exists: true
      case .all, .ip4, .ip6: false
      }
    }
  }

  /// A modifier (RFC 7208 6).
  public enum Modifier: Hashable, Sendable {
    /// `redirect=`: the record of another domain decides when nothing matched (6.1).
    case redirect(SPFMacroString)
    /// `exp=`: where the explanation of a fail is (6.2).
    case explanation(SPFMacroString)
    /// Any other `name=value`, ignored as RFC 7208 6 requires.
    case unknown(name: String, value: String)
  }

  /// A directive or a modifier.
  public enum Kind: Hashable, Sendable {
    case directive(Qualifier, Mechanism)
    case modifier(Modifier)
  }

  public var kind: Kind
  /// The term as written.
  public var text: String
  /// Where it starts in the record, counting from 1.
  public var position: Int

  public init(kind: Kind, text: String, position: Int) {
    self.kind = kind
    self.text = text
    self.position = position
  }

  /// Whether evaluating this term queries the DNS (RFC 7208 4.6.4).
  public var queriesDNS: Bool {
    switch kind {
    case .directive(_, let mechanism): mechanism.queriesDNS
    case .modifier(.redirect): true
    case .modifier: false
    }
  }
}
