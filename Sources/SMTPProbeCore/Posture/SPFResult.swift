/// The result of check_host() (RFC 7208 2.6).
public enum SPFResult: String, Hashable, Sendable {
  /// The address is authorised (2.6.3).
  case pass
  /// The address is explicitly not authorised (2.6.4).
  case fail
  /// Probably not authorised; a weak fail (2.6.5).
  case softfail
  /// The domain makes no assertion (2.6.2).
  case neutral
  /// No SPF record, or no valid domain to ask (2.6.1).
  case none
  /// A transient DNS error (2.6.6).
  case temperror
  /// The records cannot be interpreted (2.6.7).
  case permerror
}
