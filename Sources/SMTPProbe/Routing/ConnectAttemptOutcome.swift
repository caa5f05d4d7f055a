/// How one connection attempt to a mail host ended, as far as routing advice cares.
public enum ConnectAttemptOutcome: Hashable, Sendable {
  /// The TCP connection was made (whatever the server said next).
  case connected
  /// No answer at all before the deadline: packets dropped somewhere.
  case timedOut
  /// The host answered with a reset: it is up but nothing listens on the port.
  case refused
  /// No route, host or network unreachable, or another socket error.
  case failed
}
