import SMTPProbeCore

/// Which MX host each domain of a verify run goes to, found before any session so that the
/// scheduler can group addresses by host.
///
/// With `--server` every domain goes to that host, and an address literal to its own host
/// (RFC 5321 4.1.3). Otherwise each domain's route is resolved as `probe DOMAIN` resolves it
/// (RFC 5321 5.1, RFC 7505), at most `concurrency` lookups at once; the first usable MX host
/// names the group. A route that decides by itself (a null MX, no mail host, NXDOMAIN, a DNS
/// failure) needs no session: its record is kept and judged at once. Domains whose usable MX
/// hosts are the same list may share a session: whichever host answers serves them all.
struct VerifyHostKeys {
  /// Where a domain's addresses go.
  enum Destination: Sendable {
    /// Sessions on this host (lower-cased name or address); domains with the same `route`
    /// (their usable MX hosts, in order) may share a session. `resolved` is the domain's
    /// route as looked up here, handed to its sessions so it is not looked up again.
    case host(String, route: String, resolved: MailRoute? = nil)
    /// The route decided; no session is made.
    case decided(ProbeRecord)
  }

  var template: ProbeRequest
  var server: ProbeRequest.Target?
  var runner: ProbeRunner
  var concurrency: Int

  /// The destination of each domain, keyed like `domains` (a sample address each).
  func resolve(_ domains: [(key: String, sample: VerifyAddress)]) -> [String: Destination] {
    var out: [String: Destination] = [:]
    var lookups: [(key: String, domain: String)] = []
    for (key, sample) in domains {
      if case .server(let host, _)? = server {
        out[key] = .host(host.lowercased(), route: host.lowercased())
      } else if let domain = sample.domainName {
        if runner.resolver == nil {
          out[key] = .host(domain, route: domain)
        } else {
          lookups.append((key, domain))
        }
      } else if case .server(let host, _) = VerifySessionJob.target(for: sample) {
        out[key] = .host(host.lowercased(), route: host.lowercased())
      }
    }
    guard let resolver = runner.resolver, !lookups.isEmpty,
      let queue = CompletionQueue<(String, MailRoute)>()
    else { return out }
    let routeResolver = MailRouteResolver(
      resolver: resolver, family: template.family,
      addressLimit: MXAddressLimit(template.mxAddressLimit))
    var next = 0
    var running = 0
    while next < lookups.count || running > 0 {
      while next < lookups.count, running < concurrency {
        let (key, domain) = lookups[next]
        next += 1
        running += 1
        let work: @Sendable () -> Void = {
          queue.push((key, routeResolver.resolve(domain: domain)))
        }
        if !WorkerThread.start(work) { work() }
      }
      PollWait.wait(
        for: queue.descriptor, cancellation: nil, untilMilliseconds: nil, clock: runner.clock)
      for (key, route) in queue.drain() {
        running -= 1
        out[key] = destination(route, domain: lookups.first { $0.key == key }?.domain ?? key)
      }
    }
    return out
  }

  private func destination(_ route: MailRoute, domain: String) -> Destination {
    if route.kind == .nullMX || route.failure != nil || route.usableHosts.isEmpty {
      return .decided(
        ProbeRecord(
          target: domain, route: route, notes: route.notes.map(ProbeNote.text),
          port: template.effectivePort))
    }
    let hosts = route.usableHosts.map { $0.host.lowercased() }
    return .host(hosts[0], route: hosts.sorted().joined(separator: " "), resolved: route)
  }
}
