/// One address looked up in one DNS blocklist (RFC 5782 2.1, 2.4): the reversed octets (or,
/// for IPv6, the reversed nibbles) under the zone, asked for A records.
public struct DNSBLLookup: Hashable, Sendable {
  /// What the zone said.
  public enum Outcome: Hashable, Sendable {
    /// NXDOMAIN or NODATA: not listed.
    case notListed
    /// Listed, with each answer's meaning.
    case listed([DNSBLCode])
    /// The operator answered an error code: the address could not be checked.
    case refusedByOperator([DNSBLCode])
    /// The DNS failed: the address could not be checked.
    case failed(DNSError)
  }

  /// The address looked up.
  public var address: String
  public var zone: String
  /// The name asked.
  public var query: String
  public var outcome: Outcome

  /// `address` reversed under `zone`: `2.0.0.127.zone`, or 32 nibbles for IPv6 (RFC 5782 2.4).
  public static func queryName(_ address: IPAddress, zone: String) -> String {
    let labels: [String]
    switch address {
    case .v4(let bytes): labels = bytes.reversed().map(String.init)
    case .v6(let bytes):
      labels = bytes.flatMap { [$0 >> 4, $0 & 0xF] }.reversed().map { String($0, radix: 16) }
    }
    return (labels + [PostureText.normalized(zone)]).joined(separator: ".")
  }

  /// Looks `address` up in `zone`.
  public static func lookUp(_ address: IPAddress, zone: String, resolver: any Resolver)
    -> DNSBLLookup
  {
    let query = queryName(address, zone: zone)
    var lookup = DNSBLLookup(
      address: address.description, zone: PostureText.normalized(zone), query: query,
      outcome: .notListed)
    let answers: [String]
    do {
      answers = try resolver.query(query, .a).records.compactMap(\.data.addressText)
    } catch {
      if !error.isDefinitiveAnswer { lookup.outcome = .failed(error) }
      return lookup
    }
    let codes = answers.map { DNSBLCode.reading($0, from: zone) }
    let errors = codes.filter { $0.kind == .error }
    // Any error answer makes the whole answer unusable: never read it as a listing.
    if !errors.isEmpty {
      lookup.outcome = .refusedByOperator(errors)
    } else if !codes.isEmpty {
      lookup.outcome = .listed(codes)
    }
    return lookup
  }
}
