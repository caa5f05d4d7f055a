/// The one-line sentence for each problem: the verdict's summary when a session could not
/// complete.
extension SessionProblem: CustomStringConvertible {
  public var description: String {
    switch self {
    case .transport(let error):
      return error.description
    case .protocolViolation(let error):
      return "protocol violation: \(error.description)"
    case .peerClosed(let waitingFor):
      return "the server closed the connection while we waited for \(waitingFor)"
    case .notSMTP(let greeting):
      return "the first line \"\(UntrustedText.quoted(greeting.line, limit: 60))\" is not an "
        + "SMTP greeting: \(greeting.summary)"
    case .unsolicitedReply(let before, let line):
      let shown = line.map { " (\"\(UntrustedText.quoted($0, limit: 60))\")" } ?? ""
      return "the server sent a reply\(shown) before we sent \(before), when it owed none "
        + "(RFC 5321 4.2); its replies would answer the wrong commands"
    case .peerReset(let waitingFor):
      return "the server reset the connection while we waited for \(waitingFor)"
    case .outOfStep(let code, let command):
      return "the server answered \(command) with \(code), a reply to another command "
        + "(RFC 5321 4.3.2): it sent a reply out of turn and the dialogue is out of step"
    case .codeChanged(let from, let to, let answering):
      return "protocol violation: the reply to \(answering) changed its code from \(from) to "
        + "\(to) between lines (RFC 5321 4.2.1 allows one code per reply); its last line, "
        + "\(to), is taken as the answer and the dialogue stops"
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
    case .tlsFailed(let failure):
      return "the TLS handshake failed: \(failure)"
    case .tlsUntrusted(let name, let faults):
      return "the TLS certificate is not trusted for \(name) "
        + "(\(faults.map(\.name).joined(separator: ", "))) and --tls-verify makes that an error; "
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
        + "(\(faults.map(\.name).joined(separator: ", "))); stopped before AUTH (fix the certificate, "
        + "pass the CA with --cafile, or --auth-insecure to send anyway)"
    case .authImpossible(let error):
      return "cannot authenticate: \(error); stopped before MAIL"
    case .authCancelled(let mechanism, let reason):
      return "AUTH \(mechanism) cancelled: \(reason); stopped before MAIL"
    case .invalidInput(let error):
      return error.description
    case .messageUnreadable(let error):
      return "\(error) while sending it; closed the connection without the final \".\", "
        + "so the server discards the message"
    }
  }
}

extension TLSFailure: CustomStringConvertible {
  /// Why TLS did not come up, as the end of "the TLS handshake failed: ...".
  public var description: String {
    switch self {
    case .unsupported:
      "this build has no TLS support"
    case .bytesBeforeHandshake(let count):
      "the server sent \(count) bytes after its 220 to STARTTLS, before the handshake "
        + "(a command-injection sign); not upgrading"
    case .handshake(let reason):
      reason
    }
  }
}
