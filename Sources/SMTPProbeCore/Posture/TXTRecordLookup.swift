/// The one policy record at a DNS name (DMARC, DKIM, TLS-RPT): the TXT records that start
/// with the version tag, each record's strings joined (RFC 7489 6.6.3, RFC 8460 3).
public enum TXTRecordLookup: Hashable, Sendable {
  /// Exactly one record.
  case found(String)
  /// NXDOMAIN, NODATA, or no TXT record of this kind.
  case none
  /// More than one record of this kind: receivers then act as if there were none.
  case several([String])
  /// A DNS failure that says nothing about the record.
  case failed(DNSError)

  /// The TXT records at `name` for which `isRecord` holds.
  public static func fetch(
    _ name: String, resolver: any Resolver, where isRecord: (String) -> Bool
  ) -> TXTRecordLookup {
    let texts: [String]
    do {
      texts = try resolver.txt(name)
    } catch {
      return error.isDefinitiveAnswer ? .none : .failed(error)
    }
    let records = texts.filter(isRecord)
    switch records.count {
    case 0: return .none
    case 1: return .found(records[0])
    default: return .several(records)
    }
  }

  /// The TXT records at `name` that start with `version` (ignoring case), then `;`, a space
  /// or their end.
  public static func fetch(_ name: String, version: String, resolver: any Resolver)
    -> TXTRecordLookup
  {
    fetch(name, resolver: resolver) { text in
      let trimmed = PostureText.trimmed(text)
      guard PostureText.hasPrefix(trimmed, caseInsensitive: version) else { return false }
      let next = trimmed.dropFirst(version.count).first
      return next == nil || next == ";" || next == " " || next == "\t"
    }
  }
}
