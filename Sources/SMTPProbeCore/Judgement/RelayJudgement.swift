/// Judges the open-relay matrix: any accepted form is CRITICAL, named; refusals are OK.
///
/// An open relay lets anyone send through the server to any domain (RFC 5321 3.9; RFC 2505 2
/// asks MTAs to refuse it), and gets the server blocklisted within hours. A 530 answer means
/// the server wants authentication first (RFC 4954 6): that is not relaying, and is OK. A
/// form the session ended before (a dropped connection, a timeout) leaves the matrix
/// incomplete, which is a WARNING: the server, not smtpprobe, stopped the test.
public enum RelayJudgement {
  /// The `relay` finding for `outcomes`, one per form tried.
  public static func judge(_ outcomes: [RelayOutcome]) -> CheckFinding {
    let accepted = outcomes.filter(\.accepted)
    if let first = accepted.first {
      let names = accepted.map(\.test.form.title).joined(separator: ", ")
      return CheckFinding(
        check: .relay, state: .critical,
        summary: "open relay: accepted \(accepted.count) of \(outcomes.count) forms (\(names))",
        explanation:
          "The server accepted a recipient in a domain it is not responsible for from an "
          + "unauthenticated client (\(first.test.rcptLine) after \(first.test.mailLine)). "
          + "Anyone can send mail through it; it will be abused and blocklisted.",
        fix:
          "Relay only for authenticated clients and your own networks: in Postfix "
          + "smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, "
          + "reject_unauth_destination, and keep allow_untrusted_routing = no; in Exim accept "
          + "relaying only for +relay_from_hosts and authenticated senders.",
        evidence: first.rcptReply.map {
          CheckEvidence(
            answered: .rcpt, commandLine: first.test.rcptLine, reply: $0,
            diagnosis: Classifier.diagnose($0, after: .rcpt))
        },
        value: Double(accepted.count), unit: PerfUnit.none)
    }
    let untested = outcomes.filter { !$0.refused && !$0.accepted }
    if !untested.isEmpty {
      let names = untested.map(\.test.form.title).joined(separator: ", ")
      return CheckFinding(
        check: .relay, state: .warning,
        summary: "relay test incomplete: \(untested.count) of \(outcomes.count) forms not "
          + "answered (\(names))",
        explanation:
          "The session ended before the server answered every form, so it is not known "
          + "whether those are refused.",
        fix: "Run the check again; if it keeps ending early, look at the server's logs for "
          + "why it drops the connection.")
    }
    let asked = outcomes.filter(\.authenticationRequired).count
    if asked > 0 {
      return CheckFinding(
        check: .relay, state: .ok,
        summary: "relay refused for all \(outcomes.count) forms (\(asked) by requiring "
          + "authentication, 530)",
        explanation:
          "530 means authentication is required first (RFC 4954 6), not that the server "
          + "relays: an unauthenticated client cannot send through it.")
    }
    return CheckFinding(
      check: .relay, state: .ok,
      summary: "relay refused for all \(outcomes.count) forms",
      explanation:
        "Every outside recipient and every routing trick was refused for an unauthenticated "
        + "client.")
  }
}
