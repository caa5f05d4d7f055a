/// One `mx` pattern of an MTA-STS policy: a host name, or `*.` and a domain (RFC 8461 3.2,
/// 4.1).
///
/// The wildcard stands for exactly one leftmost label: `*.example.com` matches
/// `mx1.example.com`, not `example.com` nor `a.b.example.com`. Names compare without case
/// and without a trailing dot.
public struct MTASTSPattern: Hashable, Sendable, CustomStringConvertible {
  /// The pattern as written in the policy.
  public var text: String

  /// A pattern, or nil when `text` is empty, has an empty label or a `*` anywhere but as the
  /// whole first label.
  public init?(_ text: String) {
    let labels = Self.labels(text)
    guard !labels.isEmpty, labels.allSatisfy({ !$0.isEmpty }) else { return nil }
    guard labels.dropFirst().allSatisfy({ !$0.contains("*") }) else { return nil }
    guard labels[0] == "*" || !labels[0].contains("*") else { return nil }
    guard labels[0] != "*" || labels.count >= 2 else { return nil }
    self.text = text
  }

  public var description: String { text }

  /// Whether the MX host `host` matches the pattern (RFC 8461 4.1).
  public func matches(_ host: String) -> Bool {
    let pattern = Self.labels(text)
    let name = Self.labels(host)
    if pattern.first == "*" {
      return name.count == pattern.count && !name[0].isEmpty
        && Array(name.dropFirst()) == Array(pattern.dropFirst())
    }
    return name == pattern
  }

  /// Lower-case labels without a trailing dot.
  private static func labels(_ name: String) -> [String] {
    var trimmed = Substring(name.lowercased())
    if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
    guard !trimmed.isEmpty else { return [] }
    return trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  }
}
