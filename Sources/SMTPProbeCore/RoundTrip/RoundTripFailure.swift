/// Why the round trip's IMAP session could not look for the message; one line each.
public enum RoundTripFailure: Error, Hashable, Sendable, CustomStringConvertible {
  case connect(ConnectFailure)
  case tls(reason: String)
  case transport(TransportError)
  case parse(IMAPParseError)
  /// The greeting was `* BYE` (RFC 9051 7.1.5).
  case greetingRefused(text: String)
  /// `imap://` and no STARTTLS capability: the password would go in clear.
  case startTLSNotOffered
  case startTLSRefused(text: String)
  /// The certificate did not verify; the password was not sent (the fault names).
  case untrustedCertificate(faults: [String])
  /// LOGINDISABLED and no AUTH=PLAIN (RFC 9051 6.2.3).
  case loginDisabled
  case loginRefused(text: String)
  case selectRefused(mailbox: String, text: String)
  case commandRefused(command: String, text: String)
  /// The server ended the session (`* BYE`) while `phase` was waited for.
  case bye(text: String)

  public var description: String {
    switch self {
    case .connect(let failure): failure.description
    case .tls(let reason): "the TLS handshake failed: \(reason)"
    case .transport(let error): error.description
    case .parse(let error): error.description
    case .greetingRefused(let text): "the server refused the session: * BYE \(text)"
    case .startTLSNotOffered:
      "the server does not offer STARTTLS, and the password is never sent in clear"
    case .startTLSRefused(let text): "STARTTLS refused: \(text)"
    case .untrustedCertificate(let faults):
      "the certificate did not verify (\(faults.joined(separator: ", "))), so the password"
        + " was not sent"
    case .loginDisabled: "the server disables LOGIN and offers no AUTH=PLAIN"
    case .loginRefused(let text): "login refused: \(text)"
    case .selectRefused(let mailbox, let text): "SELECT \(mailbox) refused: \(text)"
    case .commandRefused(let command, let text): "\(command) refused: \(text)"
    case .bye(let text): "the server ended the session: * BYE \(text)"
    }
  }
}
