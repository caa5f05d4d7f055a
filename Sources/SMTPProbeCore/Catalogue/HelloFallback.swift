/// The replies to EHLO after which a client falls back to HELO.
///
/// RFC 5321 section 4.1.4 (and 3.2): a server that does not implement EHLO answers "500
/// Syntax error, command unrecognized" or "502 Command not implemented"; older servers also
/// answer 504 or 550. A client then greets with HELO and uses no extensions. The dialogue and
/// the diagnosis read the same list.
public enum HelloFallback {
  /// The basic codes that mean "no ESMTP here, try HELO".
  public static let codes: Set<Int> = [500, 502, 504, 550]

  /// Whether a negative reply `code` to EHLO calls for HELO.
  public static func fallsBackToHELO(after code: Int) -> Bool { codes.contains(code) }
}
