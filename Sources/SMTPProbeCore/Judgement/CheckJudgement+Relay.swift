/// The `relay` check: a session of its own runs the open-relay matrix (`RelaySession`) and
/// `RelayJudgement` judges its answers.
extension CheckJudgement {
  /// Adds to each host of `report` the `relay` finding of its relay session in `relay`,
  /// matched by host name and address.
  public func addingRelay(_ relay: ProbeRecord, to report: CheckTargetReport)
    -> CheckTargetReport
  {
    var report = report
    for attempt in relay.attempts {
      let address = attempt.session?.address
      guard
        let index = report.hosts.firstIndex(where: {
          $0.host == attempt.host && (address == nil || $0.address == address)
        })
      else { continue }
      report.hosts[index].findings.append(relayFinding(attempt))
    }
    return report
  }

  /// The finding of one relay session: skipped when it never reached the first MAIL FROM
  /// (the other checks say why), else the judgement of every form.
  func relayFinding(_ attempt: HostAttempt) -> CheckFinding {
    guard let session = attempt.session, session.transactions.first?.mailReply != nil else {
      let reason = attempt.session?.problem?.description ?? attempt.connectFailure?.description
      return .notApplicable(
        .relay,
        because: "the relay session did not reach MAIL FROM" + (reason.map { ": \($0)" } ?? ""))
    }
    return RelayJudgement.judge(RelaySession.outcomes(of: session))
  }
}
