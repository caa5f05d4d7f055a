/// TEMP stand-in: the dialogue engine's `Secret` replaces this at merge.
///
/// A credential that never prints: `description` and `debugDescription` are `<redacted>`.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The secret text; only the wire encoder reads it.
  internal let value: String

  public init(_ value: String) {
    self.value = value
  }

  public var description: String { "<redacted>" }
  public var debugDescription: String { "<redacted>" }
}
