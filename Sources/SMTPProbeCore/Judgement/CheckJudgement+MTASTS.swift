/// The MTA-STS checks of a domain (RFC 8461): the TXT record, the policy fetched over HTTPS,
/// its mode and max_age, and for every MX host tried whether it matches the policy's `mx`
/// patterns and offered STARTTLS with a certificate valid for its name in this run.
extension CheckJudgement {
  /// Adds the MTA-STS findings to the target and to each MX host.
  ///
  /// The record's and the policy's findings go to the target, each MX host's to that host; a
  /// domain without a record gets one skipped `mta-sts-record` finding.
  ///
  /// `record` is the run the report was judged from: its sessions show each host's TLS.
  public func addingMTASTS(
    _ facts: MTASTSFacts, record probe: ProbeRecord, to report: CheckTargetReport
  ) -> CheckTargetReport {
    var report = report
    let (recordFinding, record) = mtaSTSRecordFinding(facts)
    report.findings.append(recordFinding)
    guard record != nil, let fetch = facts.fetch else { return report }
    let (policyFinding, policy) = mtaSTSPolicyFinding(fetch)
    report.findings.append(policyFinding)
    guard let policy else { return report }
    report.findings.append(modeFinding(policy))
    report.findings.append(maxAgeFinding(policy))
    guard policy.mode != .none else { return report }
    for (index, attempt) in zip(report.hosts.indices, probe.attempts) {
      let host = report.hosts[index].host
      report.hosts[index].findings.append(mxFinding(host, policy: policy))
      report.hosts[index].findings.append(
        policyTLSFinding(host, tls: MXTLSStatus(attempt), mode: policy.mode))
    }
    return report
  }

  private func mtaSTSRecordFinding(_ facts: MTASTSFacts) -> (CheckFinding, MTASTSRecord?) {
    let name = MTASTSFacts.recordName(facts.domain)
    let texts: [String]
    switch facts.txt {
    case .failure(let error) where error.isDefinitiveAnswer:
      return (.notApplicable(.mtaSTSRecord, because: "no MTA-STS record at \(name)"), nil)
    case .failure(let error):
      return (
        CheckFinding(
          check: .mtaSTSRecord, state: .unknown,
          summary: "could not look up \(name): \(error.description)",
          explanation: "Without the record, whether the domain has an MTA-STS policy is unknown.",
          fix: "Check the DNS servers of the domain and the resolver (--dns-server)."), nil
      )
    case .success(let found): texts = found
    }
    let candidates = facts.candidates
    guard !candidates.isEmpty else {
      return (
        .notApplicable(
          .mtaSTSRecord,
          because: "no MTA-STS record at \(name) (\(texts.count) TXT, none v=STSv1)"),
        nil
      )
    }
    guard candidates.count == 1, let text = candidates.first else {
      return (
        CheckFinding(
          check: .mtaSTSRecord, state: .critical,
          summary: "\(candidates.count) records at \(name) start with v=STSv1",
          explanation:
            "Senders must treat a domain with more than one MTA-STS record as having no policy"
            + " (RFC 8461 3.1).",
          fix: "Keep exactly one v=STSv1 TXT record."), nil
      )
    }
    do throws(MTASTSRecord.ParseError) {
      let record = try MTASTSRecord(parsing: text)
      let fields =
        [CheckRecordField("v", .text("STSv1")), CheckRecordField("id", .text(record.id))]
        + record.extensions.map { CheckRecordField($0.name, .text($0.value)) }
      return (
        CheckFinding(
          check: .mtaSTSRecord, state: .ok, summary: "\(name): v=STSv1, id=\(record.id)",
          record: fields), record
      )
    } catch {
      return (
        CheckFinding(
          check: .mtaSTSRecord, state: .critical,
          summary: "the record at \(name) is invalid: \(error.description)",
          explanation: "Senders treat an invalid record as no policy (RFC 8461 3.1).",
          fix: "Publish \"v=STSv1; id=ID\" with an id of 1 to 32 letters and digits."), nil
      )
    }
  }

  private func mtaSTSPolicyFinding(_ fetch: MTASTSFetch) -> (CheckFinding, MTASTSPolicy?) {
    func failed(_ summary: String, _ explanation: String, _ fix: String) -> (
      CheckFinding, MTASTSPolicy?
    ) {
      (
        CheckFinding(
          check: .mtaSTSPolicy, state: .critical, summary: summary,
          explanation: explanation
            + " Senders without a cached policy treat the domain as having none.",
          fix: fix), nil
      )
    }
    let response: HTTPResponse
    switch fetch.outcome {
    case .failure(let failure) where failure.isCutByMaxTime:
      return (
        CheckFinding(
          check: .mtaSTSPolicy, state: .unknown, summary: "\(fetch.url): \(failure.description)",
          explanation: "The run's --max-time was used up before the policy was read.",
          fix: "Give the check a longer --max-time."), nil
      )
    case .failure(let failure):
      return failed(
        "\(fetch.url) could not be fetched: \(failure.description)",
        "The record announces a policy that must be served over HTTPS with a certificate"
          + " valid for the policy host (RFC 8461 3.3).",
        "Serve the policy at \(fetch.url) with a certificate for its host name.")
    case .success(let received): response = received
    }
    if response.isRedirect {
      let target = response.field("Location").map { " to \($0)" } ?? ""
      return failed(
        "\(fetch.url) answered \(response.status), a redirect\(target), which senders refuse",
        "RFC 8461 3.3: senders must not follow HTTP redirects when fetching the policy.",
        "Serve the file itself at \(fetch.url), with status 200.")
    }
    guard response.status == 200 else {
      return failed(
        "\(fetch.url) answered HTTP \(response.status) \(response.reason)",
        "Only a 200 response carries a policy (RFC 8461 3.3).",
        "Serve the policy file at \(fetch.url).")
    }
    guard response.mediaType == "text/plain" else {
      return failed(
        "\(fetch.url) is served as \(response.mediaType ?? "no Content-Type"), not text/plain",
        "The policy's media type is text/plain (RFC 8461 3.2).",
        "Serve the file with Content-Type: text/plain.")
    }
    let text = String(decoding: response.body, as: UTF8.self)
    do throws(MTASTSPolicy.ParseError) {
      let policy = try MTASTSPolicy(parsing: text)
      let fields = [
        CheckRecordField("version", .text("STSv1")),
        CheckRecordField("mode", .text(policy.mode.rawValue)),
        CheckRecordField("max_age", .number(policy.maxAge)),
        CheckRecordField("mx", .list(policy.mx.map(\.text))),
      ]
      let summary =
        "fetched \(fetch.url)\(fetch.address.map { " from \($0)" } ?? ""): mode \(policy.mode.rawValue), "
        + "\(policy.mx.count) mx pattern\(policy.mx.count == 1 ? "" : "s")"
      return (
        CheckFinding(check: .mtaSTSPolicy, state: .ok, summary: summary, record: fields), policy
      )
    } catch {
      return failed(
        "the policy at \(fetch.url) is invalid: \(error.description)",
        "Senders ignore a policy that does not parse (RFC 8461 3.2).",
        "Fix the policy file: version: STSv1, mode, max_age and one mx line per pattern.")
    }
  }

  private func modeFinding(_ policy: MTASTSPolicy) -> CheckFinding {
    switch policy.mode {
    case .enforce:
      CheckFinding(
        check: .mtaSTSMode, state: .ok,
        summary: "enforce: senders deliver only over verified TLS to matching MX hosts")
    case .testing:
      CheckFinding(
        check: .mtaSTSMode, state: .warning,
        summary: "testing: senders report failures but still deliver without TLS",
        explanation:
          "In testing mode a policy failure is only reported (TLS-RPT, RFC 8460), never"
          + " enforced (RFC 8461 5).",
        fix: "Once the TLS reports show no failures, change the policy to mode: enforce.")
    case .none:
      CheckFinding(
        check: .mtaSTSMode, state: .ok,
        summary: "none: the policy is withdrawn; senders drop what they cached (RFC 8461 8.3)")
    }
  }

  /// A week: RFC 8461 3.2 recommends max_age values of weeks or more.
  static let recommendedMaxAge = 604_800

  private func maxAgeFinding(_ policy: MTASTSPolicy) -> CheckFinding {
    let number = DecimalText.text(Double(policy.maxAge) / 86_400, places: 1)
    let days = number == "1" ? "1 day" : "\(number) days"
    guard policy.maxAge >= Self.recommendedMaxAge || policy.mode == .none else {
      return CheckFinding(
        check: .mtaSTSMaxAge, state: .warning,
        summary: "max_age \(policy.maxAge) s (\(days)) is shorter than a week",
        explanation:
          "Senders forget the policy after max_age; RFC 8461 3.2 recommends weeks or more, so"
          + " that an attacker who blocks the fetch cannot strip it.",
        fix: "Set max_age to 604800 (a week) or more; 31557600 is the maximum.",
        value: Double(policy.maxAge), unit: .seconds)
    }
    return CheckFinding(
      check: .mtaSTSMaxAge, state: .ok, summary: "max_age \(policy.maxAge) s (\(days))",
      value: Double(policy.maxAge), unit: .seconds)
  }

  private func mxFinding(_ host: String, policy: MTASTSPolicy) -> CheckFinding {
    if let pattern = policy.pattern(matching: host) {
      return CheckFinding(
        check: .mtaSTSMX, state: .ok, summary: "\(host) matches the policy's mx \(pattern.text)")
    }
    let enforced = policy.mode == .enforce
    return CheckFinding(
      check: .mtaSTSMX, state: enforced ? .critical : .warning,
      summary: "\(host) matches no mx pattern of the policy ("
        + policy.mx.map(\.text).joined(separator: ", ") + ")",
      explanation: enforced
        ? "Senders that enforce the policy will not deliver to this MX (RFC 8461 4.1, 5.1)."
        : "In enforce mode senders would not deliver to this MX (RFC 8461 4.1).",
      fix: "Add an mx line for \(host) to the policy, or change the MX records.")
  }

  private func policyTLSFinding(_ host: String, tls: MXTLSStatus, mode: MTASTSPolicy.Mode)
    -> CheckFinding
  {
    let failing: CheckState = mode == .enforce ? .critical : .warning
    let consequence =
      mode == .enforce
      ? "Senders that enforce the policy will not deliver to this MX (RFC 8461 4.2)."
      : "In enforce mode senders would not deliver to this MX (RFC 8461 4.2)."
    switch tls {
    case .established(let report) where report.verification.isTrusted:
      return CheckFinding(
        check: .mtaSTSTLS, state: .ok,
        summary: "\(host) offered TLS with a certificate trusted for "
          + "\(report.verification.expectedName) in this run")
    case .established(let report):
      return CheckFinding(
        check: .mtaSTSTLS, state: failing,
        summary: "\(host): certificate not trusted for \(report.verification.expectedName): "
          + report.verification.faults.map(\.name).joined(separator: ", "),
        explanation: consequence,
        fix: "Use a certificate from a CA senders trust that names \(host).")
    case .notChecked(let reason):
      return CheckFinding(
        check: .mtaSTSTLS, state: failing,
        summary: "\(host): TLS could not be checked (\(reason))", explanation: consequence,
        fix: "Make the MX reachable and offer STARTTLS.")
    case .failed(let reason):
      return CheckFinding(
        check: .mtaSTSTLS, state: failing, summary: "\(host): \(reason)",
        explanation: consequence,
        fix: "Offer STARTTLS with a certificate from a public CA that names \(host).")
    }
  }
}
