/// One MX record: a mail exchanger and its preference (RFC 1035 3.3.9, RFC 5321 5.1).
public struct MXRecord: Hashable, Sendable {
  /// Lower values are tried first.
  public var preference: UInt16
  /// The host name, without the trailing dot; "." is the null MX of RFC 7505.
  public var exchange: String

  public init(preference: UInt16, exchange: String) {
    self.preference = preference
    self.exchange = exchange
  }

  /// RFC 7505 3: the exchange is the root: "this domain accepts no mail".
  public var isNullMX: Bool { exchange == "." || exchange.isEmpty }
}
