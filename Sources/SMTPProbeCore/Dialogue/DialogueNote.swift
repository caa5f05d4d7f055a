/// Something the dialogue did or met that did not decide the outcome.
///
/// A fallback, a choice the user allowed, a reply it worked around. Renderers put it into
/// words.
public enum DialogueNote: Hashable, Sendable {
  /// EHLO was refused with `code`, so HELO was sent instead (RFC 5321 4.1.4, 3.2).
  case heloFallback(code: Int)
  /// The server offers STARTTLS but this build cannot run a TLS handshake.
  case startTLSUnavailable
  /// The server answered HELO, which lists no extensions, so STARTTLS cannot be used.
  case startTLSUnknownAfterHELO
  /// The server does not offer STARTTLS (RFC 3207 4); the session went on in clear.
  case startTLSNotOffered
  /// STARTTLS got `reply` (not 220) with `--tls auto`; the session went on in clear.
  case startTLSRefused(Reply)
  /// Credentials went over a connection without TLS, as `--auth-insecure` allows.
  case authWithoutTLSAllowed
  /// Credentials went over TLS with an untrusted certificate, as `--auth-insecure` allows.
  case authUntrustedTLSAllowed
  /// The message is `octets` bytes, over the server's SIZE `limit` (RFC 1870 6): MAIL carried
  /// SIZE=octets, the message itself was never sent.
  case sizeOverLimit(octets: Int, limit: Int)
  /// The server's SIZE parameter is not a number of octets (RFC 1870 4), so its limit is
  /// unknown.
  case malformedSize(String)
  /// The message has 8-bit bytes and the server does not offer 8BITMIME (RFC 6152).
  case eightBitWithout8BITMIME
  /// DATA got 354 although no recipient was accepted (RFC 2920 3.1): an empty message ended it.
  case dataWithoutRecipients
  /// RSET got `code` instead of 250; the session ended anyway.
  case resetRefused(code: Int)
  /// QUIT got no reply (`error`): servers often close at once, and nothing was lost.
  case noReplyToQuit(TransportError)
  /// A reply arrived when the dialogue expected none and was ignored.
  case ignoredReply(Reply)
  /// `count` lines of the message, the first at line `firstLine`, are longer than 1,000
  /// octets with their CRLF (RFC 5321 4.5.3.1.6); they went out as they are.
  case messageLinesTooLong(count: Int, firstLine: Int)
  /// The message holds `count` NUL octets, the first on line `firstLine` (RFC 5322 2.3 admits
  /// none); they went out as they are.
  case messageNULOctets(count: Int, firstLine: Int)
}
