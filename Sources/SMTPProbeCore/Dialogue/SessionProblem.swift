/// Why a session could not complete (verdict `incomplete`, exit 3 in DESIGN.md's probe row).
///
/// Replies are not problems: a 550 is an answer and has its own verdict. These are the cases
/// where we could not get an answer, or stopped because going on would break what was asked.
public enum SessionProblem: Hashable, Sendable, CustomStringConvertible {
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
  /// A reply without a valid three-digit code where a decision was needed.
  case unexpectedReply(to: String, code: Int)
  /// `--tls require`, and the server did not offer STARTTLS.
  case tlsNotOffered
  /// `--tls require`, and the server refused STARTTLS.
  case tlsRefused(code: Int, text: String)
  /// `--tls require` (or STARTTLS already accepted), and this build has no TLS.
  case tlsUnavailable
  /// The TLS handshake failed.
  case tlsFailed(String)
  /// The certificate is not trusted for `name` and `--tls-verify` makes that an error;
  /// `faults` are `TLSVerificationFault` names.
  case tlsUntrusted(name: String, faults: [String])
  /// An address needs SMTPUTF8 (RFC 6531) and the server does not offer it.
  case smtpUTF8NotOffered(Address)
  /// AUTH was asked for and the server does not offer it.
  case authNotOffered
  /// AUTH was asked for over a connection without TLS, and `--auth-insecure` was not given.
  case authWithoutTLS
  /// AUTH was asked for over TLS whose certificate is not trusted for `name`, and
  /// `--auth-insecure` was not given; `faults` are `TLSVerificationFault` names.
  case authUntrustedTLS(name: String, faults: [String])
  /// No usable mechanism: the one asked for is not offered, or none we speak is.
  case authImpossible(SASLError)
  /// We cancelled the exchange with `*` (RFC 4954 4) because of `reason`.
  case authCancelled(mechanism: String, reason: SASLError)
  /// A value failed validation (callers normally catch this before connecting: exit 64).
  case invalidInput(InputError)

  public var description: String {
    switch self {
    case .transport(let error):
      return error.description
    case .protocolViolation(let error):
      return "protocol violation: \(error.description)"
    case .peerClosed(let waitingFor):
      return "the server closed the connection while we waited for \(waitingFor)"
    case .notSMTP(let greeting):
      return greeting.description
    case .unsolicitedReply(let before, let line):
      // Printable ASCII only: the server's text goes into the verdict line.
      let shown =
        line.map { text in
          " (\""
            + String(
              text.unicodeScalars.prefix(60).map {
                (0x20..<0x7F).contains($0.value) ? Character($0) : "?"
              }) + "\")"
        } ?? ""
      return "the server sent a reply\(shown) before we sent \(before), when it owed none "
        + "(RFC 5321 4.2); its replies would answer the wrong commands"
    case .peerReset(let waitingFor):
      return "the server reset the connection while we waited for \(waitingFor)"
    case .outOfStep(let code, let command):
      return "the server answered \(command) with \(code), a reply to another command "
        + "(RFC 5321 4.3.2): it sent a reply out of turn and the dialogue is out of step"
    case .unexpectedReply(let to, let code):
      return "the reply to \(to) had no valid reply code (\(code)); cannot go on"
    case .tlsNotOffered:
      return "TLS required (--tls require) but the server does not offer STARTTLS; "
        + "stopped before MAIL"
    case .tlsRefused(let code, let text):
      return "TLS required (--tls require) but the server refused STARTTLS with \(code) "
        + "\(text); stopped before MAIL"
    case .tlsUnavailable:
      return "TLS required but this build of smtpprobe has no TLS support; stopped before MAIL"
    case .tlsFailed(let reason):
      return "the TLS handshake failed: \(reason)"
    case .tlsUntrusted(let name, let faults):
      return "the TLS certificate is not trusted for \(name) "
        + "(\(faults.joined(separator: ", "))) and --tls-verify makes that an error; "
        + "stopped before MAIL"
    case .smtpUTF8NotOffered(let address):
      return "\(address.mailbox) needs SMTPUTF8 (RFC 6531) but the server does not offer it; "
        + "stopped before MAIL"
    case .authNotOffered:
      return "AUTH was requested but the server does not offer AUTH; stopped before MAIL"
    case .authWithoutTLS:
      return "refusing to send credentials over a connection without TLS; stopped before AUTH "
        + "(use a server that offers STARTTLS, --tls-on-connect, or --auth-insecure to allow it)"
    case .authUntrustedTLS(let name, let faults):
      return "refusing to send credentials: the TLS certificate is not trusted for \(name) "
        + "(\(faults.joined(separator: ", "))); stopped before AUTH (fix the certificate, "
        + "pass the CA with --cafile, or --auth-insecure to send anyway)"
    case .authImpossible(let error):
      return "cannot authenticate: \(error); stopped before MAIL"
    case .authCancelled(let mechanism, let reason):
      return "AUTH \(mechanism) cancelled: \(reason); stopped before MAIL"
    case .invalidInput(let error):
      return error.description
    }
  }
}
