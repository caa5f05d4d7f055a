/// The findings of one target: a domain with its MX hosts, or one server.
public struct CheckTargetReport: Hashable, Sendable {
  /// The domain or `host:port` as the user named it.
  public var target: String
  /// Findings about the target itself rather than one host (its MX records).
  public var findings: [CheckFinding]
  /// One report per host and address checked.
  public var hosts: [CheckHostReport]
  /// The domain's published posture (SPF, DMARC, DKIM, TLS-RPT, blocklists), when read.
  public var posture: DomainPosture?

  public init(target: String, findings: [CheckFinding] = [], hosts: [CheckHostReport]) {
    self.target = target
    self.findings = findings
    self.hosts = hosts
  }

  /// The worst state of the target's own findings and of every host's.
  public var state: CheckState {
    CheckState.worst(findings.map(\.state) + hosts.map(\.state)) ?? .ok
  }
}
