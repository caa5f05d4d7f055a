/// Where mail for a domain goes: the ordered hosts to try, or why there are none (RFC 5321 5.1).
public struct MailRoute: Hashable, Sendable {
  /// How the hosts were found.
  public enum Kind: String, Hashable, Sendable {
    /// From the domain's MX records.
    case mx
    /// No MX records: the domain's own A/AAAA records act as one MX of preference 0.
    case implicit
    /// A null MX (RFC 7505): the domain accepts no mail; nothing to connect to.
    case nullMX = "null-mx"
  }

  /// The domain asked about, without a trailing dot.
  public var domain: String
  public var kind: Kind
  /// Hosts in the order to try them, unusable ones included with their problems.
  public var mx: [MXHost]
  /// Set when no host can be tried; nil for a usable route or a null MX.
  public var failure: RouteFailure?
  /// What was done, said explicitly (implicit MX, hosts skipped).
  public var notes: [String]
  /// Things wrong with the DNS setup that did not stop us (CNAME or IP-literal MX, ...).
  public var warnings: [String]

  public init(
    domain: String, kind: Kind, mx: [MXHost] = [], failure: RouteFailure? = nil,
    notes: [String] = [], warnings: [String] = []
  ) {
    self.domain = domain
    self.kind = kind
    self.mx = mx
    self.failure = failure
    self.notes = notes
    self.warnings = warnings
  }

  /// The hosts that have at least one address, in order.
  public var usableHosts: [MXHost] { mx.filter { !$0.addresses.isEmpty } }

  /// The verdict when routing alone ends the probe; nil when there are hosts to connect to.
  ///
  /// A null MX is a permanent "no" from the domain's owner (exit 1); every DNS problem is
  /// "could not complete" (exit 3), never "no MX".
  public var verdict: RouteVerdict? {
    if kind == .nullMX {
      return RouteVerdict(
        exitCode: 1,
        summary: "\(domain) accepts no mail: it publishes a null MX (RFC 7505); no connection made")
    }
    if let failure {
      if case .invalidDomain = failure {
        return RouteVerdict(exitCode: 64, summary: failure.description)
      }
      return RouteVerdict(exitCode: 3, summary: failure.description)
    }
    if usableHosts.isEmpty {
      return RouteVerdict(
        exitCode: 3, summary: RouteFailure.noMailHosts(domain: domain, implicit: false).description)
    }
    return nil
  }

  /// Advice when every connection to port 25 timed out: the local network likely blocks it.
  ///
  /// Timeouts on every host (not refusals, which prove packets arrive) are the signature of an
  /// outbound port 25 filter, common on home ISPs and cloud providers. Nil otherwise.
  public static func portBlockedAdvice(attempts: [ConnectAttemptOutcome], port: Int) -> String? {
    // Addresses of a family this machine cannot route (IPv6 on an IPv4-only host) fail at once
    // and say nothing about port 25; every other attempt must have timed out.
    let timedOut = attempts.filter { $0 == .timedOut }.count
    guard port == 25, timedOut > 0, attempts.allSatisfy(\.isSilent) else { return nil }
    let subject =
      timedOut == 1
      ? "the only reachable mail host address" : "all \(timedOut) reachable mail host addresses"
    return "Connections to \(subject) timed out on port 25: outbound port 25 is very likely"
      + " blocked on this network (common on home ISPs and cloud providers). Try from another"
      + " network, or probe the submission port with --port 587."
  }

}
