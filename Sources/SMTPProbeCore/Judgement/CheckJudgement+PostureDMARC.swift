extension CheckJudgement {
  /// The `dmarc` finding (RFC 7489 6.3, 6.6.3): one valid record; `p=none` and `pct` under 100
  /// are WARNING (monitoring only, or only part of the failing mail); missing is WARNING.
  static func dmarcFinding(_ posture: DMARCPosture) -> CheckFinding {
    let subdomainNote =
      posture.domain.split(separator: ".").count > 2
      ? " A record at the organizational domain may apply to this subdomain (RFC 7489 6.6.3);"
        + " smtpprobe carries no Public Suffix List, so it does not look there."
      : ""
    switch posture.lookup {
    case .none:
      return PostureIssue.finding(
        .dmarc,
        issues: [
          PostureIssue(
            state: .warning, summary: "\(posture.name) publishes no DMARC record",
            explanation: "Without DMARC, receivers apply no policy to mail forged in this"
              + " domain's name and send no reports.\(subdomainNote)",
            fix: "Publish 'v=DMARC1; p=none; rua=mailto:...' at \(posture.name) to start"
              + " collecting reports, then move to quarantine and reject.")
        ], okSummary: "")
    case .failed(let error):
      return PostureIssue.finding(
        .dmarc,
        issues: [
          PostureIssue(
            state: .warning, summary: "the DMARC record could not be read: \(error)",
            explanation: "Receivers that see the same failure apply no policy.",
            fix: "Check the domain's name servers.")
        ], okSummary: "")
    case .several(let records):
      return PostureIssue.finding(
        .dmarc,
        issues: [
          PostureIssue(
            state: .critical, summary: "\(posture.name) publishes \(records.count) DMARC records",
            explanation: "With more than one record, receivers apply no DMARC policy at all"
              + " (RFC 7489 6.6.3).",
            fix: "Keep exactly one 'v=DMARC1' record.")
        ], okSummary: "")
    case .found(let text):
      guard let record = posture.record else {
        let problem = posture.problem.map(\.description) ?? "it does not parse"
        return PostureIssue.finding(
          .dmarc,
          issues: [
            PostureIssue(
              state: .critical, summary: "the DMARC record is invalid: \(problem)",
              explanation: "Receivers ignore a record they cannot parse (RFC 7489 6.6.3): no"
                + " policy applies.",
              fix: "Correct the record: \(text)")
          ], okSummary: "")
      }
      var issues: [PostureIssue] = []
      if record.policy == .none {
        issues.append(
          PostureIssue(
            state: .warning, summary: "the DMARC policy is p=none (monitoring only)",
            explanation: "p=none asks receivers to take no action on failing mail: forged mail"
              + " is still delivered (RFC 7489 6.3).",
            fix: "Once the aggregate reports show your own mail passing, move to"
              + " p=quarantine, then p=reject."))
      }
      if record.percent < 100, record.policy != .none {
        issues.append(
          PostureIssue(
            state: .warning,
            summary: "the DMARC policy applies to \(record.percent)% of failing mail",
            explanation: "pct=\(record.percent): the rest is treated one policy level lower"
              + " (RFC 7489 6.6.4).",
            fix: "Raise pct to 100 once the reports allow it."))
      }
      if record.aggregateReports.isEmpty {
        issues.append(
          PostureIssue(
            state: .warning, summary: "the DMARC record asks for no aggregate reports (no rua=)",
            explanation: "Without reports you cannot see who sends in your name.",
            fix: "Add rua=mailto:ADDRESS."))
      }
      let policy =
        "p=\(record.policy.rawValue)"
        + (record.subdomainPolicy.map { " sp=\($0.rawValue)" } ?? "")
        + (record.percent < 100 ? " pct=\(record.percent)" : "")
      return PostureIssue.finding(
        .dmarc, issues: issues, okSummary: "\(policy): \(text)")
    }
  }

  /// One `dmarc-report-auth` finding per external report destination (RFC 7489 7.1): without
  /// `DOMAIN._report._dmarc.DESTINATION` receivers send that destination no reports (WARNING).
  static func dmarcReportFindings(_ posture: DMARCPosture) -> [CheckFinding] {
    posture.external.map { destination in
      switch destination.authorised {
      case true?:
        return CheckFinding(
          check: .dmarcReportAuthorisation, subject: destination.domain, state: .ok,
          summary: "\(destination.uri) accepts reports for \(posture.domain)"
            + " (\(destination.authorisationName))")
      case false?:
        return CheckFinding(
          check: .dmarcReportAuthorisation, subject: destination.domain, state: .warning,
          summary: "\(destination.uri) is in another domain and has no authorisation record"
            + " \(destination.authorisationName)",
          explanation: "Receivers must not send reports to a destination outside the domain"
            + " unless it publishes that record (RFC 7489 7.1): these reports are lost.",
          fix: "Ask \(destination.domain) to publish TXT 'v=DMARC1' at"
            + " \(destination.authorisationName), or report to an address in your own domain.")
      case nil:
        return CheckFinding(
          check: .dmarcReportAuthorisation, subject: destination.domain, state: .unknown,
          summary: "the authorisation of \(destination.uri) could not be read: "
            + (destination.failure.map(\.description) ?? "no answer"),
          explanation: "The DNS did not say whether \(destination.authorisationName) exists.")
      }
    }
  }
}
