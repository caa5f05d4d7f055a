/// One field of a DNS record, policy or header as parsed, for the JSON output's `record` object.
public struct CheckRecordField: Hashable, Sendable {
  /// A field's value: text, a number, a list (the `mx` patterns of a policy), yes/no, seconds,
  /// nothing (a field the record may lack), or nested fields (a header's method results).
  public enum Value: Hashable, Sendable {
    case text(String)
    case number(Int)
    case list([String])
    case flag(Bool)
    case decimal(Double)
    case null
    case object([CheckRecordField])
    case objects([[CheckRecordField]])
  }

  /// The field's name as the record or policy spells it (`id`, `max_age`, `usage`).
  public var name: String
  public var value: Value

  public init(_ name: String, _ value: Value) {
    self.name = name
    self.value = value
  }
}
