/// How long the driver waits, and how it names a wait that ended early.
extension SessionDriver {
  /// Seconds to wait for the reply of `kind`: `--greeting-timeout` for the greeting, the DATA
  /// termination timeout for the reply to the final `.` (RFC 5321 4.5.3.2.6), else `--timeout`.
  func replyTimeout(for kind: CommandKind) -> Double {
    switch kind {
    case .greeting: plan.greetingTimeout
    case .endOfData: plan.dataTerminationTimeout
    default: plan.timeout
    }
  }

  /// A timeout or an interrupted wait renamed for `phase`: the run's limit when that is what
  /// passed, the user's signal when one came, else the step's own timeout.
  func rename(_ error: TransportError, phase: String, seconds: Double) -> TransportError {
    switch error {
    case .interrupted:
      return .interrupted(phase: phase)
    case .timedOut:
      if cancellation.isRequested() { return .interrupted(phase: phase) }
      if let runLimit, runLimit.isReached(on: clock) {
        return .runTimeLimit(phase: phase, seconds: runLimit.seconds)
      }
      return .timedOut(phase: phase, seconds: seconds)
    default:
      return error
    }
  }

  /// Names a timeout by the reply we waited for: "the reply to RCPT TO", "the greeting".
  func rename(_ error: TransportError, waitingFor command: Command?) -> TransportError {
    guard let command else {
      return rename(error, phase: "the greeting", seconds: plan.greetingTimeout)
    }
    return rename(
      error, phase: "the reply to \(command.displayName)",
      seconds: replyTimeout(for: command.kind))
  }

  /// Names a timeout while writing: "the server to take RCPT TO".
  func rename(_ error: TransportError, sending command: Command?) -> TransportError {
    rename(
      error, phase: "the server to take \(command?.displayName ?? "our command")",
      seconds: plan.timeout)
  }
}
