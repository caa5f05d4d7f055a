/// The keyword lines one EHLO reply has and another has not (RFC 3207 4.2: the capabilities
/// after STARTTLS may differ; AUTH often appears only then).
public struct CapabilityDiff: Hashable, Sendable {
  /// Lines present only in the later reply.
  public let added: [Capabilities.Keyword]
  /// Lines present only in the earlier reply.
  public let removed: [Capabilities.Keyword]

  public init(added: [Capabilities.Keyword], removed: [Capabilities.Keyword]) {
    self.added = added
    self.removed = removed
  }

  /// Whether nothing changed.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty }
}
