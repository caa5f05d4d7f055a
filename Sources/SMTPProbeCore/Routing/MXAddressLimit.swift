/// How many addresses of one mail host are tried (`--mx-address-limit`, default 5).
///
/// A host name with many A/AAAA records that all drop SYNs would otherwise cost one connect
/// timeout per record. Postfix bounds the same thing with `smtp_mx_address_limit` (default 5,
/// "the maximal number of MX (mail exchanger) IP addresses that can result from mail exchanger
/// lookups, or zero (no limit)", smtp(8), Postfix 2.1 and later); Postfix counts the whole MX
/// list, we count per host, so every MX host still gets its turn. As with Postfix's
/// `smtp_balance_inet_protocols` (Postfix 3.3), a host with both IPv4 and IPv6 addresses keeps
/// at least one of each when the limit is 2 or more. RFC 5321 5.1 allows such a limit ("there
/// MAY also be a configurable limit on the number of alternate addresses that can be tried").
public struct MXAddressLimit: Hashable, Sendable {
  /// The most addresses tried per host; 0 means no limit.
  public var maximum: Int

  /// Postfix's default.
  public static let standard = MXAddressLimit(5)
  /// No limit: every address is tried.
  public static let none = MXAddressLimit(0)

  public init(_ maximum: Int) {
    self.maximum = max(0, maximum)
  }

  /// Splits `addresses` (in the order to try them) into those to try and those skipped.
  public func apply(to addresses: [String]) -> (kept: [String], skipped: [String]) {
    guard maximum > 0, addresses.count > maximum else { return (addresses, []) }
    var kept = Array(addresses.prefix(maximum))
    if maximum >= 2, let other = firstOfMissingFamily(kept: kept, in: addresses) {
      kept[kept.count - 1] = other
    }
    let skipped = addresses.filter { !kept.contains($0) }
    return (kept, skipped)
  }

  /// The first address of a family present in `addresses` but absent from `kept`, if any.
  private func firstOfMissingFamily(kept: [String], in addresses: [String]) -> String? {
    let keptIPv6 = Set(kept.map(Self.isIPv6))
    guard keptIPv6.count == 1, let family = keptIPv6.first else { return nil }
    return addresses.first { Self.isIPv6($0) != family }
  }

  private static func isIPv6(_ address: String) -> Bool { address.contains(":") }

  /// The note saying what was skipped for one host.
  static func note(host: String, preference: UInt16?, kept: Int, skipped: [String], limit: Int)
    -> String
  {
    let name = preference.map { "MX \($0) \(host)" } ?? host
    return "\(name) has \(kept + skipped.count) addresses; trying \(kept) (--mx-address-limit"
      + " \(limit)), skipping \(skipped.count): \(skipped.joined(separator: ", "))"
  }
}
