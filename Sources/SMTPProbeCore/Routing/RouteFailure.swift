/// Why no mail host could be found for a domain; each case is its own diagnosis.
public enum RouteFailure: Hashable, Sendable, CustomStringConvertible {
  /// The domain does not exist (NXDOMAIN on the MX query).
  case domainDoesNotExist(domain: String)
  /// There are MX records (or an implicit MX) but no host has a usable address.
  case noMailHosts(domain: String, implicit: Bool)
  /// The MX query failed in DNS (timeout, SERVFAIL, REFUSED, malformed answer): this says
  /// nothing about the domain's mail setup.
  case dnsFailure(DNSError)
  /// The domain is not a valid DNS name.
  case invalidDomain(DNSError)

  public var description: String {
    switch self {
    case .domainDoesNotExist(let domain):
      "the domain \(domain) does not exist (NXDOMAIN)"
    case .noMailHosts(let domain, let implicit):
      implicit
        ? "\(domain) has no MX records and no A/AAAA address either, so it cannot receive mail"
        : "none of the MX hosts of \(domain) has an address to connect to"
    case .dnsFailure(let error):
      "DNS failure looking up the MX records: \(error)"
    case .invalidDomain(let error):
      error.description
    }
  }
}
