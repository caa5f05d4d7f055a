import SMTPProbeCore
import SMTPProbePOSIX

/// `check --roundtrip`: after a submission target's test message was accepted, wait for it in
/// the `--imap` mailbox and judge its arrival and headers.
extension CheckCommand {
  /// What a submission target's round trip needs besides the token, which only the session
  /// knows.
  struct RoundTripPlan: Sendable {
    /// The request with an empty token.
    var request: RoundTripRequest
    var limits: RoundTripLimits
    /// `--cafile` for the IMAP server's certificate.
    var caFile: String?
  }

  /// The plan of every submission target, the IMAP password read once.
  func roundTripPlan(environment: Environment) throws(ProbeCommand.InputProblem) -> RoundTripPlan? {
    guard let roundTrip = options.roundTrip else { return nil }
    let password: Secret
    do throws(PasswordSource.Problem) {
      password = try IMAPPassword.read(file: roundTrip.passwordFile, environment: environment)
    } catch {
      throw ProbeCommand.InputProblem(message: error.description)
    }
    let request = RoundTripRequest(
      mailbox: roundTrip.mailbox, password: password, token: "",
      arrivalTimeout: roundTrip.timeout.value, commandTimeout: options.connection.timeout.value,
      connectTimeout: options.connection.connectTimeout.value)
    return RoundTripPlan(
      request: request, limits: roundTrip.limits, caFile: options.connection.cafile)
  }

  /// The round trip's findings for the submission session in `record`.
  ///
  /// The session ended at `finished` (monotonic nanoseconds); skipped when no test message
  /// was accepted. The IMAP connection goes through `connector`, the target's (`--proxy` too).
  static func roundTrip(
    _ plan: RoundTripPlan, after record: ProbeRecord, finished: UInt64, judgement: CheckJudgement,
    connector: any Connector
  ) -> [CheckFinding] {
    guard let session = record.sessions.last, session.messageAccepted,
      case .testMessage(let unixTime, let random) = session.plan.message,
      let accepted = session.steps.last(where: { $0.command == .endOfData })
    else {
      return [.notApplicable(.arrival, because: "no test message was accepted to wait for")]
    }
    var request = plan.request
    request.token = TestMessage.token(unixTime: unixTime, random: random)
    // The session went on after the 250 to the message (QUIT): count from the 250.
    let after = UInt64(max(0, session.totalMilliseconds - accepted.atMilliseconds)) * 1_000_000
    let since = finished > after ? finished - after : 0
    let runner = RoundTripRunner(
      connector: connector,
      tls: OpenSSLUpgrader(configuration: TLSConfiguration(caFile: plan.caFile)),
      clock: SystemClock(), pause: { PollPause.wait(seconds: $0) })
    return judgement.roundTripFindings(runner.run(request, since: since), limits: plan.limits)
  }
}
