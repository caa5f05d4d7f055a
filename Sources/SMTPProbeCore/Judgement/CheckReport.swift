/// The result of one `check` run over every target: the value every output format renders.
public struct CheckReport: Hashable, Sendable {
  /// One report per target, in the order given.
  public var targets: [CheckTargetReport]

  public init(targets: [CheckTargetReport]) {
    self.targets = targets
  }

  /// Every finding with where it was made: target, then host (nil for the target's own).
  public var located: [LocatedFinding] {
    targets.flatMap { target in
      target.findings.map { LocatedFinding(target: target.target, host: nil, finding: $0) }
        + target.hosts.flatMap { host in
          host.findings.map {
            LocatedFinding(
              target: target.target, host: host.host, address: host.address, finding: $0)
          }
        }
    }
  }

  /// The worst state of all findings; UNKNOWN when nothing was checked at all, since a run
  /// that checked nothing cannot say the service is fine.
  public var state: CheckState { CheckState.worst(located.map(\.finding.state)) ?? .unknown }

  /// The process exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the Nagios plugin return
  /// codes).
  public var exitCode: Int32 { state.exitCode }

  /// The findings of the worst state, first one first; empty when every finding is ok.
  public var worstProblems: [LocatedFinding] {
    let state = self.state
    guard state != .ok else { return [] }
    return located.filter { $0.finding.state == state }
  }

  /// Every finding that is not ok, worst first, in run order within a state.
  public var problems: [LocatedFinding] {
    let all = located.filter { $0.finding.state != .ok }
    return [CheckState.critical, .warning, .unknown].flatMap { state in
      all.filter { $0.finding.state == state }
    }
  }
}
