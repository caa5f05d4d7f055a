/// The records that answer one question, after following any CNAME chain (RFC 1034 3.6.2).
public struct DNSAnswer: Hashable, Sendable {
  /// The name asked for.
  public var name: String
  public var type: DNSRecordType
  /// The answer records of `type` for the end of the alias chain.
  public var records: [DNSRecord]
  /// Each alias followed, in order: non-empty means `name` is a CNAME.
  public var aliases: [String]
  /// The name the records belong to (`name` unless it is an alias).
  public var canonicalName: String
  /// Whether the resolver set AD: it validated the answer with DNSSEC (RFC 4035 3.2.3).
  public var authenticated: Bool

  public init(
    name: String, type: DNSRecordType, records: [DNSRecord], aliases: [String] = [],
    canonicalName: String? = nil, authenticated: Bool = false
  ) {
    self.authenticated = authenticated
    self.name = name
    self.type = type
    self.records = records
    self.aliases = aliases
    self.canonicalName = canonicalName ?? name
  }

  /// Reads the answer to `type` questions about `name` out of a response, or the error it says.
  ///
  /// The RCODE decides first: NXDOMAIN, SERVFAIL, REFUSED each become their own error. With
  /// NOERROR, CNAMEs in the answer section are followed (at most 8) and an empty result is
  /// NODATA (RFC 2308 2.2). A response to some other question is malformed.
  public static func interpret(
    _ message: DNSMessage, name: String, type: DNSRecordType, server: String
  ) throws(DNSError) -> DNSAnswer {
    guard message.isResponse else {
      throw .malformedAnswer(server: server, reason: "the message is a query, not a response")
    }
    if let question = message.questions.first,
      !question.name.isSameDNSName(DNSAnswer.trimmed(name)) || question.type != type
    {
      throw .malformedAnswer(
        server: server,
        reason: "it answers \(question.name) \(question.type), not \(name) \(type)")
    }
    switch message.responseCode {
    case .noError: break
    case .nameError: throw .nameDoesNotExist(name: trimmed(name))
    case .serverFailure: throw .serverFailure(name: trimmed(name), type: type, server: server)
    case .refused: throw .refused(name: trimmed(name), type: type, server: server)
    default:
      throw .unexpectedResponseCode(
        name: trimmed(name), type: type, code: message.responseCode, server: server)
    }
    let (aliases, current) = try followAliases(
      in: message, from: trimmed(name), type: type, server: server)
    let records = message.answers.filter { $0.type == type && $0.name.isSameDNSName(current) }
    guard !records.isEmpty else { throw .noData(name: trimmed(name), type: type) }
    return DNSAnswer(
      name: trimmed(name), type: type, records: records, aliases: aliases, canonicalName: current,
      authenticated: message.authenticData)
  }

  /// How many aliases are followed before the chain counts as not followed (BIND and glibc
  /// stop at a similar depth).
  static let maximumAliases = 8

  /// Follows the CNAMEs in the answer section from `name`: the aliases passed and the end.
  ///
  /// A chain that comes back to a name already in it is a loop; one longer than
  /// `maximumAliases` is reported as not followed.
  static func followAliases(
    in message: DNSMessage, from name: String, type: DNSRecordType, server: String
  ) throws(DNSError) -> (aliases: [String], end: String) {
    var current = name
    var aliases: [String] = []
    while type != .cname {
      let cname = message.answers.first { record in
        record.type == .cname && record.name.isSameDNSName(current)
      }
      guard case .cname(let target)? = cname?.data else { break }
      aliases.append(current)
      let end = trimmed(target)
      if aliases.contains(where: { $0.isSameDNSName(end) }) {
        throw .cnameLoop(name: name, chain: aliases + [end])
      }
      guard aliases.count <= maximumAliases else {
        throw .cnameChainNotFollowed(name: name, target: end, type: type, server: server)
      }
      current = end
    }
    return (aliases, current)
  }

  /// A name without its trailing dot.
  static func trimmed(_ name: String) -> String {
    name.count > 1 && name.hasSuffix(".") ? String(name.dropLast()) : name
  }
}

extension String {
  /// DNS names compare case-insensitively in ASCII (RFC 4343).
  package func isSameDNSName(_ other: String) -> Bool {
    self.utf8.count == other.utf8.count
      && zip(self.utf8, other.utf8).allSatisfy { Self.lower($0) == Self.lower($1) }
  }

  private static func lower(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }
}
