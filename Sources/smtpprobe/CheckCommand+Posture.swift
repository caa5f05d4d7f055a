import SMTPProbeCore
import SMTPProbePOSIX

extension CheckCommand {
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
    return DomainPosture.read(request, route: route, resolver: resolver)
  }
}
