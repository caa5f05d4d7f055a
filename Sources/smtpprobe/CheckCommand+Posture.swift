import SMTPProbeCore
import SMTPProbePOSIX

extension CheckCommand {
  /// Seconds a blocklist query waits, once: a DNSBL answers from its own zone at once or not
  /// at all (some drop queries from resolvers they do not know), so a slow one is "could not
  /// check" within this bound instead of the resolver's full retry budget per address.
  static let blocklistTimeoutSeconds = 3

  /// Reads a domain's DNS posture through the resolver of its MX lookup (`--dns-server` or
  /// the system's), with the MX addresses the SMTP checks found in `route`; with `limit`
  /// (`--max-time`), a lookup not done by its deadline fails as cut.
  static func readPosture(
    _ request: PostureRequest, dnsServer: DNSServerAddress?, route: MailRoute?,
    limit: RunLimit? = nil
  ) -> DomainPosture {
    let own = ResolverConfiguration(server: dnsServer)
    let blocklist = ResolverConfiguration(
      server: dnsServer, timeoutSeconds: blocklistTimeoutSeconds, tries: 1)
    return DomainPosture.read(
      request, route: route, resolver: resolver(own, limit: limit),
      blocklistResolver: resolver(blocklist, limit: limit))
  }

  /// A resolver with `configuration`, bounded by `limit` when there is one.
  static func resolver(_ configuration: ResolverConfiguration, limit: RunLimit?) -> any Resolver {
    guard let limit else { return LibresolvResolver(configuration: configuration) }
    return RunLimitedResolver(configuration: configuration, limit: limit)
  }
}
