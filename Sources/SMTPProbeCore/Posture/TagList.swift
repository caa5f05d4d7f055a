/// A `tag=value; tag=value` list, as DKIM key records (RFC 6376 3.2), DMARC (RFC 7489 6.4)
/// and TLS-RPT (RFC 8460 3) write them.
///
/// Tags are kept in order with their values trimmed of surrounding whitespace (RFC 6376 3.2:
/// whitespace around `=` and `;` is ignored); a trailing `;` is allowed. A tag given twice and
/// an element without `=` are syntax errors there, reported here as `TagList.Problem`.
public struct TagList: Hashable, Sendable {
  /// One `tag=value` element.
  public struct Tag: Hashable, Sendable {
    public var name: String
    public var value: String
  }

  /// Why a text is not a tag list.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// An element has no `=` (its text).
    case missingEquals(String)
    /// A tag name is empty or not ALPHA *(ALPHA / DIGIT / "_").
    case invalidName(String)
    /// The same tag appears twice (RFC 6376 3.2: "Tags MUST NOT be duplicated").
    case duplicate(String)

    public var description: String {
      switch self {
      case .missingEquals(let element): "'\(element)' is not tag=value"
      case .invalidName(let name): "'\(name)' is not a valid tag name"
      case .duplicate(let name): "the tag '\(name)' is given twice"
      }
    }
  }

  /// The tags, in order; names are lower-cased (DMARC and TLS-RPT tags are case-insensitive,
  /// DKIM's are written in lower case).
  public var tags: [Tag]

  /// Parses `text`.
  public static func parse(_ text: String) throws(Problem) -> TagList {
    var tags: [Tag] = []
    for element in text.split(separator: ";", omittingEmptySubsequences: false) {
      let trimmed = PostureText.trimmed(element)
      if trimmed.isEmpty { continue }
      guard let equals = trimmed.firstIndex(of: "=") else {
        throw .missingEquals(String(trimmed))
      }
      let name = PostureText.trimmed(trimmed[..<equals]).lowercased()
      let value = PostureText.trimmed(trimmed[trimmed.index(after: equals)...])
      guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
        name.unicodeScalars.allSatisfy({
          $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        })
      else { throw .invalidName(name) }
      guard !tags.contains(where: { $0.name == name }) else { throw .duplicate(name) }
      tags.append(Tag(name: name, value: value))
    }
    return TagList(tags: tags)
  }

  /// The value of `name`, or nil when the tag is absent.
  public subscript(_ name: String) -> String? { tags.first { $0.name == name }?.value }
}
