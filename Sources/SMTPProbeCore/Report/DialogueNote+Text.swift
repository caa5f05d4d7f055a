extension DialogueNote: CustomStringConvertible {
  /// The note as one line of the session's notes.
  public var description: String {
    switch self {
    case .heloFallback(let code):
      "EHLO refused with \(code); falling back to HELO (RFC 5321 4.1.4)"
    case .startTLSUnavailable:
      "STARTTLS offered, but this build has no TLS; continuing without TLS"
    case .startTLSUnknownAfterHELO:
      "HELO lists no extensions, so STARTTLS cannot be used; continuing without TLS"
    case .startTLSNotOffered:
      "the server does not offer STARTTLS; continuing without TLS"
    case .startTLSRefused(let reply):
      "STARTTLS refused with \(reply.code) \(reply.text); continuing without TLS (--tls auto)"
    case .authWithoutTLSAllowed:
      "sending credentials without TLS, as allowed by --auth-insecure"
    case .authUntrustedTLSAllowed:
      "sending credentials over TLS with an untrusted certificate, as allowed by "
        + "--auth-insecure"
    case .sizeOverLimit(let octets, let limit):
      "the message is \(octets) bytes; the server's SIZE limit is \(limit) "
        + "(RFC 1870): sending MAIL with SIZE=\(octets) but never the message"
    case .malformedSize(let value):
      "the server's SIZE value \"\(value)\" is not a number of octets (RFC 1870 4); "
        + "its limit is unknown"
    case .eightBitWithout8BITMIME:
      "the message has 8-bit bytes but the server does not offer 8BITMIME"
    case .dataWithoutRecipients:
      "DATA got 354 although no recipient was accepted; sent an empty message to end it"
    case .resetRefused(let code):
      "RSET got \(code); ending the session anyway"
    case .noReplyToQuit(let error):
      "no reply to QUIT: \(error)"
    case .ignoredReply(let reply):
      "ignored an unexpected reply: \(reply.lines.first ?? "")"
    case .messageLinesTooLong(let count, let firstLine):
      "the message has \(count) line\(count == 1 ? "" : "s") longer than 1000 octets "
        + "(first: line \(firstLine)); RFC 5321 4.5.3.1.6 allows 1000 with the CRLF, and "
        + "servers refuse or fold longer ones: wrap them, or use quoted-printable or base64"
    case .messageNULOctets(let count, let firstLine):
      "the message has \(count) NUL byte\(count == 1 ? "" : "s") (first: line \(firstLine)); "
        + "a message body may hold none (RFC 5322 2.3): encode binary content as base64"
    }
  }
}
