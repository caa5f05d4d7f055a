/// The `_mta-sts.DOMAIN` TXT record that announces an MTA-STS policy (RFC 8461 3.1).
///
/// `v=STSv1; id=ID[; ext=value]...`: the version first, an `id` of 1 to 32 letters and
/// digits that changes with each policy, and extension fields senders ignore.
public struct MTASTSRecord: Hashable, Sendable {
  /// Why a record is not a valid MTA-STS record; each case names the field.
  public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The record does not start with `v=STSv1` followed by a separator.
    case notVersion1
    /// A field is not `name=value`.
    case badField(String)
    /// There is no `id` field, or more than one.
    case idCount(Int)
    /// The `id` is not 1 to 32 letters and digits.
    case badID(String)

    public var description: String {
      switch self {
      case .notVersion1: "it does not start with \"v=STSv1;\""
      case .badField(let field): "the field \"\(field.prefix(60))\" is not name=value"
      case .idCount(let count): "it has \(count) id fields, not exactly one"
      case .badID(let id): "the id \"\(id.prefix(60))\" is not 1 to 32 letters and digits"
      }
    }
  }

  /// The policy's identifier: a new one tells senders to fetch the policy again.
  public var id: String
  /// Other fields in order, as `name=value` pairs.
  public var extensions: [(name: String, value: String)]

  public static func == (lhs: MTASTSRecord, rhs: MTASTSRecord) -> Bool {
    lhs.id == rhs.id && lhs.extensions.map(\.name) == rhs.extensions.map(\.name)
      && lhs.extensions.map(\.value) == rhs.extensions.map(\.value)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    for field in extensions {
      hasher.combine(field.name)
      hasher.combine(field.value)
    }
  }

  /// Parses one TXT record's text (its strings already joined).
  public init(parsing text: String) throws(ParseError) {
    let fields = text.split(separator: ";", omittingEmptySubsequences: false)
      .map { String($0).trimmedSpaces }
    guard fields.first == "v=STSv1" else { throw .notVersion1 }
    var ids: [String] = []
    var extensions: [(name: String, value: String)] = []
    for (index, field) in fields.enumerated().dropFirst() {
      // A trailing separator leaves one empty field (RFC 8461 3.1 `[sts-sep]`).
      if field.isEmpty, index == fields.count - 1 { continue }
      guard let equals = field.firstIndex(of: "="), equals != field.startIndex,
        field.index(after: equals) != field.endIndex
      else { throw .badField(field) }
      let name = String(field[..<equals])
      let value = String(field[field.index(after: equals)...])
      if name == "id" {
        ids.append(value)
      } else {
        extensions.append((name, value))
      }
    }
    guard ids.count == 1, let id = ids.first else { throw .idCount(ids.count) }
    guard id.utf8.count <= 32, id.unicodeScalars.allSatisfy(\.isASCIILetterOrDigit) else {
      throw .badID(id)
    }
    self.id = id
    self.extensions = extensions
  }

  /// Whether a TXT record's text claims to be an MTA-STS record: senders discard the others
  /// (RFC 8461 3.1).
  public static func isCandidate(_ text: String) -> Bool {
    text.hasPrefix("v=STSv1;") || text == "v=STSv1" || text.hasPrefix("v=STSv1 ")
  }
}

extension Unicode.Scalar {
  /// ALPHA / DIGIT of RFC 5234 B.1.
  var isASCIILetterOrDigit: Bool {
    (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
      || (0x61...0x7A).contains(value)
  }
}
