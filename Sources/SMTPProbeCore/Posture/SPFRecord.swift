/// A parsed SPF record (RFC 7208 4.6, 12): its terms in order, each with its position.
public struct SPFRecord: Hashable, Sendable {
  /// The record as published.
  public var text: String
  public var terms: [SPFTerm]

  /// Whether `text` is an SPF version 1 record: `v=spf1` followed by a space or nothing,
  /// ignoring case (RFC 7208 4.5).
  public static func isSPF(_ text: String) -> Bool {
    guard PostureText.hasPrefix(text, caseInsensitive: "v=spf1") else { return false }
    let rest = text.dropFirst(6)
    return rest.isEmpty || rest.first == " "
  }

  /// The SPF records of `domain` (RFC 7208 4.4, 4.5): NXDOMAIN, NODATA and no `v=spf1` TXT
  /// record are none; a DNS failure is a temperror; more than one record a permerror.
  public static func lookUp(_ domain: String, resolver: any Resolver) -> TXTRecordLookup {
    TXTRecordLookup.fetch(domain, resolver: resolver, where: isSPF)
  }

  /// The `redirect=` target, if any.
  public var redirect: SPFTerm? {
    terms.first { if case .modifier(.redirect) = $0.kind { true } else { false } }
  }

  /// The first `all` directive, if any.
  public var all: SPFTerm? {
    terms.first { if case .directive(_, .all) = $0.kind { true } else { false } }
  }

  /// The directives, in order.
  public var directives: [SPFTerm] {
    terms.filter { if case .directive = $0.kind { true } else { false } }
  }

  /// Parses `text`; the first syntax error is thrown with its position.
  public static func parse(_ text: String) throws(SPFSyntaxError) -> SPFRecord {
    guard isSPF(text) else {
      throw SPFSyntaxError(
        position: 1, term: String(text.prefix(while: { $0 != " " })), reason: .notVersion1)
    }
    var terms: [SPFTerm] = []
    var modifiers: Set<String> = []
    var offset = 6
    for piece in text.dropFirst(6).split(separator: " ", omittingEmptySubsequences: false) {
      defer { offset += piece.count + 1 }
      if piece.isEmpty { continue }
      let position = offset + 1
      if let bad = piece.first(where: {
        !($0.asciiValue.map { (0x21...0x7E).contains($0) } ?? false)
      }) {
        throw SPFSyntaxError(
          position: position, term: String(piece), reason: .invalidCharacter(String(bad)))
      }
      let term = try SPFTermParser.parse(String(piece), position: position)
      if case .modifier(let modifier) = term.kind {
        let name: String
        switch modifier {
        case .redirect: name = "redirect"
        case .explanation: name = "exp"
        case .unknown: name = ""
        }
        if !name.isEmpty, !modifiers.insert(name).inserted {
          throw SPFSyntaxError(
            position: position, term: term.text, reason: .duplicateModifier(name))
        }
      }
      terms.append(term)
    }
    return SPFRecord(text: text, terms: terms)
  }
}
