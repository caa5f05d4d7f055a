/// One mail host to try: its name, preference, the addresses found, and what was wrong.
public struct MXHost: Hashable, Sendable {
  /// The exchange name (or the domain itself for an implicit MX).
  public var host: String
  public var preference: UInt16
  /// Addresses to connect to, in order; empty when the host cannot be used.
  public var addresses: [String]
  /// Why this host is unusable or suspect, one sentence each.
  public var problems: [String]
  /// Addresses found but not to be tried: past the address limit (MXAddressLimit).
  public var skippedAddresses: [String]

  public init(
    host: String, preference: UInt16, addresses: [String], problems: [String] = [],
    skippedAddresses: [String] = []
  ) {
    self.host = host
    self.preference = preference
    self.addresses = addresses
    self.problems = problems
    self.skippedAddresses = skippedAddresses
  }
}
