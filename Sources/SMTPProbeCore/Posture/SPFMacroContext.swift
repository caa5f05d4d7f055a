/// What SPF macros expand to in one check_host() call (RFC 7208 7.2).
public struct SPFMacroContext: Hashable, Sendable {
  /// The client's address.
  public var ip: IPAddress
  /// `<sender>`: MAIL FROM, or `postmaster@` the HELO name when it is empty (RFC 7208 4.3).
  public var sender: String
  /// The domain being evaluated (`%{d}`): changes with include and redirect.
  public var domain: String
  /// The HELO/EHLO name (`%{h}`).
  public var helo: String

  public init(ip: IPAddress, sender: String, domain: String, helo: String) {
    self.ip = ip
    self.sender = sender
    self.domain = domain
    self.helo = helo
  }

  /// The value of a macro letter, before transformers.
  ///
  /// `%{i}` is the dotted quad, or for IPv6 the 32 nibbles separated by dots (7.3); `%{p}`
  /// is "unknown", which RFC 7208 7.3 allows and which spares the PTR lookups it discourages;
  /// `%{r}` is "unknown" (7.2) and `%{t}` 0, since they appear only in explanations we do not
  /// fetch.
  public func value(of letter: Character) -> String {
    let at = sender.lastIndex(of: "@")
    switch letter {
    case "s": return sender
    case "l": return at.map { String(sender[..<$0]) } ?? "postmaster"
    case "o": return at.map { String(sender[sender.index(after: $0)...]) } ?? sender
    case "d": return domain
    case "c": return ip.description
    case "i":
      switch ip {
      case .v4: return ip.description
      case .v6(let bytes):
        return bytes.flatMap { [$0 >> 4, $0 & 0xF] }.map { String($0, radix: 16) }
          .joined(separator: ".")
      }
    case "v": return ip.isIPv6 ? "ip6" : "in-addr"
    case "h": return helo
    case "t": return "0"
    default: return "unknown"
    }
  }
}
