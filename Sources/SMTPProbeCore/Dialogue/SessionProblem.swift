/// Why a session could not complete (status `incomplete`, exit 3 in DESIGN.md's probe row).
///
/// Replies are not problems: a 550 is an answer and has its own verdict. These are the cases
/// where we could not get an answer, or stopped because going on would break what was asked.
public enum SessionProblem: Hashable, Sendable {
  /// A transport failure, a timeout included (named by what we waited for).
  case transport(TransportError)
  /// The server sent more than any honest server would (ReplyParser's hard bounds).
  case protocolViolation(ReplyParserError)
  /// The peer closed while we waited for `waitingFor` ("the reply to RCPT TO").
  case peerClosed(waitingFor: String)
  /// The first line came from another protocol (HTTP, SSH, POP3, IMAP) or had no reply code.
  case notSMTP(ForeignGreeting)
  /// The server sent a reply (first line `line`, when complete) before `before` was sent,
  /// when it owed none.
  case unsolicitedReply(before: String, line: String?)
  /// The peer reset the connection (TCP RST) while we waited for `waitingFor`.
  case peerReset(waitingFor: String)
  /// A reply whose code belongs to another command (a 220 to EHLO): the replies are out of
  /// step with the commands, so none after it can be trusted.
  case outOfStep(code: Int, command: String)
  /// A reply whose code changed between its lines, `from` on the first, `to` on the last
  /// (RFC 5321 4.2.1 allows one code per reply), answering `answering` ("the greeting").
  case codeChanged(from: Int, to: Int, answering: String)
  /// A reply without a valid three-digit code where a decision was needed.
  case unexpectedReply(to: String, code: Int)
  /// `--tls require`, and the server did not offer STARTTLS.
  case tlsNotOffered
  /// `--tls require`, and the server refused STARTTLS.
  case tlsRefused(code: Int, text: String)
  /// `--tls require` (or STARTTLS already accepted), and this build has no TLS.
  case tlsUnavailable
  /// The TLS handshake failed.
  case tlsFailed(TLSFailure)
  /// The certificate is not trusted for `name` and `--tls-verify` makes that an error.
  case tlsUntrusted(name: String, faults: [TLSVerificationFault])
  /// An address needs SMTPUTF8 (RFC 6531) and the server does not offer it.
  case smtpUTF8NotOffered(Address)
  /// AUTH was asked for and the server does not offer it.
  case authNotOffered
  /// AUTH was asked for over a connection without TLS, and `--auth-insecure` was not given.
  case authWithoutTLS
  /// AUTH was asked for over TLS whose certificate is not trusted for `name`, and
  /// `--auth-insecure` was not given.
  case authUntrustedTLS(name: String, faults: [TLSVerificationFault])
  /// No usable mechanism: the one asked for is not offered, or none we speak is.
  case authImpossible(SASLError)
  /// We cancelled the exchange with `*` (RFC 4954 4) because of `reason`.
  case authCancelled(mechanism: String, reason: SASLError)
  /// A value failed validation (callers normally catch this before connecting: exit 64).
  case invalidInput(InputError)
  /// The message file could not be read while it was being sent; the connection was closed
  /// without the final `.`, so nothing was delivered.
  case messageUnreadable(MessageSourceError)
}
