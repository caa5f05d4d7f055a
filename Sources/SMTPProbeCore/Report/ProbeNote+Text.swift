extension ProbeNote: CustomStringConvertible {
  /// The note as one line of the probe's notes.
  public var description: String {
    switch self {
    case .text(let text):
      text
    case .nextMX(let preference, let host, let verdict):
      "MX \(preference) \(host) did not answer (\(verdict.summary));"
        + " trying the next MX, as RFC 5321 5.1 says"
    case .stoppedAfterSilentHosts(let count, let port, let remaining):
      "stopped after \(count) MX hosts timed out on port \(port);"
        + " the other \(remaining) would very likely time out too (--all-mx tries every MX)"
    }
  }
}

extension ProbeWarning: CustomStringConvertible {
  /// The warning as one line, prefixed with its host when several were tried.
  public var description: String {
    switch self {
    case .route(let text): text
    case .identity(let host, let text): Self.prefix(host) + text
    case .tls(let host, let warning): Self.prefix(host) + "TLS: " + warning.description
    }
  }

  static func prefix(_ host: String?) -> String { host.map { "\($0): " } ?? "" }
}

extension ProbeAdvice: CustomStringConvertible {
  /// The advice as one line, prefixed with its host when several were tried.
  public var description: String {
    switch self {
    case .otherProtocol(let host, let port):
      ProbeWarning.prefix(host)
        + "port \(port) answered in another protocol: SMTP listens on 25 (relay), "
        + "587 (submission) or 465 (submission over TLS); check the port"
    case .maybeSMTPS(let host, let port):
      ProbeWarning.prefix(host) + "no SMTP greeting arrived: "
        + (port == 465 ? "port 465 is SMTPS" : "the port may be SMTPS")
        + ", which expects TLS from the first byte (RFC 8314 3.3); retry with --tls-on-connect"
    case .greetingCutOff(let host):
      ProbeWarning.prefix(host)
        + "the greeting began but did not end in time: a slow or tarpitting server;"
        + " retry with a longer --greeting-timeout"
    case .greetingMayBeLate(let host):
      ProbeWarning.prefix(host)
        + "a busy or tarpitting server may greet late: retry with a longer --greeting-timeout"
    case .portBlocked(let text):
      text
    }
  }
}

extension TLSWarning: CustomStringConvertible {
  /// The warning with its fix.
  public var description: String {
    switch self {
    case .deprecatedProtocol(let version):
      "\(version) is deprecated (RFC 8996); enable TLS 1.2 or 1.3 in the MTA."
    case .fault(let fault):
      "\(fault.explanation) Fix: \(fault.fix)"
    case .expiresSoon(let days):
      "The certificate expires in \(days) day\(days == 1 ? "" : "s"). "
        + "Fix: \(TLSVerificationFault.expired.fix)"
    }
  }
}
