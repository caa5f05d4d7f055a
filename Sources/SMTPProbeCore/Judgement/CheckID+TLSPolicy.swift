/// The checks of the domain's TLS policies for inbound mail: MTA-STS (RFC 8461) and DANE
/// (RFC 7672).
extension CheckID {
  /// The `_mta-sts` TXT record: exactly one, `v=STSv1; id=...` (RFC 8461 3.1).
  public static let mtaSTSRecord: CheckID = "mta-sts-record"
  /// The policy file fetched over HTTPS, without redirects, as text/plain (RFC 8461 3.3).
  public static let mtaSTSPolicy: CheckID = "mta-sts-policy"
  /// The policy's mode: enforce, testing or none (RFC 8461 5).
  public static let mtaSTSMode: CheckID = "mta-sts-mode"
  /// How long senders may cache the policy (RFC 8461 3.2).
  public static let mtaSTSMaxAge: CheckID = "mta-sts-max-age"
  /// Whether an MX host matches one of the policy's `mx` patterns (RFC 8461 4.1).
  public static let mtaSTSMX: CheckID = "mta-sts-mx"
  /// Whether an MX host offers STARTTLS with a certificate valid for its name, as the policy
  /// requires (RFC 8461 4.2), checked in this run's session.
  public static let mtaSTSTLS: CheckID = "mta-sts-tls"
  /// The `_25._tcp.MX` TLSA records and whether DNSSEC validated them (RFC 7672 2.2).
  public static let daneTLSA: CheckID = "dane-tlsa"
  /// Whether the certificate the MX presented matches a TLSA record (RFC 7672 3.1).
  public static let daneMatch: CheckID = "dane-match"
}
