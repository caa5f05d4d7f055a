extension CheckJudgement {
  /// The RSA key sizes below which a DKIM key is CRITICAL and WARNING: RFC 8301 3.2 forbids
  /// verifying with keys under 1024 bits; 2048 is what it asks signers to use.
  static let dkimCriticalBits = 1024
  static let dkimWarningBits = 2048

  /// One `dkim` finding per selector (RFC 6376 3.6.1): a key present, readable, not revoked
  /// (CRITICAL), not in testing mode (`t=y`, WARNING), and large enough (RSA).
  static func dkimFinding(_ posture: DKIMKeyPosture) -> CheckFinding {
    let selector = posture.selector
    func issue(_ state: CheckState, _ summary: String, _ explanation: String, _ fix: String)
      -> CheckFinding
    {
      PostureIssue.finding(
        .dkim, subject: selector,
        issues: [PostureIssue(state: state, summary: summary, explanation: explanation, fix: fix)],
        okSummary: "")
    }
    switch posture.lookup {
    case .none:
      return issue(
        .critical, "no DKIM key at \(posture.name)",
        "Mail signed with selector \(selector) fails DKIM verification (RFC 6376 6.1.2).",
        "Publish the selector's public key at \(posture.name), or check the selector name.")
    case .failed(let error):
      return issue(
        .warning, "the DKIM key could not be read: \(error)",
        "Verifiers that see the same failure return a temporary error (RFC 6376 6.1.2).",
        "Check the domain's name servers.")
    case .several(let records):
      return issue(
        .warning, "\(posture.name) has \(records.count) TXT records",
        "Verifiers may pick any of them (RFC 6376 3.6.2.2); signatures may fail at random.",
        "Keep one key record per selector.")
    case .found(let text):
      guard let record = posture.record else {
        let problem = posture.problem.map(\.description) ?? "it does not parse"
        return issue(
          .critical, "the DKIM key record is invalid: \(problem)",
          "Verifiers cannot use it: signatures with this selector fail (RFC 6376 6.1.2).",
          "Republish the key record: \(text)")
      }
      guard let key = record.key else {
        return issue(
          .critical, "the DKIM key of selector \(selector) is revoked (empty p=)",
          "An empty p= means the key has been revoked (RFC 6376 3.6.1): signatures fail.",
          "Sign with a selector that has a key, or publish this one again.")
      }
      var issues: [PostureIssue] = []
      if key.algorithm == .rsa, key.bits < dkimCriticalBits {
        issues.append(
          PostureIssue(
            state: .critical, summary: "the RSA key has \(key.bits) bits",
            explanation: "Verifiers must not accept RSA keys under 1024 bits (RFC 8301 3.2).",
            fix: "Publish a 2048-bit key under a new selector and sign with it."))
      } else if key.algorithm == .rsa, key.bits < dkimWarningBits {
        issues.append(
          PostureIssue(
            state: .warning, summary: "the RSA key has \(key.bits) bits",
            explanation: "Signers should use keys of at least 2048 bits (RFC 8301 3.2).",
            fix: "Publish a 2048-bit key under a new selector and sign with it."))
      }
      if record.testing {
        issues.append(
          PostureIssue(
            state: .warning, summary: "the key is in testing mode (t=y)",
            explanation: "Verifiers must not treat mail differently when t=y is set"
              + " (RFC 6376 3.6.1): failures are not acted on.",
            fix: "Remove t=y once signing works."))
      }
      return PostureIssue.finding(
        .dkim, subject: selector, issues: issues,
        okSummary: "\(key.algorithm.rawValue) key of \(key.bits) bits at \(posture.name)",
        perfdata: [
          PerfDatum(label: "dkim_bits_\(selector)", value: Double(key.bits), minimum: 0)
        ])
    }
  }
}
