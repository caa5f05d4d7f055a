/// Which step of the dialogue a reply answered: the context the classifier needs.
///
/// A 550 after MAIL blames the sender, after RCPT the recipient; a 421 as the greeting means
/// "not now", after a command it means the server is hanging up (RFC 5321 sections 3.8, 4.2.5).
public enum CommandKind: String, Sendable, CaseIterable, Codable {
  /// The server's opening reply after the connection (RFC 5321 section 4.3.1, "connection
  /// establishment").
  case greeting
  case ehlo = "EHLO"
  case helo = "HELO"
  case startTLS = "STARTTLS"
  case auth = "AUTH"
  case mail = "MAIL"
  case rcpt = "RCPT"
  case data = "DATA"
  /// The final reply after the message content and its terminating `<CRLF>.<CRLF>`.
  case endOfData = "end-of-data"
  case bdat = "BDAT"
  case rset = "RSET"
  case vrfy = "VRFY"
  case expn = "EXPN"
  case help = "HELP"
  case noop = "NOOP"
  case quit = "QUIT"

  /// How the step is shown to a person: the verb, or a description for the two that are not.
  public var displayName: String {
    switch self {
    case .greeting: "the greeting"
    case .endOfData: "the end of the message data"
    default: rawValue
    }
  }

  /// Parses a verb or step name case-insensitively ("rcpt", "MAIL", "greeting", "."), or nil.
  public init?(name: String) {
    let upper = name.uppercased()
    switch upper {
    case "GREETING", "CONNECT", "BANNER": self = .greeting
    case ".", "END-OF-DATA", "DATA-END", "EOM": self = .endOfData
    default:
      guard let kind = CommandKind(rawValue: upper) else { return nil }
      self = kind
    }
  }
}
