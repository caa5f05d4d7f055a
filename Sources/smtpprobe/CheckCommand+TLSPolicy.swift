import SMTPProbeCore
import SMTPProbePOSIX

extension CheckCommand {
  /// The domain's TLS policies (MTA-STS, DANE), looked up through the target's resolver and
  /// judged against the sessions of `record`.
  ///
  /// The policy is fetched through the target's connector (`--proxy`) with its trust anchors
  /// (`--cafile`); each MX host name (not an address literal, which has no TLSA name) gets
  /// one TLSA lookup. The lookups and the fetch end with `limit` (`--max-time`).
  static func addingTLSPolicies(
    _ domain: String, record: ProbeRecord, target: PreparedTarget, limit: RunLimit? = nil,
    to report: CheckTargetReport
  ) -> CheckTargetReport {
    let request = target.request
    let resolver = Self.resolver(ResolverConfiguration(server: request.dnsServer), limit: limit)
    var tls = request.tls.configuration
    tls.serverNameIndication = nil
    let fetcher = HTTPSPolicyFetcher(
      connector: target.connector, tls: tls, port: target.mtaSTSPort,
      timeout: target.policyTimeout, runLimit: limit)
    let mtaSTS = MTASTSFacts.collect(
      domain: domain, resolver: resolver, fetcher: fetcher, family: request.family)
    var hosts: [String] = []
    for attempt in record.attempts
    where IPAddress(unbracketing: attempt.host) == nil
      && !hosts.contains(where: { $0.isSameDNSName(attempt.host) })
    {
      hosts.append(attempt.host)
    }
    let dane = hosts.map { DANEFacts.collect(host: $0, resolver: resolver) }
    let withPolicy = target.judgement.addingMTASTS(mtaSTS, record: record, to: report)
    return target.judgement.addingDANE(dane, record: record, to: withPolicy)
  }
}
