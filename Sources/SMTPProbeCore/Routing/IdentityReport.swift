/// What the DNS says about the host we connected to, and whether its greeting agrees.
///
/// Mismatches are warnings, never failures: many working MTAs greet with an internal name.
public struct IdentityReport: Hashable, Sendable {
  /// The address we connected to.
  public var address: String
  /// The MX name we were routed by, if any.
  public var mxHost: String?
  /// The host name in the 220 greeting (its first word), if any.
  public var greetingName: String?
  /// The PTR names of `address`.
  public var ptrNames: [String]
  /// Why there is no PTR name (NXDOMAIN, NODATA or a DNS failure).
  public var ptrError: DNSError?
  /// The PTR name that resolves back to `address` (forward-confirmed reverse DNS), if any.
  public var forwardConfirmedName: String?
  /// True when some PTR name resolves back to the address; nil when there was no PTR.
  public var isForwardConfirmed: Bool?
  /// True when the greeting's name is a PTR name or the MX name; nil without a greeting name.
  public var greetingMatches: Bool?
  public var warnings: [String]

  public init(
    address: String, mxHost: String? = nil, greetingName: String? = nil, ptrNames: [String] = [],
    ptrError: DNSError? = nil, forwardConfirmedName: String? = nil,
    isForwardConfirmed: Bool? = nil, greetingMatches: Bool? = nil, warnings: [String] = []
  ) {
    self.address = address
    self.mxHost = mxHost
    self.greetingName = greetingName
    self.ptrNames = ptrNames
    self.ptrError = ptrError
    self.forwardConfirmedName = forwardConfirmedName
    self.isForwardConfirmed = isForwardConfirmed
    self.greetingMatches = greetingMatches
    self.warnings = warnings
  }
}
