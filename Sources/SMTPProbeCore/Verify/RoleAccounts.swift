/// Mailbox names that reach a role, not a person (RFC 2142).
///
/// Mail to them is read by whoever holds the role, often shared or filtered; lists that
/// should reach people flag them. Matching is case-insensitive on an unquoted local part:
/// RFC 2142 section 4 gives the names in upper case and RFC 5321 2.4 makes "postmaster"
/// case-insensitive.
public enum RoleAccounts {
  /// The names and where RFC 2142 lists them, one per row.
  public static let names: [(name: String, source: String)] = [
    ("info", "RFC 2142 3 (business: packaged information)"),
    ("marketing", "RFC 2142 3 (business: product marketing)"),
    ("sales", "RFC 2142 3 (business: product purchase information)"),
    ("support", "RFC 2142 3 (business: problems with product or service)"),
    ("abuse", "RFC 2142 4 (network operations: inappropriate public behaviour)"),
    ("noc", "RFC 2142 4 (network operations: network infrastructure)"),
    ("security", "RFC 2142 4 (network operations: security bulletins or queries)"),
    ("postmaster", "RFC 2142 5 (SMTP; RFC 5321 4.5.1)"),
    ("hostmaster", "RFC 2142 5 (DNS)"),
    ("usenet", "RFC 2142 5 (NNTP)"),
    ("news", "RFC 2142 5 (NNTP, synonym for usenet)"),
    ("webmaster", "RFC 2142 5 (HTTP)"),
    ("www", "RFC 2142 5 (HTTP, synonym for webmaster)"),
    ("uucp", "RFC 2142 5 (UUCP)"),
    ("ftp", "RFC 2142 5 (FTP)"),
  ]

  private static let set = Set(names.map(\.name))

  /// Whether `address`'s local part is one of RFC 2142's role names.
  public static func isRole(_ address: VerifyAddress) -> Bool {
    guard !address.localPart.hasPrefix("\"") else { return false }
    return set.contains(address.localPart.lowercased())
  }
}
