/// How one connection attempt to a mail host ended, as far as routing advice cares.
public enum ConnectAttemptOutcome: Hashable, Sendable {
  /// The TCP connection was made (whatever the server said next).
  case connected
  /// No answer at all before the deadline: packets dropped somewhere.
  case timedOut
  /// The host answered with a reset: it is up but nothing listens on the port.
  case refused
  /// This machine has no route to that network at all (`ENETUNREACH`, `EAFNOSUPPORT`): typically
  /// an IPv6 address tried from a host with IPv4 only. It says nothing about port 25.
  case noRoute
  /// Host unreachable or another socket error.
  case failed

  /// Whether the attempt fits "packets to port 25 vanish": a time-out, or an address family this
  /// machine cannot reach at all.
  package var isSilent: Bool { self == .timedOut || self == .noRoute }
}
