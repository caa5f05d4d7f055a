/// A first line that shows the port speaks another protocol than SMTP.
///
/// RFC 5321 3.1 and 4.2: an SMTP server opens with a reply line that starts with a three-digit
/// code. A web server answers a stray line with `HTTP/1.1 400 Bad Request`, an SSH daemon opens
/// with `SSH-2.0-…` (RFC 4253 4.2), a POP3 server with `+OK` (RFC 1939 4), an IMAP server with
/// `* OK` (RFC 9051 7.1). None of these is a reply, even if a number can be found in it.
public struct ForeignGreeting: Hashable, Sendable {
  /// The protocol recognised ("HTTP", "SSH", "POP3", "IMAP"), or nil when only the missing
  /// reply code says it is not SMTP.
  public var service: String?
  /// The first line as received.
  public var line: String

  /// Recognises a greeting that is not an SMTP reply; nil for a greeting with a reply code at
  /// the start of its first line, however odd the rest.
  public init?(_ reply: Reply) {
    let first = reply.lines.first ?? ""
    let upper = first.uppercased()
    let known: [(prefix: String, service: String)] = [
      ("HTTP/", "HTTP"), ("SSH-", "SSH"), ("+OK", "POP3"), ("-ERR", "POP3"), ("* OK", "IMAP"),
      ("* BYE", "IMAP"), ("* PREAUTH", "IMAP"),
    ]
    service = known.first { upper.hasPrefix($0.prefix) }?.service
    let codeAtStart = !reply.violations.contains { violation in
      switch violation {
      case .textBeforeCode(line: 0), .missingCode(line: 0): true
      default: false
      }
    }
    guard service != nil || !codeAtStart || reply.replyClass == nil else { return nil }
    line = first
  }

  /// What the port speaks: "this port speaks HTTP, not SMTP".
  public var summary: String {
    service.map { "this port speaks \($0), not SMTP" } ?? "this port does not speak SMTP"
  }

  /// The greeting step's diagnosis, in place of a reading of a number in the line as a reply
  /// code (HTTP's 400 is not a temporary refusal): category `other`, no reply class, retry
  /// after checking the port.
  public var diagnosis: Diagnosis {
    let what =
      service.map { "The first line is \($0)'s, not an SMTP reply" }
      ?? "The first line does not start with a reply code"
    return Diagnosis(
      replyClass: nil, category: .other, summary: summary,
      explanation: what
        + ": an SMTP server opens with a three-digit reply code (RFC 5321 4.2), so any number "
        + "in this line is not an SMTP code.",
      fix: "Check the port: SMTP listens on 25 (relay), 587 (submission) or 465 (submission "
        + "over TLS).",
      retry: .afterFix,
      evidence: [
        Evidence(
          kind: .context, value: "greeting",
          detail: service.map { "the line opens like a \($0) message" }
            ?? "the line has no reply code at its start")
      ])
  }

  /// One line for the verdict: what came, and what it means.
  public var description: String {
    // Printable ASCII only: the line goes into the verdict as it is.
    let printable = String(
      line.unicodeScalars.prefix(60).map { (0x20..<0x7F).contains($0.value) ? Character($0) : "?" })
    let shown = printable + (line.unicodeScalars.count > 60 ? "..." : "")
    return "the first line \"\(shown)\" is not an SMTP greeting: \(summary)"
  }
}
