/// What a server said it supports in its EHLO reply (RFC 5321 4.1.1.1 `ehlo-ok-rsp`).
///
/// The first line carries the server's name and greeting; every further line is a keyword with
/// optional parameters. Every line is kept verbatim, unknown keywords included (STYLE rule 6),
/// and the old-style `AUTH=LOGIN PLAIN` form that some clients still need is read as AUTH.
public struct Capabilities: Hashable, Sendable {
  /// Service extensions the dialogue acts on or reports, by their registered keyword.
  public enum Extension: String, Hashable, Sendable, CaseIterable {
    /// RFC 1870: message size declaration.
    case size = "SIZE"
    /// RFC 2920: command pipelining.
    case pipelining = "PIPELINING"
    /// RFC 3207: TLS upgrade.
    case startTLS = "STARTTLS"
    /// RFC 4954: authentication.
    case auth = "AUTH"
    /// RFC 6152: 8-bit MIME transport.
    case eightBitMIME = "8BITMIME"
    /// RFC 6531: internationalized addresses.
    case smtpUTF8 = "SMTPUTF8"
    /// RFC 2034: enhanced status codes in replies.
    case enhancedStatusCodes = "ENHANCEDSTATUSCODES"
    /// RFC 3030: BDAT chunks.
    case chunking = "CHUNKING"
    /// RFC 3030: binary MIME.
    case binaryMIME = "BINARYMIME"
    /// RFC 3461: delivery status notifications.
    case dsn = "DSN"
    /// RFC 8689: require TLS along the whole path.
    case requireTLS = "REQUIRETLS"
    /// RFC 1985: remote queue starting.
    case etrn = "ETRN"
    /// RFC 5321 4.1.1.7: mailing list expansion.
    case expn = "EXPN"
    /// RFC 5321 4.1.1.6: address verification.
    case vrfy = "VRFY"
    /// RFC 5321 4.1.1.8: help.
    case help = "HELP"
    /// RFC 4865: future message release.
    case futureRelease = "FUTURERELEASE"
    /// RFC 2852: deliver by.
    case deliverBy = "DELIVERBY"
    /// RFC 3885: message tracking.
    case mtrk = "MTRK"
    /// RFC 4141: content conversion permission.
    case conperm = "CONPERM"
    /// RFC 4405: submitter of the message.
    case submitter = "SUBMITTER"
    /// RFC 7293: require recipient valid since.
    case rrvs = "RRVS"
    /// RFC 9422: the server's limits.
    case limits = "LIMITS"
  }

  /// One EHLO keyword line.
  public struct Keyword: Hashable, Sendable, CustomStringConvertible {
    /// The keyword, upper-cased (`AUTH` also for the old `AUTH=` form).
    public let name: String
    /// The parameters after the keyword, as sent.
    public let parameters: [String]
    /// The line's text as the server sent it.
    public let line: String

    /// Reads one keyword line of an EHLO reply (the text after `250-`).
    public init(line: String) {
      self.line = line
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      let first = words.first ?? ""
      // Old-style "AUTH=LOGIN PLAIN", from drafts before RFC 2554 (still sent by some servers).
      if first.uppercased().hasPrefix("AUTH=") {
        name = "AUTH"
        parameters = [String(first.dropFirst(5))].filter { !$0.isEmpty } + words.dropFirst()
      } else {
        name = first.uppercased()
        parameters = Array(words.dropFirst())
      }
    }

    /// The registered extension this keyword names, if known.
    public var known: Extension? { Extension(rawValue: name) }
    public var description: String { line }
  }

  /// The text of the first line: the server's name, then any greeting (`mx.example ESMTP`).
  public let greeting: String
  /// The keyword lines in order, verbatim.
  public let keywords: [Keyword]
  /// Whether the capabilities come from a HELO reply, which lists none (RFC 5321 4.1.1.1).
  public let fromHELO: Bool

  /// Reads an EHLO reply (or a HELO reply, which has no keywords).
  public init(reply: Reply, fromHELO: Bool = false) {
    greeting = reply.texts.first ?? ""
    // A blank keyword line (`250 ` closing the list, as some appliances send) names nothing.
    keywords =
      fromHELO
      ? [] : reply.texts.dropFirst().map { Keyword(line: $0) }.filter { !$0.name.isEmpty }
    self.fromHELO = fromHELO
  }

  /// The server's name: the first word of the first line.
  public var serverName: String {
    greeting.split(separator: " ").first.map(String.init) ?? ""
  }

  /// The first keyword line with this name (case-insensitive), if offered.
  public func keyword(_ name: String) -> Keyword? {
    let upper = name.uppercased()
    return keywords.first { $0.name == upper }
  }

  /// Whether the server offered `ext`.
  public func offers(_ ext: Extension) -> Bool { keyword(ext.rawValue) != nil }

  /// The SIZE limit in octets when the server declared one; nil when SIZE is absent or has no
  /// number or 0, which RFC 1870 4 defines as "no fixed maximum".
  public var maximumMessageSize: Int? {
    guard let size = keyword(Extension.size.rawValue), let text = size.parameters.first,
      let value = Int(text), value > 0
    else { return nil }
    return value
  }

  /// The SASL mechanisms offered, upper-cased, from every AUTH line (both forms), in order.
  public var authMechanisms: [String] {
    var seen: [String] = []
    for keyword in keywords where keyword.name == "AUTH" {
      for mechanism in keyword.parameters.map({ $0.uppercased() }) where !seen.contains(mechanism) {
        seen.append(mechanism)
      }
    }
    return seen
  }

  /// What changed from `self` to `after` (for example across STARTTLS), compared by line.
  public func diff(to after: Capabilities) -> CapabilityDiff {
    let before = Set(keywords.map { $0.line.uppercased() })
    let later = Set(after.keywords.map { $0.line.uppercased() })
    return CapabilityDiff(
      added: after.keywords.filter { !before.contains($0.line.uppercased()) },
      removed: keywords.filter { !later.contains($0.line.uppercased()) })
  }
}
