/// One field of a DNS record or policy as parsed, for the JSON output's `record` object.
public struct CheckRecordField: Hashable, Sendable {
  /// A field's value: text, a number, a list (the `mx` patterns of a policy) or yes/no.
  public enum Value: Hashable, Sendable {
    case text(String)
    case number(Int)
    case list([String])
    case flag(Bool)
  }

  /// The field's name as the record or policy spells it (`id`, `max_age`, `usage`).
  public var name: String
  public var value: Value

  public init(_ name: String, _ value: Value) {
    self.name = name
    self.value = value
  }
}
