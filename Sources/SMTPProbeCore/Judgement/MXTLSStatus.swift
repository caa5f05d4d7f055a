/// What this run's session showed about an MX host's TLS, as MTA-STS and DANE read it.
///
/// Read from the session itself, never assumed: the capabilities before TLS, the STARTTLS
/// reply, the handshake and the chain's verification against the host name.
public enum MXTLSStatus: Hashable, Sendable {
  /// TLS came up; `report` is what the handshake established.
  case established(TLSReport)
  /// The host does not offer TLS, or refused or failed it: `reason` says which.
  case failed(String)
  /// The session never got as far as TLS: `reason` says why.
  case notChecked(String)

  public init(_ attempt: HostAttempt) {
    if let failure = attempt.connectFailure {
      self = .notChecked("no connection: \(failure.description)")
      return
    }
    if let problem = attempt.implicitTLSProblem {
      self = .failed("TLS on connect failed: \(problem.description)")
      return
    }
    guard let session = attempt.session else {
      self = .notChecked("no session")
      return
    }
    if let tls = session.tls {
      self = .established(tls)
      return
    }
    let capabilities = session.capabilitiesBeforeTLS ?? session.capabilities
    if let capabilities, !capabilities.offers(.startTLS) {
      self = .failed("STARTTLS is not offered")
    } else if let refusal = session.steps.first(where: {
      $0.command == .startTLS && !$0.reply.isPositive
    }) {
      self = .failed("STARTTLS was refused: \(refusal.reply.code)")
    } else if let problem = session.problem {
      self = .failed("no TLS session: \(problem.description)")
    } else {
      self = .notChecked("the session did not reach STARTTLS")
    }
  }
}
