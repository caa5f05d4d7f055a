/// The DANE checks of each MX host (RFC 7672): its `_25._tcp` TLSA records, whether the
/// resolver validated them, and each record compared with the certificates the host really
/// presented in this run's TLS session.
extension CheckJudgement {
  /// Adds each host's `dane-tlsa` finding and, when it has records, one `dane-match` per
  /// record; `record` is the run the report was judged from.
  public func addingDANE(
    _ facts: [DANEFacts], record probe: ProbeRecord, to report: CheckTargetReport
  ) -> CheckTargetReport {
    var report = report
    for (index, attempt) in zip(report.hosts.indices, probe.attempts) {
      guard let lookup = facts.first(where: { $0.host.isSameDNSName(attempt.host) }) else {
        continue
      }
      report.hosts[index].findings += daneFindings(lookup, tls: MXTLSStatus(attempt))
    }
    return report
  }

  func daneFindings(_ facts: DANEFacts, tls: MXTLSStatus) -> [CheckFinding] {
    if case .failure(let error) = facts.lookup {
      if error.isDefinitiveAnswer {
        return [.notApplicable(.daneTLSA, because: "no TLSA records at \(facts.name)")]
      }
      return [
        CheckFinding(
          check: .daneTLSA, state: .unknown,
          summary: "could not look up \(facts.name): \(error.description)",
          explanation:
            "When the MX host's zone is signed, senders that use DANE defer mail while its"
            + " TLSA lookup fails (RFC 7672 2.2.1).",
          fix: "Check the DNS servers of the MX host's zone and the resolver (--dns-server).")
      ]
    }
    let records = facts.records
    var findings = [tlsaFinding(facts, records: records)]
    switch tls {
    case .notChecked(let reason):
      findings.append(.notApplicable(.daneMatch, because: "not compared: \(reason)"))
    case .failed(let reason):
      findings.append(
        CheckFinding(
          check: .daneMatch, state: .critical,
          summary: "TLSA records are published but \(reason)",
          explanation:
            "Senders that use DANE deliver to this MX only over TLS that the TLSA records"
            + " authenticate; without it they keep the mail queued (RFC 7672 2.2).",
          fix: "Offer STARTTLS with the certificate the TLSA records name, or remove them."))
    case .established(let report):
      findings += matchFindings(records, report: report)
    }
    return findings
  }

  private func tlsaFinding(_ facts: DANEFacts, records: [TLSARecord]) -> CheckFinding {
    let count = "\(records.count) TLSA record\(records.count == 1 ? "" : "s") at \(facts.name)"
    let fields = [
      CheckRecordField("name", .text(facts.name)),
      CheckRecordField("validated", .flag(facts.validated)),
      CheckRecordField("records", .list(records.map(\.description))),
    ]
    guard facts.validated else {
      return CheckFinding(
        check: .daneTLSA, state: .warning,
        summary: "\(count), not DNSSEC-validated: "
          + "\(records.count == 1 ? "it" : "they") cannot be relied on",
        explanation:
          "The resolver did not set the AD bit, so these records were not validated; senders"
          + " use TLSA records only from a signed zone through a validating resolver (RFC 7672"
          + " 2.2, RFC 6698 4.1).",
        fix: "Sign the zone with DNSSEC, and ask a validating resolver (--dns-server).",
        record: fields)
    }
    return CheckFinding(
      check: .daneTLSA, state: .ok, summary: "\(count), DNSSEC-validated", record: fields)
  }

  private func matchFindings(_ records: [TLSARecord], report: TLSReport) -> [CheckFinding] {
    let nameMatches = !report.verification.has("hostname-mismatch")
    func outcome(_ record: TLSARecord) -> DANEMatch {
      let match = DANEMatch.compare(record, with: report.chain)
      // DANE-TA also needs the server certificate to name the MX host (RFC 7672 3.2.3).
      if case .matched(let depth) = match, depth > 0, !nameMatches { return .notMatched }
      return match
    }
    let outcomes = records.map(outcome)
    let satisfied = outcomes.contains { if case .matched = $0 { true } else { false } }
    let usable = outcomes.contains { $0 != .unusable }
    var findings: [CheckFinding] = []
    for (record, match) in zip(records, outcomes) {
      let subject =
        "\(record.usage) \(record.selector) \(record.matchingType) "
        + String(record.dataHex.prefix(16))
      let fields = [
        CheckRecordField("usage", .number(Int(record.usage))),
        CheckRecordField("selector", .number(Int(record.selector))),
        CheckRecordField("matching_type", .number(Int(record.matchingType))),
        CheckRecordField("data", .text(record.dataHex)),
      ]
      let kind = "\(record.usageName) \(record.selectorName) \(record.matchingTypeName)"
      switch match {
      case .matched(let depth):
        findings.append(
          CheckFinding(
            check: .daneMatch, subject: subject, state: .ok,
            summary: depth == 0
              ? "\(kind) matches the server certificate presented"
              : "\(kind) matches the CA certificate at depth \(depth) of the chain presented",
            record: fields))
      case .notMatched:
        let other = satisfied ? "; another record matches" : ""
        findings.append(
          CheckFinding(
            check: .daneMatch, subject: subject, state: satisfied ? .ok : .critical,
            summary: "\(kind) matches no certificate presented\(other)",
            explanation: satisfied
              ? ""
              : "No usable TLSA record matches what the server presents: receivers that"
                + " use DANE will refuse mail, and senders will not deliver (RFC 7672 2.2,"
                + " 3.1).",
            fix: satisfied
              ? ""
              : "Publish TLSA records for the certificate the server uses, or install the"
                + " certificate they name; publish the new record before a key change.",
            record: fields))
      case .unusable:
        let reason =
          record.usage == TLSARecord.pkixTA || record.usage == TLSARecord.pkixEE
          ? "\(record.usageName) is not used for SMTP (RFC 7672 3.1.3)"
          : "\(kind) is not a usable combination (RFC 7672 2.2)"
        var skipped = CheckFinding.notApplicable(.daneMatch, subject: subject, because: reason)
        skipped.record = fields
        findings.append(skipped)
      }
    }
    if !usable {
      findings.append(
        CheckFinding(
          check: .daneMatch, state: .warning, summary: "no usable TLSA record",
          explanation:
            "With only unusable TLSA records senders use TLS without authenticating the"
            + " server (RFC 7672 2.2).",
          fix: "Publish DANE-EE (3 1 1) or DANE-TA (2 x x) records."))
    }
    return findings
  }
}
