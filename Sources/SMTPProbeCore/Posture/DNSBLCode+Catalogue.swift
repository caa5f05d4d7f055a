extension DNSBLCode {
  /// The zones checked when no `--dnsbl` is given.
  public static let defaultZones = [
    "zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org", "psbl.surriel.com",
  ]

  private static let spamhaus =
    "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html"
  private static let spamhausErrors = "https://www.spamhaus.org/news/article/788/"
  private static let spamcop = "https://www.spamcop.net/fom-serve/cache/291.html"
  private static let barracuda = "https://www.barracudacentral.org/rbl/how-to-use"
  private static let psbl = "https://psbl.org/"

  /// The documented answers of the default zones, one row per answer, each with its source.
  public static let catalogue: [DNSBLCode] = [
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.2", kind: .listing(severe: true),
      meaning: "SBL: a direct spam source or spam operation", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.3", kind: .listing(severe: true),
      meaning: "SBL CSS: snowshoe spam, detected automatically", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.4", kind: .listing(severe: true),
      meaning: "XBL: an exploited or infected machine", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.5", kind: .listing(severe: true),
      meaning: "XBL (code currently unused)", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.6", kind: .listing(severe: true),
      meaning: "XBL (code currently unused)", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.7", kind: .listing(severe: true),
      meaning: "XBL (code currently unused)", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.9", kind: .listing(severe: true),
      meaning: "SBL DROP: a hijacked or spammer-run network", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.10", kind: .listing(severe: false),
      meaning: "PBL, maintained by the ISP: this address should not send mail directly",
      source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.11", kind: .listing(severe: false),
      meaning: "PBL, maintained by Spamhaus: this address should not send mail directly",
      source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.0.0.30", kind: .listing(severe: true),
      meaning: "BCL: a botnet controller", source: spamhaus),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.255.255.252", kind: .error,
      meaning: "the zone name is mistyped", source: spamhausErrors),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.255.255.254", kind: .error,
      meaning: "queried through a public or open resolver, which Spamhaus refuses",
      source: spamhausErrors),
    DNSBLCode(
      zone: "zen.spamhaus.org", address: "127.255.255.255", kind: .error,
      meaning: "too many queries from this resolver", source: spamhausErrors),
    DNSBLCode(
      zone: "bl.spamcop.net", address: "127.0.0.2", kind: .listing(severe: true),
      meaning: "reported as a spam source by SpamCop users", source: spamcop),
    DNSBLCode(
      zone: "b.barracudacentral.org", address: "127.0.0.2", kind: .listing(severe: true),
      meaning: "listed by Barracuda's reputation system", source: barracuda),
    DNSBLCode(
      zone: "psbl.surriel.com", address: "127.0.0.2", kind: .listing(severe: true),
      meaning: "seen sending to PSBL spam traps", source: psbl),
  ]

  /// What `address` means as an answer from `zone`.
  ///
  /// A documented code is read from the catalogue. For a zone without one, an answer in
  /// 127.255.255.0/24 is an error (the range Spamhaus reserves for them, and which no listing
  /// convention uses), any other answer in 127.0.0.0/8 a listing of undocumented meaning (RFC
  /// 5782 2.1), and an answer outside it no DNSBL answer at all, but a resolver that rewrites
  /// NXDOMAIN: an error.
  public static func reading(_ address: String, from zone: String) -> DNSBLCode {
    let zoneName = PostureText.normalized(zone)
    if let known = catalogue.first(where: { $0.zone == zoneName && $0.address == address }) {
      return known
    }
    let bytes = IPAddress(address).map(\.bytes) ?? []
    guard bytes.count == 4, bytes[0] == 127 else {
      return DNSBLCode(
        zone: zoneName, address: address, kind: .error,
        meaning:
          "an answer outside 127.0.0.0/8 is not a DNSBL answer (a resolver rewriting NXDOMAIN?)",
        source: "RFC 5782 2.1")
    }
    if bytes[1] == 255, bytes[2] == 255 {
      return DNSBLCode(
        zone: zoneName, address: address, kind: .error,
        meaning: "an error answer (127.255.255.0/24)", source: spamhausErrors)
    }
    return DNSBLCode(
      zone: zoneName, address: address, kind: .listing(severe: true),
      meaning: "listed (this code's meaning is not documented here)", source: "RFC 5782 2.1")
  }
}
