/// One `--expect-auth` item: the result a method must show in the arrived message's
/// `Authentication-Results` (`spf=pass`, `dkim=pass`, `dmarc=pass`).
public struct AuthExpectation: Hashable, Sendable {
  /// The method, lower-cased (RFC 8601 2.7 method names).
  public var method: String
  /// The result it must have, lower-cased.
  public var result: String

  public init(method: String, result: String) {
    self.method = method
    self.result = result
  }

  /// What a valid list looks like, for a usage error.
  public static let expected =
    "METHOD=RESULT[,METHOD=RESULT...], e.g. spf=pass,dkim=pass,dmarc=pass"

  /// Parses `method=result[,method=result…]`; nil when an item is not one.
  public static func parseList(_ text: String) -> [AuthExpectation]? {
    var list: [AuthExpectation] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pair = item.split(separator: "=", omittingEmptySubsequences: false)
      guard pair.count == 2, Self.isKeyword(pair[0]), Self.isKeyword(pair[1]) else {
        return nil
      }
      list.append(AuthExpectation(method: pair[0].lowercased(), result: pair[1].lowercased()))
    }
    return list
  }

  /// RFC 8601 2.2 `Keyword`: letters, digits, `-` and `_`, at most 64.
  static func isKeyword(_ text: Substring) -> Bool {
    (1...64).contains(text.utf8.count)
      && text.utf8.allSatisfy {
        (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
          || $0 == 0x2D || $0 == 0x5F
      }
  }
}
