/// The findings of one host (an MX or the `--server`) at one address and port.
public struct CheckHostReport: Hashable, Sendable {
  /// The host name as the MX record or the command line gave it.
  public var host: String
  /// The IP address the session went to, or nil when none was reached.
  public var address: String?
  /// The TCP port.
  public var port: Int
  /// The findings in the order the checks ran.
  public var findings: [CheckFinding]
  /// How long each phase took.
  public var timings: [PhaseTiming]
  /// The certificates the server presented, leaf first (RFC 8446 4.4.2).
  public var certificates: [CertificateInfo]

  public init(
    host: String, address: String?, port: Int, findings: [CheckFinding],
    timings: [PhaseTiming] = [], certificates: [CertificateInfo] = []
  ) {
    self.host = host
    self.address = address
    self.port = port
    self.findings = findings
    self.timings = timings
    self.certificates = certificates
  }

  /// The worst state of the host's findings; ok for a host without findings.
  public var state: CheckState { CheckState.worst(findings.map(\.state)) ?? .ok }

  /// `mx1.example.org (192.0.2.1)` or the bare host when no address was reached or the host
  /// is the address.
  public var displayName: String {
    guard let address, address != host else { return host }
    return "\(host) (\(address))"
  }
}
