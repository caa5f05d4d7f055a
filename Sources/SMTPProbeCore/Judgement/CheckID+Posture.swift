extension CheckID {
  /// The SPF record: one, valid, within 10 DNS lookups, ending in `~all`/`-all` (RFC 7208).
  public static let spf: CheckID = "spf"
  /// check_host() for the `--spf-ip` address (RFC 7208 4).
  public static let spfIP: CheckID = "spf-ip"
  /// The DMARC policy at `_dmarc.DOMAIN` (RFC 7489 6.3).
  public static let dmarc: CheckID = "dmarc"
  /// An external DMARC report destination's authorisation record (RFC 7489 7.1).
  public static let dmarcReportAuthorisation: CheckID = "dmarc-report-auth"
  /// A DKIM key at `SELECTOR._domainkey.DOMAIN` (RFC 6376 3.6.1).
  public static let dkim: CheckID = "dkim"
  /// The TLS reporting policy at `_smtp._tls.DOMAIN` (RFC 8460 3).
  public static let tlsRPT: CheckID = "tls-rpt"
  /// One address in the DNS blocklists (RFC 5782).
  public static let dnsbl: CheckID = "dnsbl"
  /// A domain that accepts or sends no mail says so everywhere (RFC 7505, RFC 7208, RFC 7489).
  public static let noMail: CheckID = "no-mail"
}
