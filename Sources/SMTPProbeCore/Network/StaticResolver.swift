/// A resolver answering from a table, for tests of everything above the network.
///
/// A name with entries for some types answers NODATA for the others; a name with no entries at
/// all is NXDOMAIN. `aliases` are CNAMEs, followed before the table is consulted.
public struct StaticResolver: Resolver {
  /// What the table says for one name and type.
  public enum Entry: Hashable, Sendable {
    case records([DNSRecordData])
    case failure(DNSError)
  }

  /// Entries by lower-cased name, then by type.
  public var entries: [String: [DNSRecordType: Entry]]
  /// CNAMEs by lower-cased alias.
  public var aliases: [String: String]

  public init(
    entries: [String: [DNSRecordType: Entry]] = [:], aliases: [String: String] = [:]
  ) {
    self.entries = [:]
    for (name, types) in entries {
      self.entries[name.lowercased(), default: [:]].merge(types) { $1 }
    }
    self.aliases = Dictionary(aliases.map { ($0.key.lowercased(), $0.value) }) { $1 }
  }

  public func query(_ name: String, _ type: DNSRecordType) throws(DNSError) -> DNSAnswer {
    let asked = DNSAnswer.trimmed(name)
    var current = asked.lowercased()
    var chain: [String] = []
    while type != .cname, let target = aliases[current], chain.count < 8 {
      chain.append(current)
      current = target.lowercased()
    }
    guard let types = entries[current] else {
      if chain.isEmpty { throw .nameDoesNotExist(name: asked) }
      throw .noData(name: asked, type: type)
    }
    switch types[type] {
    case .records(let data)?:
      guard !data.isEmpty else { throw .noData(name: asked, type: type) }
      let records = data.map { DNSRecord(name: current, type: type, ttl: 300, data: $0) }
      return DNSAnswer(
        name: asked, type: type, records: records, aliases: chain, canonicalName: current)
    case .failure(let error)?:
      throw error
    case nil:
      throw .noData(name: asked, type: type)
    }
  }
}
