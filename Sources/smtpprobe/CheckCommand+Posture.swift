import SMTPProbeCore
import SMTPProbePOSIX

extension CheckCommand {
  /// Seconds a blocklist query waits, once: a DNSBL answers from its own zone at once or not
  /// at all (some drop queries from resolvers they do not know), so a slow one is "could not
  /// check" within this bound instead of the resolver's full retry budget per address.
  static let blocklistTimeoutSeconds = 3

  /// Reads the domain's DNS posture through the same resolver as the MX lookup
  /// (`--dns-server` or the system's), with the MX addresses the SMTP checks found.
  func readPosture(_ posture: PostureOptions, domain: String, route: MailRoute?) -> DomainPosture {
    let resolver = LibresolvResolver(
      configuration: ResolverConfiguration(server: options.connection.dnsServer))
    let request = PostureRequest(
      domain: domain, spfIP: posture.spfIP, clientIPs: posture.clientIPs,
      sender: options.connection.from.flatMap { $0.isEmpty ? nil : $0 },
      helo: options.connection.helo, dkimSelectors: posture.dkimSelectors,
      dnsblZones: posture.dnsblZones)
    let blocklists = LibresolvResolver(
      configuration: ResolverConfiguration(
        server: options.connection.dnsServer, timeoutSeconds: Self.blocklistTimeoutSeconds,
        tries: 1))
    return DomainPosture.read(
      request, route: route, resolver: resolver, blocklistResolver: blocklists)
  }
}
