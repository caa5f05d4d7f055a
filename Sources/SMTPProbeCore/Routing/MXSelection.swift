/// The pure rules of RFC 5321 5.1 for ordering mail exchangers.
public enum MXSelection {
  /// The order to try MX hosts in: lowest preference first, equal preferences in random order.
  ///
  /// RFC 5321 5.1: "the SMTP client SHOULD randomize" among MX records of equal preference to
  /// spread load; the generator is injected so tests are repeatable.
  public static func order(
    _ records: [MXRecord], using generator: inout some RandomNumberGenerator
  ) -> [MXRecord] {
    let groups = Dictionary(grouping: records, by: \.preference)
    return groups.keys.sorted().flatMap { preference in
      (groups[preference] ?? []).sorted { $0.exchange < $1.exchange }.shuffled(using: &generator)
    }
  }

  /// True when the records are exactly one null MX (`0 .`): the domain accepts no mail
  /// (RFC 7505 3).
  public static func isNullMX(_ records: [MXRecord]) -> Bool {
    records.count == 1 && records[0].isNullMX
  }

  /// True when an MX exchange is an IP address written as a name ("127.0.0.1" or "[::1]");
  /// RFC 5321 5.1 and RFC 7505 say the exchange must be a host name.
  public static func isIPLiteral(_ exchange: String) -> Bool {
    var text = Substring(exchange)
    if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
    if text.lowercased().hasPrefix("ipv6:") { text = text.dropFirst(5) }
    return IPAddressBytes.parse(String(text)) != nil
  }

  /// The address inside an IP-literal exchange ("[IPv6:::1]" gives "::1").
  static func literalAddress(_ exchange: String) -> String {
    var text = Substring(exchange)
    if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
    if text.lowercased().hasPrefix("ipv6:") { text = text.dropFirst(5) }
    return String(text)
  }
}
