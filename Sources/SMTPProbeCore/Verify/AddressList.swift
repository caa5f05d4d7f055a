/// A list of addresses to verify, as `--file` gives it: one a line, in input order.
///
/// Blank lines and lines whose first non-blank character is "#" are skipped; whitespace
/// around an address is dropped (a CR of CRLF line ends too, and a UTF-8 byte order mark
/// before the first line). Each remaining line is an entry with its 1-based line number: a
/// parsed address, a syntax error, or a duplicate of an earlier line, which is checked once
/// and reported again for each line that repeats it.
public enum AddressList {
  /// One line that holds an address, or text that should have been one.
  public struct Entry: Hashable, Sendable {
    public var line: Int
    public var text: String
    public var outcome: Outcome

    public init(line: Int, text: String, outcome: Outcome) {
      self.line = line
      self.text = text
      self.outcome = outcome
    }
  }

  /// What the line holds.
  public enum Outcome: Hashable, Sendable {
    /// A new address, to verify.
    case address(VerifyAddress)
    /// Not an address.
    case invalid(MailboxSyntaxError)
    /// The same mailbox as the address on `firstLine`; its result is reused.
    case duplicate(firstLine: Int)
  }

  /// Parses the list's text.
  ///
  /// Two lines are the same mailbox when their local parts are equal as written (RFC 5321
  /// 2.4: only the receiving host may fold a local part's case) and their domains are equal
  /// in lower-cased A-labels.
  public static func parse(_ text: String) -> [Entry] {
    var entries: [Entry] = []
    var firstLineOf: [String: Int] = [:]
    for (offset, rawLine) in text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline
    ).enumerated() {
      var line = Substring(rawLine)
      if offset == 0, line.unicodeScalars.first == "\u{FEFF}" {
        line = Substring(line.unicodeScalars.dropFirst())
      }
      let entry = trimmed(line)
      if entry.isEmpty || entry.hasPrefix("#") { continue }
      let number = offset + 1
      let outcome: Outcome
      do {
        let address = try VerifyAddress.parse(String(entry))
        let key = "\(address.localPart)@\(address.wireDomain)"
        if let first = firstLineOf[key] {
          outcome = .duplicate(firstLine: first)
        } else {
          firstLineOf[key] = number
          outcome = .address(address)
        }
      } catch {
        outcome = .invalid(error)
      }
      entries.append(Entry(line: number, text: String(entry), outcome: outcome))
    }
    return entries
  }

  /// `text` without spaces and tabs (and a CR) at either end.
  static func trimmed(_ text: Substring) -> Substring {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = text.firstIndex(where: { !blank($0) }),
      let last = text.lastIndex(where: { !blank($0) })
    else { return "" }
    return text[first...last]
  }
}
