extension CheckJudgement {
  /// The `spf` finding.
  ///
  /// Exactly one record (RFC 7208 4.5), valid (4.6), its tree within 10
  /// DNS-querying terms (4.6.4), no `+all`/`?all` (which authorise or ignore everyone), an
  /// explicit `all` or redirect at the end, and no `ptr` (5.5). Perfdata `spf_lookups`.
  static func spfFinding(_ analysis: SPFAnalysis) -> CheckFinding {
    let domain = analysis.domain
    switch analysis.lookup {
    case .none:
      return PostureIssue.finding(
        .spf,
        issues: [
          PostureIssue(
            state: .warning, summary: "\(domain) publishes no SPF record",
            explanation: "Receivers get the SPF result none for mail from this domain (RFC 7208"
              + " 2.6.1); large mailbox providers require SPF or DKIM from every sender.",
            fix: "Publish a TXT record 'v=spf1 <your senders> -all' at \(domain).")
        ], okSummary: "")
    case .failed(let error):
      return PostureIssue.finding(
        .spf,
        issues: [
          PostureIssue(
            state: .warning, summary: "the SPF record could not be read: \(error)",
            explanation: "Receivers that see the same failure get temperror (RFC 7208 4.4)"
              + " and may defer mail.",
            fix: "Check the domain's name servers.")
        ], okSummary: "")
    case .several(let records):
      return PostureIssue.finding(
        .spf,
        issues: [
          PostureIssue(
            state: .critical, summary: "\(domain) publishes \(records.count) SPF records",
            explanation: "More than one 'v=spf1' record is a permerror for every message"
              + " (RFC 7208 4.5).",
            fix: "Merge them into one record.")
        ], okSummary: "")
    case .found(let text):
      if let error = analysis.syntaxError {
        return PostureIssue.finding(
          .spf,
          issues: [
            PostureIssue(
              state: .critical, summary: "the SPF record is invalid \(error)",
              explanation: "A record that does not parse is a permerror for every message"
                + " (RFC 7208 4.6); receivers that enforce DMARC treat it as a fail.",
              fix: "Correct '\(error.term)' in: \(text)")
          ], okSummary: "")
      }
      return PostureIssue.finding(
        .spf, issues: spfIssues(analysis),
        okSummary: "\(text) (\(analysis.lookups) of \(SPFEvaluator.lookupLimit) DNS lookups)",
        okExplanation: analysis.unexpanded.isEmpty
          ? ""
          : "Not followed, their target depends on the message:"
            + " \(analysis.unexpanded.joined(separator: ", ")).",
        perfdata: [
          PerfDatum(
            label: "spf_lookups", value: Double(analysis.lookups),
            critical: .above(Double(SPFEvaluator.lookupLimit)), minimum: 0)
        ], value: Double(analysis.lookups))
    }
  }

  /// What is wrong in a record that parses.
  private static func spfIssues(_ analysis: SPFAnalysis) -> [PostureIssue] {
    var issues: [PostureIssue] = []
    let limit = SPFEvaluator.lookupLimit
    if analysis.lookups > limit {
      issues.append(
        PostureIssue(
          state: .critical,
          summary:
            "the SPF record needs \(analysis.lookups) DNS lookups, over the limit of \(limit)",
          explanation: "Every include, a, mx, ptr, exists and redirect counts, in included records"
            + " too; an evaluation that reaches lookup \(limit + 1) is a permerror (RFC 7208 4.6.4),"
            + " so mail from senders listed late in the tree fails SPF.",
          fix: "Replace includes by ip4:/ip6: ranges or drop unused ones."))
    }
    for problem in analysis.problems {
      issues.append(
        PostureIssue(
          state: .critical, summary: "a record the SPF record reaches is unusable: \(problem)",
          explanation: "An include or redirect whose record is missing or invalid is a"
            + " permerror when evaluated (RFC 7208 5.2, 6.1).",
          fix: "Fix or remove the include or redirect."))
    }
    guard let record = analysis.record else { return issues }
    if let all = record.all, case .directive(let qualifier, _) = all.kind {
      if qualifier == .pass || qualifier == .neutral {
        issues.append(
          PostureIssue(
            state: .warning,
            summary: "the SPF record ends in '\(all.text)' at position \(all.position)",
            explanation: qualifier == .pass
              ? "'+all' authorises every address on the internet to send as this domain."
              : "'?all' asserts nothing about addresses not listed: forged mail gets neutral.",
            fix: "End the record in '~all' or '-all'."))
      }
    } else if record.redirect == nil {
      issues.append(
        PostureIssue(
          state: .warning, summary: "the SPF record has no 'all' and no redirect",
          explanation: "Addresses it does not list get neutral by default (RFC 7208 4.7),"
            + " which protects nothing.",
          fix: "End the record in '~all' or '-all'."))
    }
    if let ptr = record.terms.first(where: {
      if case .directive(_, .ptr) = $0.kind { true } else { false }
    }) {
      issues.append(
        PostureIssue(
          state: .warning, summary: "the SPF record uses '\(ptr.text)' at position \(ptr.position)",
          explanation: "The ptr mechanism is slow, unreliable and \"SHOULD NOT be published\""
            + " (RFC 7208 5.5); some receivers ignore it.",
          fix: "Replace it by ip4:/ip6: ranges or a."))
    }
    return issues
  }

  /// The `spf-ip` finding: check_host() for `--spf-ip` (RFC 7208 2.6, 4).
  ///
  /// pass is OK; fail and
  /// permerror are CRITICAL; softfail, neutral, none and temperror are WARNING.
  static func spfIPFinding(_ evaluation: SPFEvaluation) -> CheckFinding {
    let ip = evaluation.ip.description
    var through = ""
    if let term = evaluation.term {
      through = " through '\(term)'"
      if let domain = evaluation.termDomain { through += " in \(domain)" }
    }
    if !evaluation.chain.isEmpty {
      through += " (reached by \(evaluation.chain.map { "'\($0)'" }.joined(separator: " -> ")))"
    }
    let problem = evaluation.problem.map { ": \($0)" } ?? ""
    let summary = "\(ip) gets SPF \(evaluation.result.rawValue)\(through)"
    let perfdata = [
      PerfDatum(
        label: "spf_eval_lookups", value: Double(evaluation.lookups),
        critical: .above(Double(SPFEvaluator.lookupLimit)), minimum: 0),
      PerfDatum(
        label: "spf_void_lookups", value: Double(evaluation.voidLookups),
        critical: .above(Double(SPFEvaluator.voidLookupLimit)), minimum: 0),
    ]
    let state: CheckState
    let explanation: String
    let fix: String
    switch evaluation.result {
    case .pass:
      state = evaluation.usedPTR ? .warning : .ok
      explanation =
        evaluation.usedPTR
        ? "The evaluation used ptr, which RFC 7208 5.5 says SHOULD NOT be published." : ""
      fix = evaluation.usedPTR ? "Replace ptr by ip4:/ip6: ranges." : ""
    case .fail:
      state = .critical
      explanation = "Receivers may refuse mail from this address (RFC 7208 8.4)."
      fix = "Add this address to the SPF record if it sends mail for the domain."
    case .permerror:
      state = .critical
      explanation = "The SPF records cannot be interpreted\(problem) (RFC 7208 2.6.7)."
      fix = "Correct the term named above."
    case .temperror:
      state = .warning
      explanation = "A DNS failure stopped the evaluation\(problem) (RFC 7208 2.6.6)."
      fix = "Check the name servers of the domains in the SPF tree."
    case .softfail, .neutral, .none:
      state = .warning
      explanation =
        "This address is not authorised by the SPF record (RFC 7208 2.6)\(problem)."
      fix = "Add this address to the SPF record if it sends mail for the domain."
    }
    return CheckFinding(
      check: .spfIP, subject: ip, state: state, summary: summary, explanation: explanation,
      fix: fix, perfdata: perfdata)
  }
}
