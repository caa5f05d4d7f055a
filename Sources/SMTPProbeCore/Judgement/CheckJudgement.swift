/// Turns the facts of a check run (`ProbeRecord`) into findings: one `CheckHostReport` per
/// host tried, each check OK, WARNING or CRITICAL with the evidence it rests on.
///
/// The inbound profile: connect (RFC 5321 3.1), greeting (4.3.1), EHLO (4.1.1.1), STARTTLS
/// offered, negotiated and verified (RFC 3207, RFC 6125), the protocol version (RFC 8996),
/// every certificate's days left (RFC 5280 4.1.2.5), MAIL FROM (4.1.1.2), postmaster
/// (4.5.1), `--rcpt` assertions (4.1.1.3) and the phase timings. A check whose step the
/// session never reached is skipped; the first missing step carries the session's problem
/// (a timeout, a closed connection) as CRITICAL. UNKNOWN is never produced here: it is kept
/// for our own failures (Monitoring Plugins guidelines).
public struct CheckJudgement: Sendable {
  /// The thresholds of times and certificate lifetimes.
  public var limits: CheckLimits
  /// The `postmaster@DOMAIN` recipient asked for, or nil when no domain is known.
  public var postmaster: Address?
  /// The `--rcpt` assertions, in order.
  public var assertions: [RecipientAssertion]
  /// The wall clock at judgement time, for certificate lifetimes.
  public var now: UnixTime
  /// Which checks apply: the inbound MX's, or a submission server's.
  public var profile = CheckProfile.inbound

  public init(
    limits: CheckLimits, postmaster: Address?, assertions: [RecipientAssertion], now: UnixTime
  ) {
    self.limits = limits
    self.postmaster = postmaster
    self.assertions = assertions
    self.now = now
  }

  /// The report of one target: its own findings when routing failed, else one host each.
  public func judge(_ record: ProbeRecord) -> CheckTargetReport {
    let hosts = record.attempts.map(host)
    guard hosts.isEmpty else { return CheckTargetReport(target: record.target, hosts: hosts) }
    // Routing ended the run before any host: the verdict's sentence says why.
    let verdict = ProbeJudgement.judge(record, now: now).verdict
    let finding = CheckFinding(
      check: "mx", state: .critical, summary: verdict.summary,
      explanation: "No mail server of this domain could be tried (RFC 5321 5.1).",
      fix: "Check the domain's MX and address records.")
    return CheckTargetReport(target: record.target, findings: [finding], hosts: [])
  }

  /// The findings of one host, in the order its checks ran.
  public func host(_ attempt: HostAttempt) -> CheckHostReport {
    var findings = CheckFindingList()
    let address = attempt.session?.address ?? attempt.failedConnects.last?.address.host
    if let failure = attempt.connectFailure, let proxy = failure.proxyFailure,
      proxy.hop != .destination
    {
      // The check could not run: the proxy failed before the server was asked (Nagios UNKNOWN).
      findings.append(
        CheckFinding(
          check: .connect, state: .unknown, summary: failure.description,
          explanation: "The SOCKS5 proxy (--proxy, RFC 1928) failed before the server was tried.",
          fix: "Check the proxy's address and port, that it runs, and the user and password."))
      return CheckHostReport(
        host: attempt.host, address: address, port: attempt.port, findings: findings.items)
    }
    if let failure = attempt.connectFailure {
      findings.append(
        CheckFinding(
          check: .connect, state: .critical, summary: failure.description,
          explanation: "No TCP connection to the SMTP port could be opened (RFC 5321 3.1).",
          fix: "Check that the server runs, listens on this port and that no firewall drops it."))
      return CheckHostReport(
        host: attempt.host, address: address, port: attempt.port, findings: findings.items)
    }
    guard let session = attempt.session else {
      return CheckHostReport(
        host: attempt.host, address: address, port: attempt.port, findings: findings.items)
    }
    let connectSeconds = Double(session.connectMilliseconds ?? 0) / 1000
    findings.append(
      CheckFinding(
        check: .connect, state: .ok,
        summary:
          "connected to port \(attempt.port) in \(DecimalText.text(connectSeconds, places: 3)) s"))
    if let problem = attempt.implicitTLSProblem {
      findings.append(
        CheckFinding(
          check: .startTLSNegotiated, state: .critical, summary: problem.description,
          explanation: "TLS on connect (RFC 8314 3.3) did not come up.",
          fix: "Check the TLS configuration of this port."))
    } else {
      dialogue(session, into: &findings)
    }
    if profile == .inbound { findings.append(contentsOf: identityFindings(attempt)) }
    findings.append(phaseFinding(session))
    return CheckHostReport(
      host: attempt.host, address: address, port: attempt.port, findings: findings.items,
      timings: timings(session), certificates: session.tls?.chain ?? [])
  }

  /// The state of a reply that must be positive: 2yz is OK, anything else CRITICAL.
  static func state(of reply: Reply) -> CheckState {
    reply.replyClass == .positiveCompletion ? .ok : .critical
  }
}

/// The findings of one host as they are found, with the session's problem given to the first
/// check that could not run.
struct CheckFindingList {
  private(set) var items: [CheckFinding] = []
  /// Whether the session's problem has been reported.
  var problemReported = false

  mutating func append(_ finding: CheckFinding) { items.append(finding) }
  mutating func append(contentsOf more: [CheckFinding]) { items.append(contentsOf: more) }
}
