/// The answer to "will this address accept mail?"; raw values are DESIGN.md's JSON strings.
public enum VerifyVerdict: String, Sendable, CaseIterable, Hashable {
  /// Accepted at RCPT by a server that is not a catch-all.
  case deliverable
  /// A permanent refusal that names the mailbox or the domain, or an address no one can have.
  case undeliverable
  /// Accepted but uncertain (catch-all, role account, disposable), or a mailbox that exists
  /// but does not take mail now (full, greylisted past the wait).
  case risky
  /// We could not tell: the server refused the prober, did not answer, or said nothing about
  /// the address.
  case unknown
}

/// Whether the domain accepts mail for any local part; raw values are DESIGN.md's strings.
public enum CatchAllState: String, Sendable, CaseIterable, Hashable {
  /// A random local part was accepted.
  case yes
  /// A random local part was refused with a 5xx that names the mailbox.
  case no
  /// The random probe got a 4xx, "too many recipients", a refusal that is not about the
  /// mailbox, or the session dropped: it says nothing either way.
  case inconclusive
  /// No probe was made (`--catch-all skip`, or the real address was not accepted).
  case notRun = "not-run"
}

/// Why a verdict was given: a diagnosis category or one of verify's own reasons (DESIGN.md).
public enum VerifyReason: Hashable, Sendable, CustomStringConvertible {
  /// The RCPT reply's category, as the classifier gave it.
  case category(DiagnosisCategory)
  /// The domain does not exist (NXDOMAIN, or the server's X.1.2 "bad destination system").
  case domainUnknown
  case catchAll
  case roleAccount
  case disposable
  /// The server refused the prober (its IP, name, sender, TLS or AUTH), not the address.
  case proberRefused
  case port25Blocked
  case timeout
  case connectionFailed
  /// The domain publishes a null MX (RFC 7505): it never receives mail.
  case nullMX
  /// The domain has no MX and no address record to fall back to (RFC 5321 5.1).
  case noMailHost
  /// The SOCKS5 proxy (`--proxy`) failed: unreachable, authentication refused, or it could
  /// not reach the MX.
  case proxyFailed
  /// The address has a UTF-8 local part and its MX does not offer SMTPUTF8 (RFC 6531 3.2).
  case smtpUTF8Unsupported

  /// DESIGN.md's string.
  public var rawValue: String {
    switch self {
    case .category(let category): category.rawValue
    case .domainUnknown: "domain-unknown"
    case .catchAll: "catch-all"
    case .roleAccount: "role-account"
    case .disposable: "disposable"
    case .proberRefused: "prober-refused"
    case .port25Blocked: "port-25-blocked"
    case .timeout: "timeout"
    case .connectionFailed: "connection-failed"
    case .nullMX: "null-mx"
    case .noMailHost: "no-mail-host"
    case .proxyFailed: "proxy-failed"
    case .smtpUTF8Unsupported: "smtputf8-unsupported"
    }
  }

  public var description: String { rawValue }
}
