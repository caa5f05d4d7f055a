/// The TLSA records of one MX host, as SMTP senders look them up (RFC 7672 2.2.3).
public struct DANEFacts: Hashable, Sendable {
  /// The MX host name.
  public var host: String
  /// `_25._tcp.HOST`.
  public var name: String
  /// The answer, or why there is none (NXDOMAIN and NODATA mean "no TLSA").
  public var lookup: Result<DNSAnswer, DNSError>

  public init(host: String, lookup: Result<DNSAnswer, DNSError>) {
    self.host = host
    self.name = Self.recordName(host)
    self.lookup = lookup
  }

  /// The TLSA base domain of an MX host: port 25, TCP (RFC 7672 2.2.3, RFC 6698 3).
  public static func recordName(_ host: String) -> String { "_25._tcp.\(host)" }

  /// The TLSA records of the answer; empty when there are none.
  public var records: [TLSARecord] {
    guard case .success(let answer) = lookup else { return [] }
    return answer.records.compactMap { record in
      guard case .tlsa(let tlsa) = record.data else { return nil }
      return tlsa
    }
  }

  /// Whether the resolver validated the answer with DNSSEC (the AD bit).
  public var validated: Bool {
    guard case .success(let answer) = lookup else { return false }
    return answer.authenticated
  }
}
