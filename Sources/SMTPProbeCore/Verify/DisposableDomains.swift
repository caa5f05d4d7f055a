/// A user's list of disposable (throwaway) mail domains, and the match against it.
///
/// The file has one domain a line; blank lines and lines starting with "#" are skipped, as is
/// anything after " #"; surrounding whitespace and a final dot are dropped; names are compared
/// in lower-cased A-labels (RFC 5891). A domain matches when it or a parent domain is listed,
/// so `mailinator.com` covers `eu.mailinator.com`.
public struct DisposableDomains: Hashable, Sendable {
  /// A line that is not a domain name.
  public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var text: String
    public var error: MailboxSyntaxError

    public var description: String {
      "line \(line): \(InputError.quote(text)) is not a domain name: \(error.ruleText)"
    }
  }

  /// The listed domains, in A-labels.
  public private(set) var domains: Set<String>

  public init(_ domains: Set<String> = []) {
    self.domains = domains
  }

  /// The empty list.
  public static let none = DisposableDomains()

  /// Parses the file's text; lines that are not domain names are returned as problems.
  public static func parse(_ text: String) -> (list: DisposableDomains, problems: [Problem]) {
    var domains: Set<String> = []
    var problems: [Problem] = []
    for (offset, rawLine) in text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline
    ).enumerated() {
      var line = Substring(rawLine)
      if let comment = line.firstRange(of: " #") { line = line[..<comment.lowerBound] }
      let entry = AddressList.trimmed(line)
      if entry.isEmpty || entry.hasPrefix("#") { continue }
      let name = entry.hasSuffix(".") ? String(entry.dropLast()) : String(entry)
      // A domain is valid here exactly when it is valid after "@" in a mailbox.
      do {
        let address = try VerifyAddress.parse("x@" + name)
        guard let ascii = address.domainName else {
          problems.append(
            Problem(
              line: offset + 1, text: String(entry),
              error: MailboxSyntaxError(position: 0, rule: .domainCharacter("["))))
          continue
        }
        domains.insert(ascii)
      } catch {
        var shifted = error
        shifted.position = max(0, error.position - 2)
        problems.append(Problem(line: offset + 1, text: String(entry), error: shifted))
      }
    }
    return (DisposableDomains(domains), problems)
  }

  /// Whether `domain` (A-labels) or one of its parents is listed.
  public func contains(_ domain: String) -> Bool {
    var name = Substring(domain.lowercased())
    while true {
      if domains.contains(String(name)) { return true }
      guard let dot = name.firstIndex(of: ".") else { return false }
      name = name[name.index(after: dot)...]
    }
  }
}
