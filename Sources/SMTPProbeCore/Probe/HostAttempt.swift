/// One host a probe tried: where, how the connection went, and the session if there was one.
public struct HostAttempt: Hashable, Sendable {
  /// The host name dialled (an MX name, or the `--server` host).
  public var host: String
  /// The MX preference, for a domain probe.
  public var preference: UInt16?
  public var port: Int
  /// Addresses that failed before one answered (or every address, when none did).
  public var failedConnects: [ConnectAttempt]
  /// Why no connection could be made at all; nil when one was made.
  public var connectFailure: ConnectFailure?
  /// Why implicit TLS (`--tls-on-connect`) failed right after connect, if it did.
  public var tlsFailure: String?
  /// The dialogue, when a connection was made and TLS (if asked on connect) came up.
  public var session: SessionResult?
  /// PTR, FCrDNS and greeting-name checks for the address connected to, when run.
  public var identity: IdentityReport?
  /// This host's verdict: the session's, or why there was none.
  public var verdict: Verdict

  public init(
    host: String, preference: UInt16? = nil, port: Int, failedConnects: [ConnectAttempt] = [],
    connectFailure: ConnectFailure? = nil, tlsFailure: String? = nil,
    session: SessionResult? = nil, identity: IdentityReport? = nil, verdict: Verdict
  ) {
    self.host = host
    self.preference = preference
    self.port = port
    self.failedConnects = failedConnects
    self.connectFailure = connectFailure
    self.tlsFailure = tlsFailure
    self.session = session
    self.identity = identity
    self.verdict = verdict
  }

  /// Whether the host answered with an SMTP greeting (any reply code).
  public var answered: Bool {
    session?.steps.first?.command == .greeting
  }

  /// How each connect attempt ended, for the port-blocked advice.
  public var connectOutcomes: [ConnectAttemptOutcome] {
    var outcomes = failedConnects.map { attempt -> ConnectAttemptOutcome in
      switch attempt.error {
      case .timedOut: .timedOut
      case .refused: .refused
      case .networkUnreachable, .addressFamilyNotSupported: .noRoute
      default: .failed
      }
    }
    if connectFailure == nil { outcomes.append(.connected) }
    return outcomes
  }
}
