/// The SPF record of a domain as the DNS gives it (RFC 7208 4.4, 4.5): exactly one TXT record
/// starting with `v=spf1`, or why there is not.
public enum SPFRecordLookup: Hashable, Sendable {
  /// One record.
  case found(String)
  /// No SPF record: NXDOMAIN, NODATA or no TXT record starting with `v=spf1` (result none).
  case none
  /// Several SPF records (permerror, 4.5).
  case several([String])
  /// A DNS failure (temperror, 4.4).
  case failed(DNSError)

  /// Asks `resolver` for the TXT records of `domain`.
  public static func fetch(_ domain: String, resolver: any Resolver) -> SPFRecordLookup {
    let texts: [String]
    do {
      texts = try resolver.txt(domain)
    } catch {
      return error.isDefinitiveAnswer ? .none : .failed(error)
    }
    let records = texts.filter(SPFRecord.isSPF)
    switch records.count {
    case 0: return .none
    case 1: return .found(records[0])
    default: return .several(records)
    }
  }

  /// Whether `name` may be evaluated: at least two labels, none empty but the last, none over
  /// 63 octets, 253 octets in all (RFC 7208 4.3).
  public static func isValidDomain(_ name: String) -> Bool {
    var labels = name.split(separator: ".", omittingEmptySubsequences: false)
    if labels.last == "" { labels.removeLast() }
    return labels.count >= 2 && name.utf8.count <= 254
      && labels.allSatisfy { !$0.isEmpty && $0.utf8.count <= 63 }
  }
}
