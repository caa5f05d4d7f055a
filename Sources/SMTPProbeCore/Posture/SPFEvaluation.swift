/// What check_host() found for one address (RFC 7208 4): the result, the term that decided
/// it, the include/redirect terms that led there, and the lookups it spent.
public struct SPFEvaluation: Hashable, Sendable {
  /// The client address evaluated.
  public var ip: IPAddress
  /// The sender the macros saw.
  public var sender: String
  public var result: SPFResult
  /// The term that matched, or that caused the error; nil when nothing matched (neutral by
  /// default) or when there is no record.
  public var term: String?
  /// The domain whose record holds `term`.
  public var termDomain: String?
  /// The include and redirect terms from the top record down to `term`'s record, in order.
  public var chain: [String]
  /// Why the result is temperror or permerror.
  public var problem: SPFProblem?
  /// DNS-querying terms evaluated (limit 10, RFC 7208 4.6.4).
  public var lookups: Int
  /// Lookups that answered NXDOMAIN or no records (limit 2, RFC 7208 4.6.4).
  public var voidLookups: Int
  /// Whether a `ptr` mechanism was evaluated (RFC 7208 5.5: "SHOULD NOT be used").
  public var usedPTR: Bool

  public init(
    ip: IPAddress, sender: String, result: SPFResult, term: String? = nil,
    termDomain: String? = nil, chain: [String] = [], problem: SPFProblem? = nil, lookups: Int = 0,
    voidLookups: Int = 0, usedPTR: Bool = false
  ) {
    self.ip = ip
    self.sender = sender
    self.result = result
    self.term = term
    self.termDomain = termDomain
    self.chain = chain
    self.problem = problem
    self.lookups = lookups
    self.voidLookups = voidLookups
    self.usedPTR = usedPTR
  }
}
