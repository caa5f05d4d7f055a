import SMTPProbeCore

/// `check --relay-test`: the request of the relay session.
extension CheckCommand {
  /// The relay session: the same connection and STARTTLS as the checks, no AUTH (an
  /// authenticated client may relay), and every form of the open-relay matrix as one
  /// transaction, RSET between them, never DATA.
  func relayRequest(from request: ProbeRequest) throws(ProbeCommand.InputProblem)
    -> ProbeRequest
  {
    var relay = request
    relay.plan.recipients = []
    relay.plan.quitAfter = nil
    relay.plan.message = .none
    relay.plan.auth = nil
    do throws(InputError) {
      relay.plan.transactions = try RelaySession.transactions(
        targetDomain: Self.relayDomain(of: request.target))
      try relay.plan.validate()
    } catch {
      throw ProbeCommand.InputProblem(message: error.description)
    }
    return relay
  }

  /// The domain the forms name as the server's own: the DOMAIN checked, the `--server` host
  /// name, or the address literal of a `--server` IP address (RFC 5321 4.1.3).
  static func relayDomain(of target: ProbeRequest.Target) -> String {
    switch target {
    case .domain(let domain): domain
    case .server(let host, _): IPAddress(unbracketing: host)?.addressLiteral ?? host
    }
  }
}
