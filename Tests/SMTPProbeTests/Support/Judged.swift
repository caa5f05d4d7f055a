@testable import SMTPProbeCore

extension SessionRecord {
  /// The probe's verdict on this session, as `ProbeJudgement` gives it.
  var verdict: Verdict { SessionJudgement.verdict(self) }
}

extension DialogueState {
  /// The probe's verdict on the dialogue so far.
  var verdict: Verdict {
    SessionJudgement.verdict(SessionRecord(plan: plan, connection: nil, facts: facts))
  }

  /// The dialogue's notes so far.
  var notes: [DialogueNote] { facts.notes }
}

extension ProbeOutcome {
  /// A server probe of `attempts`, judged as `ProbeRunner.run` would.
  static func judging(
    target: String, attempts: [HostAttempt], route: MailRoute? = nil,
    now: UnixTime = UnixTime(seconds: 1_700_000_000)
  ) -> ProbeOutcome {
    ProbeJudgement.judge(
      ProbeRecord(
        target: target, route: route, attempts: attempts,
        port: attempts.first?.port ?? 25),
      now: now)
  }
}

extension SessionRecord {
  /// This record as if the session had run over TLS described by `tls`.
  func withTLS(_ tls: TLSReport) -> SessionRecord {
    var facts = self.facts
    facts.tls = tls
    return SessionRecord(
      plan: plan, connection: connection, greetingMilliseconds: greetingMilliseconds,
      totalMilliseconds: totalMilliseconds, steps: steps, transcript: transcript,
      roundTrips: roundTrips, facts: facts)
  }
}
