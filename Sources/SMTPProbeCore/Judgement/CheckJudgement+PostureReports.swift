extension CheckJudgement {
  /// The `tls-rpt` finding (RFC 8460 3).
  ///
  /// A missing policy is OK with a note: TLS reporting is
  /// optional and only useful with MTA-STS or DANE, so its absence breaks no mail; several
  /// records or an invalid one are WARNING (senders then act as if there were none).
  static func tlsRPTFinding(_ posture: TLSRPTPosture) -> CheckFinding {
    func warning(_ summary: String, _ explanation: String, _ fix: String) -> CheckFinding {
      CheckFinding(
        check: .tlsRPT, state: .warning, summary: summary, explanation: explanation, fix: fix)
    }
    switch posture.lookup {
    case .none:
      return CheckFinding(
        check: .tlsRPT, state: .ok, summary: "no TLS reporting policy at \(posture.name)",
        explanation: "Optional (RFC 8460): with MTA-STS or DANE it tells you when senders"
          + " cannot deliver over TLS.",
        fix: "Consider 'v=TLSRPTv1; rua=mailto:ADDRESS' at \(posture.name).")
    case .failed(let error):
      return warning(
        "the TLS reporting policy could not be read: \(error)",
        "Senders that see the same failure send no reports.", "Check the domain's name servers.")
    case .several(let records):
      return warning(
        "\(posture.name) has \(records.count) TLS-RPT records",
        "With more than one record senders assume no policy (RFC 8460 3).",
        "Keep exactly one 'v=TLSRPTv1' record.")
    case .found(let text):
      guard let record = posture.record else {
        let problem = posture.problem.map(\.description) ?? "it does not parse"
        return warning(
          "the TLS-RPT record is invalid: \(problem)",
          "Senders ignore a record they cannot parse (RFC 8460 3).", "Correct the record: \(text)")
      }
      return CheckFinding(
        check: .tlsRPT, state: .ok,
        summary: "reports go to \(record.rua.joined(separator: ", "))")
    }
  }

  /// One `dnsbl` finding per address (RFC 5782).
  ///
  /// A severe listing is CRITICAL, a policy
  /// listing (Spamhaus PBL) WARNING, an address a zone would not answer for UNKNOWN ("could not
  /// check": an error answer is never a listing), otherwise OK. Perfdata `dnsbl_listed`.
  static func dnsblFindings(_ lookups: [DNSBLLookup]) -> [CheckFinding] {
    var addresses: [String] = []
    for lookup in lookups where !addresses.contains(lookup.address) {
      addresses.append(lookup.address)
    }
    return addresses.map { address in
      let mine = lookups.filter { $0.address == address }
      var issues: [PostureIssue] = []
      var listed = 0
      for lookup in mine {
        switch lookup.outcome {
        case .notListed: continue
        case .listed(let codes):
          listed += 1
          let severe = codes.contains { $0.kind == .listing(severe: true) }
          let meanings = codes.map { "\($0.address): \($0.meaning)" }.joined(separator: "; ")
          issues.append(
            PostureIssue(
              state: severe ? .critical : .warning,
              summary: "\(address) is listed in \(lookup.zone) (\(meanings))",
              explanation: "Receivers that use \(lookup.zone) may refuse mail from or to this"
                + " address (source: \(codes.map(\.source).joined(separator: ", "))).",
              fix: "Find out why on the operator's site and request removal."))
        case .refusedByOperator(let codes):
          let meanings = codes.map { "\($0.address): \($0.meaning)" }.joined(separator: "; ")
          issues.append(
            PostureIssue(
              state: .unknown,
              summary: "\(lookup.zone) could not be checked for \(address) (\(meanings))",
              explanation: "The operator answered an error code, which says nothing about the"
                + " address.",
              fix: "Query the zone through your own resolver, or choose zones with --dnsbl."))
        case .failed(let error):
          issues.append(
            PostureIssue(
              state: .unknown,
              summary: "\(lookup.zone) could not be checked for \(address): \(error)",
              explanation: "", fix: ""))
        }
      }
      let zones = mine.map(\.zone).joined(separator: ", ")
      return PostureIssue.finding(
        .dnsbl, subject: address, issues: issues,
        okSummary: "\(address) is listed in none of \(zones)",
        perfdata: [
          PerfDatum(
            label: "dnsbl_listed_\(address)", value: Double(listed), critical: .above(0),
            minimum: 0, maximum: Double(mine.count))
        ])
    }
  }

  /// The `no-mail` finding, when the domain says it handles no mail.
  ///
  /// A null MX (RFC 7505) or an SPF record of only `-all` says so; such a domain should
  /// publish all three of a null MX, `v=spf1 -all` and DMARC `p=reject` (RFC 7505 4.2: a
  /// domain with a null MX sends no mail either; RFC 7208 5.1; RFC 7489 6.3). Nil otherwise.
  static func noMailFinding(_ posture: DomainPosture) -> CheckFinding? {
    let spfRejectsAll =
      posture.spf.record.map { record in
        record.terms.count == 1
          && record.terms.first.map { term in
            if case .directive(.fail, .all) = term.kind { true } else { false }
          } == true
      } ?? false
    guard posture.nullMX == true || spfRejectsAll else { return nil }
    var missing: [String] = []
    if posture.nullMX != true { missing.append("a null MX ('MX 0 .')") }
    if !spfRejectsAll { missing.append("SPF 'v=spf1 -all'") }
    if posture.dmarc.record?.policy != .reject { missing.append("DMARC 'p=reject'") }
    guard !missing.isEmpty else {
      return CheckFinding(
        check: .noMail, state: .ok,
        summary: "the domain says everywhere that it handles no mail (null MX, SPF -all,"
          + " DMARC p=reject)")
    }
    return CheckFinding(
      check: .noMail, state: .warning,
      summary: "the domain handles no mail but does not publish \(missing.joined(separator: ", "))",
      explanation: "A domain that sends and receives no mail should say so in all three places,"
        + " so that forged mail in its name is refused (RFC 7505 4.2).",
      fix: "Publish \(missing.joined(separator: " and ")).")
  }
}
