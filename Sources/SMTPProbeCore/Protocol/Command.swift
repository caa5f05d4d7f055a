/// One SMTP command as a value: it renders itself to the wire and to a redacted transcript line.
///
/// Arguments are validated before a command is built (`WireValidation`, `Address`), so the
/// rendering here only joins them (STYLE rule 5). Verbs and syntax are RFC 5321 4.1.1; STARTTLS
/// is RFC 3207, AUTH RFC 4954.
public enum Command: Hashable, Sendable {
  /// `EHLO name` (RFC 5321 4.1.1.1).
  case ehlo(String)
  /// `HELO name`, the fallback when EHLO is refused (RFC 5321 4.1.1.1, 3.2).
  case helo(String)
  /// `MAIL FROM:<path> params`; a nil sender is the null reverse-path `<>` (RFC 5321 4.1.1.2).
  case mail(from: Address?, parameters: [String])
  /// `RCPT TO:<path> params` (RFC 5321 4.1.1.3).
  case rcpt(to: Address, parameters: [String])
  /// `DATA` (RFC 5321 4.1.1.4).
  case data
  /// The message content after 354: dot-stuffed and ending in `.` CRLF (RFC 5321 4.5.2).
  case content(MessageBody)
  /// `RSET`: abort the mail transaction (RFC 5321 4.1.1.5).
  case rset
  /// `NOOP` (RFC 5321 4.1.1.9).
  case noop
  /// `QUIT` (RFC 5321 4.1.1.10).
  case quit
  /// `STARTTLS` (RFC 3207 4).
  case startTLS
  /// `AUTH mechanism [initial-response]` (RFC 4954 4); the response is already base64.
  case auth(mechanism: String, initialResponse: Secret?)
  /// A base64 line answering a 334 challenge, or `*` to cancel (RFC 4954 4).
  case authContinuation(Secret)
  /// `*`: cancels the exchange after a challenge we cannot answer; the server replies 501
  /// (RFC 4954 4).
  case authCancel
  /// `VRFY string` (RFC 5321 4.1.1.6).
  case vrfy(String)
  /// `HELP [topic]` (RFC 5321 4.1.1.8).
  case help(String?)
  /// `MAIL FROM:<raw>` with a path sent byte for byte and no parameters (RFC 5321 4.1.1.2).
  case mailRaw(RawPath)
  /// `RCPT TO:<raw>` with a path sent byte for byte and no parameters (RFC 5321 4.1.1.3).
  case rcptRaw(RawPath)

  /// MAIL FROM for `path` (nil: the null reverse-path `<>`); parameters go only with a mailbox.
  public static func mail(path: EnvelopePath?, parameters: [String]) -> Command? {
    switch path {
    case nil: .mail(from: nil, parameters: parameters)
    case .address(let address)?: .mail(from: address, parameters: parameters)
    case .raw(let raw)?: .mailRaw(raw)
    case .atServerAddress?: nil
    }
  }

  /// RCPT TO for `path`; nil for a path still waiting for the server's address.
  public static func rcpt(path: EnvelopePath) -> Command? {
    switch path {
    case .address(let address): .rcpt(to: address, parameters: [])
    case .raw(let raw): .rcptRaw(raw)
    case .atServerAddress: nil
    }
  }

  /// The dialogue step whose reply answers this command, for the classifier.
  public var kind: CommandKind {
    switch self {
    case .ehlo: .ehlo
    case .helo: .helo
    case .mail, .mailRaw: .mail
    case .rcpt, .rcptRaw: .rcpt
    case .data: .data
    case .content: .endOfData
    case .rset: .rset
    case .noop: .noop
    case .quit: .quit
    case .startTLS: .startTLS
    case .auth, .authContinuation, .authCancel: .auth
    case .vrfy: .vrfy
    case .help: .help
    }
  }

  /// The bytes to write, CRLF included.
  public func wireBytes() -> [UInt8] {
    switch self {
    case .content(let body):
      return body.wire
    case .auth(let mechanism, let initialResponse?):
      let response = initialResponse.isEmpty ? "=" : initialResponse.revealedString
      return Array("AUTH \(mechanism) \(response)\r\n".utf8)
    case .authContinuation(let secret):
      return Array((secret.revealedString + "\r\n").utf8)
    default:
      return Array((transcriptLine + "\r\n").utf8)
    }
  }

  /// The line as the transcript shows it: AUTH data as `<redacted>`, the message content as a
  /// one-line summary.
  public var transcriptLine: String {
    switch self {
    case .ehlo(let name): return "EHLO \(name)"
    case .helo(let name): return "HELO \(name)"
    case .mail(let from, let parameters):
      return (["MAIL FROM:\(from?.path ?? "<>")"] + parameters).joined(separator: " ")
    case .rcpt(let to, let parameters):
      return (["RCPT TO:\(to.path)"] + parameters).joined(separator: " ")
    case .data: return "DATA"
    case .content(let body): return body.transcriptSummary
    case .rset: return "RSET"
    case .noop: return "NOOP"
    case .quit: return "QUIT"
    case .startTLS: return "STARTTLS"
    case .auth(let mechanism, let initialResponse):
      return initialResponse == nil ? "AUTH \(mechanism)" : "AUTH \(mechanism) \(Secret.redacted)"
    case .authContinuation: return Secret.redacted
    case .authCancel: return "*"
    case .vrfy(let argument): return "VRFY \(argument)"
    case .help(let topic?): return "HELP \(topic)"
    case .help(nil): return "HELP"
    case .mailRaw(let raw): return "MAIL FROM:\(raw.path)"
    case .rcptRaw(let raw): return "RCPT TO:\(raw.path)"
    }
  }

  /// How a person names the command in a sentence ("RCPT TO", "the end of the message data").
  public var displayName: String {
    switch self {
    case .mail, .mailRaw: "MAIL FROM"
    case .rcpt, .rcptRaw: "RCPT TO"
    default: kind.displayName
    }
  }
}
