/// Reads a `ProbeRecord` of one verify session as `VerifyFacts` for each address it checked.
///
/// The runner runs the one-way engine (route, connect, EHLO, STARTTLS, MAIL, pipelined RCPTs,
/// RSET, QUIT) with the addresses and the catch-all probe as recipients; this turns what
/// happened into verify's own facts, one address at a time. The deciding session is the last
/// one that got a greeting (RFC 5321 5.1: the next MX only when a host could not be reached).
public enum VerifyFactsReader {
  /// The facts for `address`, with `probe` the catch-all RCPT of the same session (nil when
  /// `--catch-all skip`); `server` names the host when routing was skipped (`--server`, or an
  /// address literal).
  public static func facts(
    for address: VerifyAddress, probe: VerifyAddress?, record: ProbeRecord, server: String?
  ) -> VerifyFacts {
    let route = route(of: record, address: address, server: server)
    var facts = VerifyFacts(address: address, route: route, session: .notRun)
    switch route {
    case .hosts, .addressLiteral:
      return fill(&facts, address: address, probe: probe, record: record)
    case .nullMX, .noMailHost, .domainUnknown, .dnsFailure:
      return facts
    }
  }

  private static func fill(
    _ facts: inout VerifyFacts, address: VerifyAddress, probe: VerifyAddress?,
    record: ProbeRecord
  ) -> VerifyFacts {
    facts.attempts = record.sessions.count
    guard let session = record.attempts.last(where: { $0.session != nil })?.session else {
      facts.session = .connectFailed(connectProblem(record))
      facts.mxHost = record.attempts.last?.host
      return facts
    }
    facts.mxHost = session.host
    facts.tls = session.tls != nil
    facts.elapsedMilliseconds = session.totalMilliseconds
    let wanted = try? address.address()
    if let result = session.recipients.first(where: { $0.address == wanted }) {
      facts.session = .recipient(result.reply)
    } else if address.needsSMTPUTF8, notSentForSMTPUTF8(session) {
      facts.session = .smtpUTF8NotOffered
    } else if let refusal = session.facts.refusals.first(where: { $0.kind != .rcpt }) {
      facts.session = .refused(refusal.kind, refusal.reply)
    } else {
      let mailSent = session.steps.contains { $0.command == .mail }
      facts.session = .dropped(before: mailSent ? .rcpt : .mail, timedOut: timedOut(session))
    }
    guard let probe else { return facts }
    let probeAddress = try? probe.address()
    if let result = session.recipients.first(where: { $0.address == probeAddress }) {
      facts.catchAll = .reply(result.reply)
    } else if case .recipient = facts.session {
      facts.catchAll = .dropped
    }
    return facts
  }

  /// The route as `probe DOMAIN` found it, or the one host when routing was skipped.
  static func route(of record: ProbeRecord, address: VerifyAddress, server: String?)
    -> VerifyFacts.Route
  {
    if record.failure != nil { return .dnsFailure(timedOut: false) }
    guard let route = record.route else {
      if server == nil, address.domainName == nil { return .addressLiteral }
      return .hosts(record.attempts.map(\.host))
    }
    if route.kind == .nullMX { return .nullMX }
    switch route.failure {
    case .domainDoesNotExist, .invalidDomain: return .domainUnknown
    case .noMailHosts: return .noMailHost
    case .dnsFailure(let error):
      if case .nameDoesNotExist = error { return .domainUnknown }
      if case .timedOut = error { return .dnsFailure(timedOut: true) }
      return .dnsFailure(timedOut: false)
    case nil:
      let hosts = route.usableHosts.map(\.host)
      return hosts.isEmpty ? .noMailHost : .hosts(hosts)
    }
  }

  /// How many different MX hosts must time out on every address, while DNS answers, before
  /// the network rather than the domain is blamed (the probe runner stops at the same count).
  public static let silentHostsMeaningBlocked = 2

  /// Why no host could be reached: port 25 blocked when two MX hosts timed out on every
  /// address while DNS answered (or the runner stopped after such hosts), else a timeout or a
  /// refusal.
  private static func connectProblem(_ record: ProbeRecord) -> VerifyFacts.ConnectProblem {
    // Through a proxy, a failure is the proxy's word, never a timeout seen from here.
    if let failure = record.attempts.lazy.compactMap(\.connectFailure?.proxyFailure).last {
      return .proxy(failure)
    }
    let stopped = record.notes.contains {
      if case .stoppedAfterSilentHosts = $0 { return true }
      return false
    }
    let silentHosts = record.attempts.filter { attempt in
      let outcomes = attempt.connectOutcomes
      return outcomes.contains(.timedOut) && outcomes.allSatisfy(\.isSilent)
    }
    if stopped || Set(silentHosts.map(\.host)).count >= silentHostsMeaningBlocked {
      return .port25Blocked
    }
    let outcomes = record.attempts.flatMap(\.connectOutcomes)
    return outcomes.contains(.timedOut) ? .timeout : .refused
  }

  /// Whether the session left a UTF-8 mailbox unsent because the server does not offer
  /// SMTPUTF8: a transaction skipped for it, or the one transaction stopped before MAIL.
  private static func notSentForSMTPUTF8(_ session: SessionRecord) -> Bool {
    let problems = [session.problem] + session.transactions.map(\.notSent)
    return problems.contains {
      if case .smtpUTF8NotOffered? = $0 { return true }
      return false
    }
  }

  private static func timedOut(_ session: SessionRecord) -> Bool {
    if case .transport(.timedOut) = session.problem { return true }
    return false
  }
}
