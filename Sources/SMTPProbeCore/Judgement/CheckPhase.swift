/// A timed phase of a check session, named as `--phase-warn PHASE=SECONDS` names it.
///
/// Each is measured from sending the command (or opening the socket) to its complete reply;
/// `greeting` runs from the connection to the 220 (RFC 5321 4.5.3.2.1 gives it 5 minutes, a
/// tarpit uses that to slow clients down).
public enum CheckPhase: String, Hashable, Sendable, CaseIterable {
  case connect
  case greeting
  case ehlo
  case tls
  case mail
  case rcpt
}
