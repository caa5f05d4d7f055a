/// Advice for a host that did not answer like an SMTP server, from how the session ended.
///
/// A port that wants TLS from the first byte (SMTPS, RFC 8314 3.3, usually 465) waits
/// silently for a ClientHello, or sends a TLS alert, when a client starts in plain text: both
/// look like a missing greeting. A port of another service answers with its own protocol.
public enum ProbeHint {
  /// The advice lines for `attempt` (none when the host greeted in SMTP).
  public static func advice(for attempt: HostAttempt, tlsOnConnect: Bool) -> [String] {
    guard let session = attempt.session, let problem = session.verdict.problem else { return [] }
    let greeted = session.steps.contains { $0.command == .greeting }
    switch problem {
    case .notSMTP:
      return [
        "port \(attempt.port) answered in another protocol: SMTP listens on 25 (relay), "
          + "587 (submission) or 465 (submission over TLS); check the port"
      ]
    case .transport(.timedOut), .protocolViolation:
      guard !greeted, !tlsOnConnect else { return [] }
      let likely = attempt.port == 465 ? "port 465 is SMTPS" : "the port may be SMTPS"
      var advice = [
        "no SMTP greeting arrived: \(likely), which expects TLS from the first byte "
          + "(RFC 8314 3.3); retry with --tls-on-connect"
      ]
      if case .transport(.timedOut) = problem, attempt.port != 465 {
        // RFC 5321 4.5.3.2.1 gives the greeting 5 minutes; tarpits use much of that.
        advice.append(
          "a busy or tarpitting server may greet late: retry with a longer --greeting-timeout")
      }
      return advice
    default:
      return []
    }
  }
}
