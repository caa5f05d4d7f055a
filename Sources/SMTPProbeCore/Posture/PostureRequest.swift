/// What to read of a domain's mail posture: the domain, the sending address to evaluate SPF
/// for, the DKIM selectors, the blocklists and the addresses to look up in them.
public struct PostureRequest: Hashable, Sendable {
  public var domain: String
  /// `--spf-ip`: check_host() is evaluated for it, and it is looked up in the blocklists.
  public var spfIP: IPAddress?
  /// `--client-ip`: more sending addresses to look up in the blocklists.
  public var clientIPs: [IPAddress]
  /// The sender for SPF macros: MAIL FROM, or `postmaster@DOMAIN` (RFC 7208 4.3).
  public var sender: String
  /// The HELO name for `%{h}`.
  public var helo: String
  /// `--dkim-selector`, in order.
  public var dkimSelectors: [String]
  /// The blocklist zones (`DNSBLCode.defaultZones` unless `--dnsbl` is given).
  public var dnsblZones: [String]

  public init(
    domain: String, spfIP: IPAddress? = nil, clientIPs: [IPAddress] = [], sender: String? = nil,
    helo: String? = nil, dkimSelectors: [String] = [],
    dnsblZones: [String] = DNSBLCode.defaultZones
  ) {
    self.domain = domain
    self.spfIP = spfIP
    self.clientIPs = clientIPs
    self.sender = sender ?? "postmaster@\(domain)"
    self.helo = helo ?? domain
    self.dkimSelectors = dkimSelectors
    self.dnsblZones = dnsblZones
  }
}
