/// The facts of a domain's mail posture as the DNS publishes them.
///
/// SPF, DMARC, DKIM keys, TLS-RPT, the blocklist answers and whether the MX is null. Judgements read it; the JSON
/// report shows every record as parsed.
public struct DomainPosture: Hashable, Sendable {
  public var domain: String
  /// The SPF record and the tree under it.
  public var spf: SPFAnalysis
  /// check_host() for `--spf-ip`, when given.
  public var spfEvaluation: SPFEvaluation?
  public var dmarc: DMARCPosture
  /// One per `--dkim-selector`, in order.
  public var dkim: [DKIMKeyPosture]
  public var tlsRPT: TLSRPTPosture
  /// One per address and zone.
  public var dnsbl: [DNSBLLookup]
  /// Whether the domain publishes a null MX (RFC 7505); nil when the MX lookup did not say.
  public var nullMX: Bool?

  /// Reads the posture of `request.domain`; `route` is the MX lookup the SMTP checks made,
  /// whose addresses are looked up in the blocklists, through `blocklistResolver` when given
  /// (a blocklist either answers at once or not at all, so it may get a shorter timeout).
  public static func read(
    _ request: PostureRequest, route: MailRoute?, resolver: any Resolver,
    blocklistResolver: (any Resolver)? = nil
  ) -> DomainPosture {
    let domain = request.domain
    let spfEvaluation = request.spfIP.map {
      SPFEvaluator(resolver: resolver).evaluate(
        ip: $0, domain: domain, sender: request.sender, helo: request.helo)
    }
    var addresses: [IPAddress] = []
    for host in route?.mx ?? [] {
      for text in host.addresses {
        if let address = IPAddress(text), !addresses.contains(address) { addresses.append(address) }
      }
    }
    for address in [request.spfIP].compactMap({ $0 }) + request.clientIPs
    where !addresses.contains(address) {
      addresses.append(address)
    }
    let dnsbl = addresses.flatMap { address in
      request.dnsblZones.map {
        DNSBLLookup.lookUp(address, zone: $0, resolver: blocklistResolver ?? resolver)
      }
    }
    return DomainPosture(
      domain: domain, spf: SPFAnalysis.analyse(domain, resolver: resolver),
      spfEvaluation: spfEvaluation, dmarc: DMARCPosture.lookUp(domain, resolver: resolver),
      dkim: request.dkimSelectors.map {
        DKIMKeyPosture.lookUp(selector: $0, domain: domain, resolver: resolver)
      },
      tlsRPT: TLSRPTPosture.lookUp(domain, resolver: resolver), dnsbl: dnsbl,
      nullMX: route.flatMap { $0.failure == nil || $0.kind == .nullMX ? $0.kind == .nullMX : nil })
  }
}
