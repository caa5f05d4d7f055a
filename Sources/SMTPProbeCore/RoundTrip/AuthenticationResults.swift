/// One `Authentication-Results` header field as parsed (RFC 8601 2.2): who checked, and each
/// method's result with its reason, properties and comments.
///
/// Real headers stray from the grammar and are read anyway: Microsoft 365 writes no
/// authserv-id (`spf=pass … ;dmarc=pass action=none …`), Yahoo writes comments without a space
/// (`dmarc=pass(p=NONE)`) and properties without a ptype (`arc_overridden_status=…`), and
/// some fold a line inside a value. A word that fits nothing is skipped, never an error.
public struct AuthenticationResults: Hashable, Sendable {
  /// The authserv-id (RFC 8601 2.5), nil when the header names none.
  public var authservID: String?
  /// The version after the authserv-id (2.2 `authres-version`), if given.
  public var version: Int?
  /// Each `method=result` in order; empty for `; none` (2.2 `no-result`).
  public var results: [MethodResult]

  /// One `resinfo` (RFC 8601 2.2): `method[/version]=result [reason=…] [ptype.property=…]`.
  public struct MethodResult: Hashable, Sendable {
    /// The method, lower-cased (`spf`, `dkim`, `dmarc`, `arc`, `auth`, …, 2.7).
    public var method: String
    public var methodVersion: String?
    /// The result, lower-cased (`pass`, `fail`, `softfail`, `none`, …, 2.7).
    public var result: String
    /// `reason=` (2.2 `reasonspec`), unquoted.
    public var reason: String?
    /// `ptype.property=value` items; a property with no `.` has a nil ptype.
    public var properties: [Property]
    /// The text of comments after the result, without parentheses.
    public var comments: [String]
  }

  /// One `propspec` (RFC 8601 2.2): `smtp.mailfrom=example.com`, `header.d=example.com`.
  public struct Property: Hashable, Sendable {
    public var ptype: String?
    public var property: String
    public var value: String
  }

  /// Every result of `method` (a message may carry several DKIM signatures).
  public func results(for method: String) -> [MethodResult] {
    results.filter { $0.method == method }
  }

  /// Parses a header field's value (after `Authentication-Results:`), unfolded or not.
  public static func parse(_ value: String) -> AuthenticationResults {
    let segments = HeaderTokens.split(value)
    var parsed = AuthenticationResults(authservID: nil, version: nil, results: [])
    for (index, segment) in segments.enumerated() {
      var words = segment.words
      if index == 0, let first = words.first, !first.contains("=") {
        parsed.authservID = first
        words.removeFirst()
        if let next = words.first, let number = Int(next) {
          parsed.version = number
          words.removeFirst()
        }
      }
      guard let first = words.first, let equals = first.firstIndex(of: "=") else { continue }
      var method = first[..<equals].lowercased()
      var methodVersion: String?
      if let slash = method.firstIndex(of: "/") {
        methodVersion = String(method[method.index(after: slash)...])
        method = String(method[..<slash])
      }
      let resultText = first[first.index(after: equals)...].lowercased()
      // A result is a Keyword (2.2); Amazon SES writes `envelope-from=ADDR; helo=NAME;` after
      // its spf result: those belong to the result before them.
      guard AuthExpectation.isKeyword(Substring(method)),
        AuthExpectation.isKeyword(Substring(resultText))
      else {
        if !parsed.results.isEmpty {
          parsed.results[parsed.results.count - 1].properties += Self.properties(words)
        }
        continue
      }
      var result = MethodResult(
        method: method, methodVersion: methodVersion, result: resultText, reason: nil,
        properties: [], comments: segment.comments)
      for property in Self.properties(words.dropFirst()) {
        if property.ptype == nil, property.property == "reason" {
          result.reason = property.value
        } else {
          result.properties.append(property)
        }
      }
      parsed.results.append(result)
    }
    return parsed
  }

  /// The `key=value` words as properties: `ptype.property` split at its first dot.
  static func properties(_ words: some Sequence<String>) -> [Property] {
    var properties: [Property] = []
    for word in words {
      guard let equals = word.firstIndex(of: "=") else { continue }
      let key = word[..<equals].lowercased()
      let value = HeaderTokens.unquoted(word[word.index(after: equals)...])
      if let dot = key.firstIndex(of: ".") {
        properties.append(
          Property(
            ptype: String(key[..<dot]), property: String(key[key.index(after: dot)...]),
            value: value))
      } else if !key.isEmpty {
        properties.append(Property(ptype: nil, property: key, value: value))
      }
    }
    return properties
  }
}
