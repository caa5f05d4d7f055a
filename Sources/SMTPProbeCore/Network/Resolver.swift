/// Looks up DNS records: the seam between routing logic and the network.
///
/// `LibresolvResolver` asks real servers; `StaticResolver` answers from a table in tests.
/// Every failure is a `DNSError` that says what happened (NXDOMAIN, NODATA, SERVFAIL, timeout).
public protocol Resolver: Sendable {
  /// The records of `type` for `name`, following CNAMEs; throws rather than return none.
  func query(_ name: String, _ type: DNSRecordType) throws(DNSError) -> DNSAnswer
}

extension Resolver {
  /// The MX records of `domain`, in the order the server gave them.
  public func mx(_ domain: String) throws(DNSError) -> [MXRecord] {
    try query(domain, .mx).records.compactMap { record in
      guard case .mx(let preference, let exchange) = record.data else { return nil }
      return MXRecord(preference: preference, exchange: exchange)
    }
  }

  /// The addresses of `host` in `family`: IPv4 first, then IPv6.
  ///
  /// Throws only when there is no address: the error of the A lookup unless that was a mere
  /// NODATA/NXDOMAIN and the AAAA lookup failed in a more telling way.
  public func addresses(_ host: String, family: AddressFamilyPreference = .any) throws(DNSError)
    -> [String]
  {
    let types = family.addressRecordTypes
    var addresses: [String] = []
    var firstError: DNSError?
    for type in types {
      do {
        addresses += try query(host, type).records.compactMap(\.data.addressText)
      } catch {
        if firstError == nil || firstError?.isDefinitiveAnswer == true && !error.isDefinitiveAnswer
        {
          firstError = error
        }
      }
    }
    if addresses.isEmpty, let firstError { throw firstError }
    return addresses
  }

  /// The PTR names of an IPv4 or IPv6 address (RFC 1035 3.5, RFC 3596 2.5).
  public func ptr(_ address: String) throws(DNSError) -> [String] {
    guard let name = Self.reverseName(of: address) else {
      throw .invalidName(name: address, reason: "not an IP address")
    }
    return try query(name, .ptr).records.compactMap { record in
      guard case .ptr(let target) = record.data else { return nil }
      return target
    }
  }

  /// The TXT records of `name`, each record's strings joined (RFC 7208 3.3 does so for SPF).
  public func txt(_ name: String) throws(DNSError) -> [String] {
    try query(name, .txt).records.compactMap { record in
      guard case .txt(let strings) = record.data else { return nil }
      return strings.joined()
    }
  }

  /// The in-addr.arpa or ip6.arpa name for reverse lookups, or nil if `address` is not an IP.
  public static func reverseName(of address: String) -> String? {
    guard let bytes = IPAddressBytes.parse(address) else { return nil }
    if bytes.count == 4 {
      return bytes.reversed().map(String.init).joined(separator: ".") + ".in-addr.arpa"
    }
    let nibbles = bytes.flatMap { [$0 >> 4, $0 & 0xF] }.reversed()
    return nibbles.map { String($0, radix: 16) }.joined(separator: ".") + ".ip6.arpa"
  }
}

extension DNSRecordData {
  /// The address text of an A or AAAA record; nil for other types.
  public var addressText: String? {
    switch self {
    case .a(let text), .aaaa(let text): text
    default: nil
    }
  }
}
