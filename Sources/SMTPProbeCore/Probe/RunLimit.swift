/// The whole run's deadline (`--max-time`): every wait is bounded by it as well as by its own.
///
/// A server that answers each command just inside the per-reply timeout could otherwise
/// stretch a session to commands × timeout. Each connect, read, write, handshake and DNS
/// exchange waits until the earlier of its own deadline and this one.
public struct RunLimit: Hashable, Sendable {
  /// When the run must end, on the monotonic clock.
  public let deadline: Deadline
  /// The limit as given, for messages ("--max-time 5 s").
  public let seconds: Double

  public init(deadline: Deadline, seconds: Double) {
    self.deadline = deadline
    self.seconds = seconds
  }

  /// A limit of `seconds` starting now on `clock`.
  public static func starting(seconds: Double, on clock: some MonotonicClock) -> RunLimit {
    RunLimit(deadline: .after(seconds: seconds, on: clock), seconds: seconds)
  }

  /// The earlier of `own` and the run's deadline.
  public func bound(_ own: Deadline) -> Deadline { min(own, deadline) }

  /// Seconds left until the run's deadline, 0 once it has passed.
  public func remainingSeconds(on clock: some MonotonicClock) -> Double {
    let now = clock.nowNanoseconds()
    guard now < deadline.nanoseconds else { return 0 }
    return Double(deadline.nanoseconds - now) / 1_000_000_000
  }

  /// Whether the run's deadline has passed.
  public func isReached(on clock: some MonotonicClock) -> Bool {
    clock.nowNanoseconds() >= deadline.nanoseconds
  }
}
