/// The probe's reading of one session record: its status and the finding it rests on.
///
/// A problem makes it `incomplete`; otherwise the first permanent refusal decides (exit 1),
/// else the first transient one (exit 2), else `ok`. A message over the server's SIZE limit is
/// a permanent failure even when every reply was positive: it was not sent (RFC 1870 6).
public enum SessionJudgement {
  public static func verdict(_ record: SessionRecord) -> Verdict {
    let facts = record.facts
    if let problem = facts.problem {
      return Verdict(status: .incomplete, finding: .problem(problem))
    }
    let plan = record.plan
    let tally = recipientTally(record)
    let refusal =
      facts.refusals.first { $0.reply.replyClass != .transientNegative }
      ?? facts.refusals.first
    if let refusal {
      var finding = SessionFinding(
        refusal: refusal, recipients: tally, oversize: facts.oversize,
        messageAccepted: facts.messageAccepted, queueID: facts.queueID)
      if !facts.messageAccepted, plan.message != .none, let stage = plan.quitAfter,
        !plan.continues(after: .rcpt)
      {
        finding.stoppedBeforeMessage = stage
      }
      return Verdict(
        status: refusal.reply.replyClass == .transientNegative
          ? .transientFailure : .permanentFailure,
        finding: .session(finding), decisiveCommand: refusal.kind, decisiveReply: refusal.reply)
    }
    if let oversize = facts.oversize {
      return Verdict(
        status: .permanentFailure,
        finding: .session(SessionFinding(recipients: tally, oversize: oversize)))
    }
    let finding = SessionFinding(
      recipients: tally, messageAccepted: facts.messageAccepted, queueID: facts.queueID,
      authenticated: facts.auth?.authenticated == true ? facts.auth : nil,
      stoppedAfter: plan.quitAfter, authSkipped: plan.quitAfter == .auth && plan.auth == nil)
    return Verdict(status: .ok, finding: .session(finding))
  }

  /// Accepted of answered, and how many a 421 or a close left without an answer.
  private static func recipientTally(_ record: SessionRecord) -> RecipientTally? {
    let recipients = record.facts.recipients
    guard !recipients.isEmpty else { return nil }
    let unanswered = record.plan.addressRecipients.count - recipients.count
    return RecipientTally(
      accepted: recipients.filter(\.accepted).count, answered: recipients.count,
      unanswered: unanswered > 0 && record.plan.continues(after: .mail) ? unanswered : 0)
  }
}
