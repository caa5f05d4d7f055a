/// The checks of one session's replies: greeting, EHLO, STARTTLS, MAIL FROM and recipients.
extension CheckJudgement {
  /// Appends the findings of `session`'s dialogue in the order the steps ran.
  func dialogue(_ session: SessionRecord, into findings: inout CheckFindingList) {
    guard let greeting = session.steps.first(where: { $0.command == .greeting }) else {
      findings.append(missing(.greeting, "no greeting", session, &findings))
      return
    }
    findings.append(replyFinding(.greeting, greeting, what: "greeting"))
    guard greeting.reply.replyClass == .positiveCompletion else { return }
    guard let hello = session.steps.first(where: { $0.command == .ehlo || $0.command == .helo })
    else {
      findings.append(missing(.ehlo, "no answer to EHLO", session, &findings))
      return
    }
    var helloFinding = replyFinding(.ehlo, hello, what: hello.command.rawValue)
    if hello.command == .helo, helloFinding.state == .ok {
      // EHLO was refused and HELO taken: no extension (STARTTLS included) can be used.
      helloFinding.state = .warning
      helloFinding.summary = "EHLO refused, HELO accepted: no ESMTP extensions"
      helloFinding.explanation =
        "RFC 5321 4.1.1.1 makes EHLO the normal opening; without it there is no STARTTLS."
      helloFinding.fix = "Enable ESMTP (EHLO) on this server."
    }
    findings.append(helloFinding)
    guard helloFinding.state != .critical else { return }
    tlsFindings(session, into: &findings)
    if profile == .submission {
      findings.append(authBeforeTLS(session))
      findings.append(authFinding(session, &findings))
    }
    guard let mail = session.steps.first(where: { $0.command == .mail }) else {
      if profile == .submission, session.auth?.authenticated == false {
        findings.append(.notApplicable(.mailFrom, because: "not tried: AUTH failed"))
      } else if session.problem != nil {
        findings.append(missing(.mailFrom, "MAIL FROM not answered", session, &findings))
      }
      return
    }
    var mailFinding = replyFinding(.mailFrom, mail, what: "MAIL FROM")
    if profile == .submission, mailFinding.state != .ok {
      mailFinding.explanation = Self.submissionSenderRefused + mailFinding.explanation
    } else if mail.reply.code == 530 || mail.reply.enhanced?.subject == 7 {
      mailFinding.explanation =
        "The server refuses the sender for a policy or security reason (RFC 3463 X.7.x; 530 is "
        + "\"authentication required\", RFC 4954 6): inbound mail from other servers would "
        + "be refused too. " + mailFinding.explanation
    }
    findings.append(mailFinding)
    guard mailFinding.state == .ok else { return }
    guard profile == .inbound else {
      if let message = messageFinding(session, &findings) { findings.append(message) }
      return
    }
    recipientFindings(session, into: &findings)
  }

  /// The postmaster finding and one finding per `--rcpt` assertion.
  func recipientFindings(_ session: SessionRecord, into findings: inout CheckFindingList) {
    func result(_ address: Address) -> RecipientResult? {
      session.recipients.first { $0.address == address }
    }
    if let postmaster {
      if let answer = result(postmaster) {
        let step = session.steps.first { $0.command == .rcpt && $0.reply == answer.reply }
        var finding = CheckFinding(
          check: .postmaster, subject: postmaster.mailbox,
          state: answer.accepted ? .ok : .critical,
          summary: answer.accepted
            ? "\(postmaster.mailbox) accepted (\(answer.reply.code))"
            : "\(postmaster.mailbox) refused: \(answer.reply.code) "
              + (answer.reply.texts.first ?? ""),
          evidence: CheckEvidence(
            answered: .rcpt, commandLine: step?.commandLine, reply: answer.reply))
        if !answer.accepted {
          let diagnosis = Classifier.diagnose(answer.reply, after: .rcpt)
          finding.explanation =
            "RFC 5321 4.5.1: every domain that takes mail MUST accept mail for postmaster. "
            + diagnosis.explanation
          finding.fix = "Add a postmaster alias. " + diagnosis.fix
          finding.evidence?.diagnosis = diagnosis
        }
        findings.append(finding)
      } else {
        findings.append(missing(.postmaster, "RCPT TO postmaster not answered", session, &findings))
      }
    }
    for assertion in assertions {
      let mailbox = assertion.address.mailbox
      guard let answer = result(assertion.address) else {
        findings.append(
          missing(.rcpt, "RCPT TO not answered", session, &findings, subject: mailbox))
        continue
      }
      let outcome: RecipientAssertion.Expectation = answer.accepted ? .accept : .reject
      let text = "\(answer.reply.code) " + (answer.reply.texts.first ?? "")
      findings.append(
        CheckFinding(
          check: .rcpt, subject: mailbox,
          state: outcome == assertion.expectation ? .ok : .critical,
          summary: outcome == assertion.expectation
            ? "\(outcome == .accept ? "accepted" : "refused") as expected: \(text)"
            : "expected \(assertion.expectation.rawValue), got \(text)",
          explanation: outcome == assertion.expectation
            ? "" : Classifier.diagnose(answer.reply, after: .rcpt).explanation,
          fix: outcome == assertion.expectation
            ? "" : "Check the server's recipient table and aliases for \(mailbox).",
          evidence: CheckEvidence(
            answered: .rcpt, commandLine: "RCPT TO:\(assertion.address.path)",
            reply: answer.reply)))
    }
  }

  /// A finding for a reply that must be positive, explained by the classifier when it is not.
  func replyFinding(_ check: CheckID, _ step: Step, what: String) -> CheckFinding {
    let state = Self.state(of: step.reply)
    let text = step.reply.texts.first ?? ""
    guard state != .ok else {
      return CheckFinding(
        check: check, state: .ok, summary: "\(what) \(step.reply.code) \(text)",
        evidence: CheckEvidence(
          answered: step.command, commandLine: step.commandLine, reply: step.reply))
    }
    let diagnosis = step.diagnosis
    return CheckFinding(
      check: check, state: .critical,
      summary: "\(what) refused: \(step.reply.code) \(text)",
      explanation: diagnosis.explanation, fix: diagnosis.fix,
      evidence: CheckEvidence(
        answered: step.command, commandLine: step.commandLine, reply: step.reply,
        diagnosis: diagnosis))
  }

  /// The finding of a check whose step never came: CRITICAL with the session's problem the
  /// first time, skipped afterwards (the problem is reported once).
  func missing(
    _ check: CheckID, _ what: String, _ session: SessionRecord,
    _ findings: inout CheckFindingList, subject: String? = nil
  ) -> CheckFinding {
    guard let problem = session.problem, !findings.problemReported else {
      return .notApplicable(check, subject: subject, because: "not reached")
    }
    findings.problemReported = true
    return CheckFinding(
      check: check, subject: subject, state: .critical, summary: "\(what): \(problem)",
      explanation: "The session ended before this step could be checked.",
      fix: "Check that the server answers within --timeout and keeps the connection open.")
  }
}
