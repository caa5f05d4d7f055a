/// The submission profile's checks: AUTH not offered before TLS, the credentials, and the
/// test message.
///
/// RFC 8314 3.3 and 4.1 want mail clients to reach submission only over TLS, and RFC 4954 4
/// lets a server keep AUTH back until TLS is in force: a server that offers AUTH before
/// STARTTLS invites clients (or an attacker who strips STARTTLS, RFC 3207 6) to send the
/// password in clear. RFC 6409 4.3 has the server authenticate the client before MAIL FROM.
extension CheckJudgement {
  /// `starttls-offered` on a submission server: without STARTTLS the password and the mail
  /// can only travel in clear, so it is CRITICAL, not a warning.
  static let submissionWithoutTLS = CheckFinding(
    check: .startTLSOffered, state: .critical, summary: "STARTTLS is not offered",
    explanation:
      "Mail clients would send their password and their mail in clear text; RFC 8314 4.1 asks "
      + "submission servers to offer TLS.",
    fix: "Install a certificate and enable STARTTLS on this port, or offer TLS on connect "
      + "(port 465, RFC 8314 3.3).")

  /// What a refused MAIL FROM means at submission, before the classifier's explanation.
  static let submissionSenderRefused =
    "A submission server refusing the sender after AUTH (or asking for AUTH with 530, "
    + "RFC 4954 6) means clients cannot send mail through it (RFC 6409 4.3). "

  /// `auth-before-tls`: CRITICAL when the EHLO answer before TLS lists AUTH.
  func authBeforeTLS(_ session: SessionRecord) -> CheckFinding {
    if session.tlsOnConnect {
      return CheckFinding(
        check: .authBeforeTLS, state: .ok,
        summary: "TLS on connect: nothing is offered before TLS")
    }
    let plain = session.capabilitiesBeforeTLS ?? (session.tls == nil ? session.capabilities : nil)
    guard let plain else {
      return .notApplicable(.authBeforeTLS, because: "no EHLO answer before TLS")
    }
    guard plain.offers(.auth) else {
      return CheckFinding(
        check: .authBeforeTLS, state: .ok, summary: "AUTH is not offered before TLS")
    }
    let hello = session.steps.first { $0.command == .ehlo }
    let mechanisms = plain.authMechanisms.joined(separator: " ")
    return CheckFinding(
      check: .authBeforeTLS, state: .critical,
      summary: "AUTH \(mechanisms) offered before TLS".replacing("  ", with: " "),
      explanation:
        "A client may send its password before STARTTLS, and an attacker who removes STARTTLS "
        + "from the EHLO answer (RFC 3207 6) collects it in clear; RFC 4954 4 lets a server "
        + "offer AUTH only once TLS is in force, and RFC 8314 wants credentials only over TLS.",
      fix:
        "Offer AUTH only after TLS (Postfix: smtpd_tls_auth_only = yes; Exim: "
        + "auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}; Dovecot: "
        + "auth_allow_cleartext = no).",
      evidence: hello.map {
        CheckEvidence(answered: $0.command, commandLine: $0.commandLine, reply: $0.reply)
      })
  }

  /// `auth`: the credentials accepted (235), refused (the server's reply, explained), or why
  /// they were never sent; skipped without `--auth-user`.
  func authFinding(_ session: SessionRecord, _ findings: inout CheckFindingList)
    -> CheckFinding
  {
    guard let planned = session.plan.auth else {
      return .notApplicable(.auth, because: "no --auth-user given")
    }
    let last = session.steps.last { $0.command == .auth }
    let evidence = last.map {
      CheckEvidence(answered: .auth, commandLine: $0.commandLine, reply: $0.reply)
    }
    if let result = session.auth {
      if result.authenticated {
        return CheckFinding(
          check: .auth, state: .ok,
          summary: "authenticated as \(result.user) with \(result.mechanism)", evidence: evidence)
      }
      guard let last else {
        return missing(.auth, "AUTH \(result.mechanism) not answered", session, &findings)
      }
      let diagnosis = last.diagnosis
      var finding = CheckFinding(
        check: .auth, state: .critical,
        summary: "AUTH \(result.mechanism) as \(result.user) refused: \(last.reply.code) "
          + (last.reply.texts.first ?? ""),
        explanation: diagnosis.explanation,
        fix: "Check the user name and password (--auth-password-file or SMTPPROBE_PASSWORD). "
          + diagnosis.fix,
        evidence: evidence)
      finding.evidence?.diagnosis = diagnosis
      return finding
    }
    let fix: String
    switch session.problem {
    case .authNotOffered?:
      fix = "Enable SASL authentication on this port (Postfix: smtpd_sasl_auth_enable = yes)."
    case .authWithoutTLS?:
      fix = "Enable TLS on this port; the password is never sent in clear without --auth-insecure."
    case .authUntrustedTLS?:
      fix = "Fix the certificate (see tls-verified), or pass --cafile with the CA that signed it."
    case .authImpossible?:
      fix = "Offer PLAIN, LOGIN or CRAM-MD5, or pass --auth-mech with one the server offers."
    default:
      return missing(.auth, "AUTH as \(planned.user) not reached", session, &findings)
    }
    findings.problemReported = true
    return CheckFinding(
      check: .auth, state: .critical,
      summary: "AUTH as \(planned.user) not tried: \(session.problem.map { "\($0)" } ?? "")",
      explanation: "The credentials were never sent, so no client can submit mail here.",
      fix: fix)
  }

  /// `message`: the test message queued (with its token and queue id), or where it stopped;
  /// nil when no message was asked for.
  func messageFinding(_ session: SessionRecord, _ findings: inout CheckFindingList)
    -> CheckFinding?
  {
    guard case .testMessage(let unixTime, let random) = session.plan.message else { return nil }
    let token = TestMessage.token(unixTime: unixTime, random: random)
    if session.messageAccepted {
      let end = session.steps.last { $0.command == .endOfData }
      var queued = CheckFinding(
        check: .message, state: .ok,
        summary: "test message \(token) queued as \(session.queueID ?? "(no queue id given)")",
        evidence: end.map {
          CheckEvidence(answered: .endOfData, commandLine: $0.commandLine, reply: $0.reply)
        })
      queued.record = [
        CheckRecordField("token", .text(token)),
        CheckRecordField("queue_id", session.queueID.map { .text($0) } ?? .null),
      ]
      return queued
    }
    if let refused = session.recipients.first(where: { !$0.accepted }) {
      let diagnosis = Classifier.diagnose(refused.reply, after: .rcpt)
      var finding = CheckFinding(
        check: .message, subject: refused.address.mailbox, state: .critical,
        summary: "test message \(token): RCPT TO \(refused.address.mailbox) refused: "
          + "\(refused.reply.code) " + (refused.reply.texts.first ?? ""),
        explanation: diagnosis.explanation, fix: diagnosis.fix,
        evidence: CheckEvidence(
          answered: .rcpt, commandLine: "RCPT TO:\(refused.address.path)", reply: refused.reply))
      finding.evidence?.diagnosis = diagnosis
      return finding
    }
    let refusal = session.steps.last {
      ($0.command == .data || $0.command == .endOfData) && !$0.reply.isPositive
    }
    guard let refusal else {
      return missing(.message, "test message \(token) not accepted", session, &findings)
    }
    var finding = replyFinding(.message, refusal, what: "test message \(token)")
    finding.state = .critical
    return finding
  }
}
