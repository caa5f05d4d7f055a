/// The `starttls-enforced` check: a second session without TLS tries MAIL FROM.
///
/// RFC 3207 4: a server that requires TLS answers commands other than EHLO, STARTTLS, NOOP,
/// RSET and QUIT sent before it with `530 5.7.0 Must issue a STARTTLS command first`. So a
/// refusal with 530 or X.7.x at MAIL FROM means TLS is enforced; an accepted MAIL FROM means
/// mail can arrive in clear text.
extension CheckJudgement {
  /// Adds to each host of `report` the finding of its plain session in `plain`, matched by
  /// host name and address.
  public func addingEnforcement(_ plain: ProbeRecord, to report: CheckTargetReport)
    -> CheckTargetReport
  {
    var report = report
    for attempt in plain.attempts {
      let address = attempt.session?.address
      guard
        let index = report.hosts.firstIndex(where: {
          $0.host == attempt.host && (address == nil || $0.address == address)
        })
      else { continue }
      report.hosts[index].findings.append(enforcement(attempt))
    }
    return report
  }

  /// The finding of one plain session.
  func enforcement(_ attempt: HostAttempt) -> CheckFinding {
    guard let session = attempt.session,
      let mail = session.steps.first(where: { $0.command == .mail })
    else {
      let reason = attempt.session?.problem?.description ?? attempt.connectFailure?.description
      return .notApplicable(
        .startTLSEnforced,
        because: "the session without TLS did not reach MAIL FROM"
          + (reason.map { ": \($0)" } ?? ""))
    }
    let evidence = CheckEvidence(
      answered: .mail, commandLine: mail.commandLine, reply: mail.reply)
    let text = "\(mail.reply.code) " + (mail.reply.texts.first ?? "")
    if mail.reply.replyClass == .positiveCompletion {
      return CheckFinding(
        check: .startTLSEnforced, state: .critical,
        summary: "MAIL FROM accepted without TLS: \(text)",
        explanation:
          "A client that skips STARTTLS (or an attacker who strips it, RFC 3207 6) can hand "
          + "over mail in clear text.",
        fix:
          "Require TLS for this listener (Postfix smtpd_tls_security_level = encrypt) or "
          + "publish MTA-STS so that senders insist on it.",
        evidence: evidence)
    }
    if mail.reply.code == 530 || mail.reply.enhanced?.subject == 7 {
      return CheckFinding(
        check: .startTLSEnforced, state: .ok,
        summary: "MAIL FROM without TLS refused: \(text)", evidence: evidence)
    }
    var finding = CheckFinding(
      check: .startTLSEnforced, state: .warning,
      summary: "MAIL FROM without TLS refused for another reason: \(text)",
      explanation:
        "The refusal is not the 530 / X.7.0 of RFC 3207 4, so it does not show that TLS is "
        + "required. " + Classifier.diagnose(mail.reply, after: .mail).explanation,
      fix: "Check why the server refused the sender.", evidence: evidence)
    finding.evidence?.diagnosis = Classifier.diagnose(mail.reply, after: .mail)
    return finding
  }
}
