/// A `Received-SPF` header field as parsed (RFC 7208 9.1): the result, the comment and the
/// `key=value` pairs (`client-ip`, `envelope-from`, `helo`, `receiver`, `identity`, …).
public struct ReceivedSPF: Hashable, Sendable {
  /// The result, lower-cased (`pass`, `fail`, `softfail`, `neutral`, `none`, `temperror`,
  /// `permerror`, RFC 7208 8).
  public var result: String
  /// The comment after the result, without parentheses.
  public var comment: String?
  /// The `key=value` pairs in order, keys lower-cased, values unquoted.
  public var pairs: [(key: String, value: String)]

  /// The value of `key` (lower-case), if given.
  public subscript(_ key: String) -> String? { pairs.first { $0.key == key }?.value }

  /// Parses a header field's value; nil when it starts with no result word.
  public static func parse(_ value: String) -> ReceivedSPF? {
    let segments = HeaderTokens.split(value)
    guard let first = segments.first, let word = first.words.first, !word.contains("=") else {
      return nil
    }
    var parsed = ReceivedSPF(result: word.lowercased(), comment: first.comments.first, pairs: [])
    for segment in segments {
      for item in segment.words where item.contains("=") {
        guard let equals = item.firstIndex(of: "=") else { continue }
        parsed.pairs.append(
          (
            item[..<equals].lowercased(),
            HeaderTokens.unquoted(item[item.index(after: equals)...])
          ))
      }
    }
    return parsed
  }

  public static func == (lhs: ReceivedSPF, rhs: ReceivedSPF) -> Bool {
    lhs.result == rhs.result && lhs.comment == rhs.comment
      && lhs.pairs.map(\.key) == rhs.pairs.map(\.key)
      && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(result)
    hasher.combine(comment)
    for pair in pairs {
      hasher.combine(pair.key)
      hasher.combine(pair.value)
    }
  }
}
