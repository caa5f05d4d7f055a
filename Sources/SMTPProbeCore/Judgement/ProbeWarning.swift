/// A warning about the probed domain or host that did not decide the verdict.
public enum ProbeWarning: Hashable, Sendable {
  /// The route's own warning (a CNAME or IP literal MX, RFC 5321 5.1, RFC 2181 10.3).
  case route(String)
  /// An identity check's warning (PTR, FCrDNS, greeting name) for `host` (nil: the only one).
  case identity(host: String?, String)
  /// Something about TLS on `host` (nil: the only one).
  case tls(host: String?, TLSWarning)
}

/// Advice for a probe that met no SMTP server, from how its sessions ended.
public enum ProbeAdvice: Hashable, Sendable {
  /// `port` answered in another protocol (HTTP, SSH, POP3, IMAP).
  case otherProtocol(host: String?, port: Int)
  /// No greeting arrived on `port`: it may be SMTPS, which expects TLS from the first byte
  /// (RFC 8314 3.3).
  case maybeSMTPS(host: String?, port: Int)
  /// The greeting began but did not end before the timeout: a slow or tarpitting server.
  case greetingCutOff(host: String?)
  /// A busy or tarpitting server may greet late (RFC 5321 4.5.3.2.1 gives it 5 minutes).
  case greetingMayBeLate(host: String?)
  /// Every connection timed out: outbound port 25 is likely blocked (worded by the route).
  case portBlocked(String)
}
