/// Finds the hosts that receive mail for a domain, as RFC 5321 5.1 tells a sender to.
///
/// MX records sorted by preference (equal ones shuffled), each exchange resolved to its
/// addresses in the allowed family. Every way this can go wrong is said as itself: a null MX,
/// an implicit MX, NXDOMAIN, an MX host without an address, an MX that is an IP literal or a
/// CNAME, and a DNS failure (which is never reported as "no MX").
public struct MailRouteResolver: Sendable {
  public var resolver: any Resolver
  public var family: AddressFamilyPreference
  /// How many addresses of each host are kept; the rest are named in a note.
  public var addressLimit: MXAddressLimit

  public init(
    resolver: any Resolver, family: AddressFamilyPreference = .any,
    addressLimit: MXAddressLimit = .standard
  ) {
    self.resolver = resolver
    self.family = family
    self.addressLimit = addressLimit
  }

  /// The route for `domain`, shuffling equal preferences with the system's random generator.
  public func resolve(domain: String) -> MailRoute {
    var generator = SystemRandomNumberGenerator()
    return resolve(domain: domain, using: &generator)
  }

  /// The route for `domain`, shuffling equal preferences with `generator`.
  public func resolve(domain: String, using generator: inout some RandomNumberGenerator)
    -> MailRoute
  {
    let domain = DNSAnswer.trimmed(domain)
    let records: [MXRecord]
    do {
      records = try resolver.mx(domain)
    } catch {
      switch error {
      case .noData:
        return implicitRoute(domain)
      case .nameDoesNotExist:
        return MailRoute(domain: domain, kind: .mx, failure: .domainDoesNotExist(domain: domain))
      case .invalidName:
        return MailRoute(domain: domain, kind: .mx, failure: .invalidDomain(error))
      default:
        return MailRoute(domain: domain, kind: .mx, failure: .dnsFailure(error))
      }
    }
    if MXSelection.isNullMX(records) {
      return MailRoute(
        domain: domain, kind: .nullMX,
        notes: ["\(domain) publishes a null MX (0 .): by RFC 7505 it accepts no mail"])
    }
    var route = MailRoute(domain: domain, kind: .mx)
    var usable = records
    if records.contains(where: \.isNullMX) {
      route.warnings.append(
        "\(domain) mixes a null MX with other MX records, which RFC 7505 3 forbids;"
          + " ignoring the null MX")
      usable.removeAll(where: \.isNullMX)
    }
    var dnsFailures: [DNSError] = []
    for record in MXSelection.order(usable, using: &generator) {
      let (host, dnsFailure) = mxHost(record, route: &route)
      if let dnsFailure { dnsFailures.append(dnsFailure) }
      if host.addresses.isEmpty {
        route.notes.append(
          "skipping MX \(record.preference) \(record.exchange): "
            + host.problems.joined(separator: "; "))
      }
      route.mx.append(host)
    }
    if route.usableHosts.isEmpty {
      // Only DNS failures: we do not know whether the hosts have addresses.
      route.failure =
        dnsFailures.count == route.mx.count && !dnsFailures.isEmpty
        ? .dnsFailure(dnsFailures[0]) : .noMailHosts(domain: domain, implicit: false)
    }
    return route
  }

  /// RFC 5321 5.1: with no MX records, the domain itself is the one host, preference 0.
  private func implicitRoute(_ domain: String) -> MailRoute {
    var route = MailRoute(
      domain: domain, kind: .implicit,
      notes: [
        "\(domain) has no MX records; by RFC 5321 5.1 mail goes to the domain's own address"
          + " (implicit MX)"
      ])
    var host = MXHost(host: domain, preference: 0, addresses: [])
    let (addresses, canonical, problem, dnsFailure) = lookUp(domain)
    limit(addresses, of: &host, preference: nil, route: &route)
    if let problem { host.problems.append(problem) }
    if let canonical {
      route.notes.append("\(domain) is an alias (CNAME) of \(canonical)")
    }
    route.mx = [host]
    if addresses.isEmpty {
      route.failure =
        dnsFailure.map(RouteFailure.dnsFailure) ?? .noMailHosts(domain: domain, implicit: true)
    }
    return route
  }

  /// Resolves one exchange, recording IP-literal and CNAME warnings on the route; also returns
  /// the DNS failure that left it without an address, if that is why.
  private func mxHost(_ record: MXRecord, route: inout MailRoute) -> (MXHost, DNSError?) {
    var host = MXHost(host: record.exchange, preference: record.preference, addresses: [])
    if MXSelection.isIPLiteral(record.exchange) {
      let address = MXSelection.literalAddress(record.exchange)
      route.warnings.append(
        "MX \(record.preference) of \(route.domain) is the IP address \(address), not a host name"
          + " (RFC 5321 5.1 requires a name); using it, but strict MTAs will not")
      host.problems.append("the MX is an IP address, not a host name")
      if allowed(address) {
        host.addresses = [address]
      } else {
        host.problems.append("\(address) is outside the allowed address family")
      }
      return (host, nil)
    }
    let (addresses, canonical, problem, dnsFailure) = lookUp(record.exchange)
    limit(addresses, of: &host, preference: record.preference, route: &route)
    if let problem { host.problems.append(problem) }
    if let target = canonical {
      route.warnings.append(
        "MX \(record.preference) \(record.exchange) is an alias (CNAME) of \(target);"
          + " RFC 2181 10.3 forbids MX targets that are aliases; following it")
      host.problems.append("the MX host is a CNAME for \(target)")
    }
    return (host, dnsFailure)
  }

  /// Sets the host's addresses within the address limit, noting on the route what was skipped.
  private func limit(
    _ addresses: [String], of host: inout MXHost, preference: UInt16?, route: inout MailRoute
  ) {
    let (kept, skipped) = addressLimit.apply(to: addresses)
    host.addresses = kept
    host.skippedAddresses = skipped
    guard !skipped.isEmpty else { return }
    route.notes.append(
      MXAddressLimit.note(
        host: host.host, preference: preference, kept: kept.count, skipped: skipped,
        limit: addressLimit.maximum))
  }

  /// Addresses of `name` in the allowed family, its canonical name if it is an alias (CNAME),
  /// why there are no addresses, and the DNS failure behind that (not NXDOMAIN/NODATA), if any.
  private func lookUp(_ name: String) -> (
    addresses: [String], canonical: String?, problem: String?, dnsFailure: DNSError?
  ) {
    let types = family.addressRecordTypes
    var addresses: [String] = []
    var canonical: String?
    var errors: [DNSError] = []
    for type in types {
      do {
        let answer = try resolver.query(name, type)
        addresses += answer.records.compactMap(\.data.addressText)
        if !answer.aliases.isEmpty { canonical = answer.canonicalName }
      } catch {
        errors.append(error)
      }
    }
    guard addresses.isEmpty else { return (addresses, canonical, nil, nil) }
    let failure = errors.first { !$0.isDefinitiveAnswer }
    return (addresses, canonical, problem(name, errors: errors), failure)
  }

  /// One sentence for a name with no usable address.
  private func problem(_ name: String, errors: [DNSError]) -> String {
    if let failure = errors.first(where: { !$0.isDefinitiveAnswer }) {
      return "DNS failure looking up its address: \(failure)"
    }
    if errors.contains(where: { if case .nameDoesNotExist = $0 { true } else { false } }),
      errors.allSatisfy({ if case .nameDoesNotExist = $0 { true } else { false } })
    {
      return "\(name) does not exist (NXDOMAIN)"
    }
    switch family {
    case .any:
      return "\(name) has no A or AAAA record"
    case .ipv4:
      let other = (try? resolver.query(name, .aaaa)) != nil ? " (it has IPv6; drop -4)" : ""
      return "\(name) has no IPv4 (A) address\(other)"
    case .ipv6:
      let other = (try? resolver.query(name, .a)) != nil ? " (it has IPv4; drop -6)" : ""
      return "\(name) has no IPv6 (AAAA) address\(other)"
    }
  }

  /// Whether an address literal fits the family restriction.
  private func allowed(_ address: String) -> Bool {
    let isIPv6 = IPAddress(address)?.isIPv6 ?? false
    switch family {
    case .any: return true
    case .ipv4: return !isIPv6
    case .ipv6: return isIPv6
    }
  }
}
