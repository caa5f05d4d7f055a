/// Why check_host() ended in temperror or permerror, or what is wrong in a record reached
/// through include or redirect (RFC 7208 4.4, 4.5, 4.6.4, 5.2, 6.1).
public enum SPFProblem: Hashable, Sendable, CustomStringConvertible {
  /// The domain publishes no SPF record, but an include or redirect names it (5.2, 6.1).
  case noRecord(domain: String)
  /// The domain publishes more than one SPF record (4.5).
  case severalRecords(domain: String, count: Int)
  /// A record does not parse (4.6).
  case syntax(domain: String, SPFSyntaxError)
  /// More than 10 DNS-querying terms were evaluated (4.6.4).
  case tooManyLookups(domain: String, term: String)
  /// More than 2 lookups answered nothing (4.6.4).
  case tooManyVoidLookups(domain: String, term: String)
  /// An `mx` target has more than 10 MX records (4.6.4).
  case tooManyMXRecords(domain: String, count: Int)
  /// A DNS failure other than NXDOMAIN or NODATA (temperror, 2.6.6).
  case dns(domain: String, DNSError)
  /// An include or redirect expands to a name that is not a valid domain (4.3).
  case invalidDomain(String)

  public var description: String {
    switch self {
    case .noRecord(let domain): "\(domain) publishes no SPF record"
    case .severalRecords(let domain, let count): "\(domain) publishes \(count) SPF records"
    case .syntax(let domain, let error): "the SPF record of \(domain) is invalid \(error)"
    case .tooManyLookups(let domain, let term):
      "'\(term)' in \(domain) is DNS lookup number 11, over the limit of 10"
    case .tooManyVoidLookups(let domain, let term):
      "'\(term)' in \(domain) is the third lookup that found nothing, over the limit of 2"
    case .tooManyMXRecords(let domain, let count):
      "\(domain) has \(count) MX records, more than the 10 the mx mechanism may use"
    case .dns(let domain, let error): "looking up \(domain): \(error)"
    case .invalidDomain(let name): "'\(name)' is not a valid domain name"
    }
  }
}
