/// One IMAP command a round trip sends, rendered to the wire with its tag and to a
/// transcript line in which credentials are `<redacted>`.
///
/// Strings are sent as quoted strings when they hold only printable ASCII (RFC 9051 4.3,
/// `quoted`, with `"` and `\` escaped) and as literals otherwise; a literal is synchronising
/// (`{n}`: the server must answer `+` before its octets follow) unless the server announced
/// LITERAL+ (RFC 7888), when `{n+}` lets the whole command go in one write.
public struct IMAPCommand: Hashable, Sendable {
  /// The pieces to write: the first at once, each later one after a `+` continuation.
  public var pieces: [[UInt8]]
  /// The command as a transcript shows it, without the tag.
  public var transcript: String

  /// An argument of a command.
  public enum Argument: Hashable, Sendable {
    /// An atom or other text sent as is (`INBOX`, `(\Deleted)`, `1:*`).
    case atom(String)
    /// A string, quoted or sent as a literal.
    case string(String)
    /// A secret string: never in the transcript.
    case secret(Secret)
    /// A secret atom sent as is (a base64 SASL response, RFC 4959): never in the transcript.
    case secretAtom(Secret)
  }

  /// `tag NAME arguments…` CRLF, with literals when a string needs one.
  public init(tag: String, _ name: String, _ arguments: [Argument] = [], literalPlus: Bool) {
    var pieces: [[UInt8]] = []
    var current = Array("\(tag) \(name)".utf8)
    var transcript = name
    for argument in arguments {
      current.append(0x20)
      transcript += " "
      switch argument {
      case .atom(let text):
        current += Array(text.utf8)
        transcript += text
      case .string(let text):
        let bytes = Array(text.utf8)
        transcript += Self.quotable(bytes) ? Self.quoted(bytes) : "{\(bytes.count)}"
        Self.append(bytes, to: &current, pieces: &pieces, literalPlus: literalPlus)
      case .secretAtom(let secret):
        transcript += Secret.redacted
        secret.withRevealedBytes { current += $0 }
      case .secret(let secret):
        transcript += Secret.redacted
        secret.withRevealedBytes { bytes in
          Self.append(bytes, to: &current, pieces: &pieces, literalPlus: literalPlus)
        }
      }
    }
    current += [0x0D, 0x0A]
    pieces.append(current)
    self.pieces = pieces
    self.transcript = transcript
  }

  /// A line sent in answer to a continuation (a SASL response, RFC 9051 6.2.2), redacted.
  public init(saslResponse: Secret) {
    pieces = [saslResponse.withRevealedBytes { $0 } + [0x0D, 0x0A]]
    transcript = Secret.redacted
  }

  /// Whether `bytes` can go as a quoted string: printable ASCII only, at most 1000 octets.
  static func quotable(_ bytes: [UInt8]) -> Bool {
    bytes.count <= 1000 && bytes.allSatisfy { (0x20...0x7E).contains($0) }
  }

  /// `"…"` with `"` and `\` escaped (RFC 9051 4.3 `quoted-specials`).
  static func quoted(_ bytes: [UInt8]) -> String {
    var out = "\""
    for byte in bytes {
      if byte == 0x22 || byte == 0x5C { out += "\\" }
      out.unicodeScalars.append(Unicode.Scalar(byte))
    }
    return out + "\""
  }

  private static func append(
    _ bytes: [UInt8], to current: inout [UInt8], pieces: inout [[UInt8]], literalPlus: Bool
  ) {
    if quotable(bytes) {
      current += Array(quoted(bytes).utf8)
    } else if literalPlus {
      current += Array("{\(bytes.count)+}\r\n".utf8) + bytes
    } else {
      current += Array("{\(bytes.count)}\r\n".utf8)
      pieces.append(current)
      current = bytes
    }
  }
}
