/// How one TLSA record compares with the chain an MX host presented (RFC 7672 3.1).
public enum DANEMatch: Hashable, Sendable {
  /// DANE-EE matched the server certificate, or DANE-TA a CA certificate at `depth` of the
  /// chain (RFC 7671 5.1, 5.2).
  case matched(depth: Int)
  /// A usable record that matches no certificate it may match.
  case notMatched
  /// A record senders ignore: PKIX-TA/PKIX-EE are not used for SMTP (RFC 7672 3.1.3),
  /// others have an unassigned usage, selector or matching type (RFC 7672 2.2).
  case unusable

  /// Compares `record` with `chain` (leaf first).
  ///
  /// DANE-EE looks only at the leaf; DANE-TA at the certificates above it, which the server
  /// must send (RFC 7672 3.1.2), reached through links where each certificate was issued by
  /// the next. Names are not checked for DANE-EE (RFC 7672 3.1.1).
  public static func compare(_ record: TLSARecord, with chain: [CertificateInfo]) -> DANEMatch {
    guard record.selector <= 1, record.matchingType <= 2 else { return .unusable }
    switch record.usage {
    case TLSARecord.daneEE:
      guard let leaf = chain.first?.association else { return .notMatched }
      return leaf.matches(record) ? .matched(depth: 0) : .notMatched
    case TLSARecord.daneTA:
      for (depth, certificate) in chain.enumerated().dropFirst() {
        // Every certificate below the anchor must be issued by the next one (RFC 7671 5.2.2).
        guard chain[depth - 1].association?.issuedByNext == true else { return .notMatched }
        if let association = certificate.association, association.matches(record) {
          return .matched(depth: depth)
        }
      }
      return .notMatched
    default:
      return .unusable
    }
  }

  /// Whether senders that use DANE can verify the chain with `records`: some usable record
  /// matches.
  public static func satisfied(_ records: [TLSARecord], by chain: [CertificateInfo]) -> Bool {
    records.contains { record in
      if case .matched = compare(record, with: chain) { return true }
      return false
    }
  }
}
