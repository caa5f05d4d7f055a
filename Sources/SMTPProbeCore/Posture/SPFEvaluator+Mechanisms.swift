extension SPFEvaluator {
  /// Whether `mechanism` matches the client (RFC 7208 5.1-5.7).
  func match(_ mechanism: SPFTerm.Mechanism, context: SPFMacroContext, budget: inout Budget)
    -> Match
  {
    let ip = context.ip
    switch mechanism {
    case .all:
      return .matched(inner: nil)
    case .ip4(let network, let prefix), .ip6(let network, let prefix):
      return IPNetwork.contains(network, prefix: prefix, ip) ? .matched(inner: nil) : .notMatched
    case .include(let spec):
      let target = spec.expand(context)
      let inner = checkHost(target, context: context, budget: &budget)
      // RFC 7208 5.2: pass matches; fail, softfail and neutral do not; none is a permerror.
      switch inner.result {
      case .pass: return .matched(inner: inner)
      case .fail, .softfail, .neutral: return .notMatched
      case .temperror:
        return .error(.temperror, inner.problem ?? .noRecord(domain: target), inner: inner)
      case .permerror:
        return .error(.permerror, inner.problem ?? .noRecord(domain: target), inner: inner)
      case .none: return .error(.permerror, .noRecord(domain: target), inner: nil)
      }
    case .a(let spec, let v4, let v6):
      let target = spec?.expand(context) ?? context.domain
      return addressMatch(target, v4: v4, v6: v6, ip: ip, budget: &budget)
    case .mx(let spec, let v4, let v6):
      let target = spec?.expand(context) ?? context.domain
      let exchanges: [MXRecord]
      do {
        exchanges = try resolver.mx(target)
      } catch {
        guard error.isDefinitiveAnswer else {
          return .error(.temperror, .dns(domain: target, error), inner: nil)
        }
        budget.voids += 1
        return .notMatched
      }
      // RFC 7208 4.6.4: more than 10 MX records is a permerror.
      guard exchanges.count <= Self.recordLimit else {
        return .error(
          .permerror, .tooManyMXRecords(domain: target, count: exchanges.count), inner: nil)
      }
      for exchange in exchanges where exchange.exchange != "." {
        var ignored = Budget()
        let result = addressMatch(exchange.exchange, v4: v4, v6: v6, ip: ip, budget: &ignored)
        if case .notMatched = result { continue }
        return result
      }
      return .notMatched
    case .ptr(let spec):
      budget.usedPTR = true
      let target = spec?.expand(context) ?? context.domain
      // RFC 7208 5.5: a DNS error in the PTR lookup only fails to match.
      guard let names = try? resolver.ptr(ip.description) else { return .notMatched }
      for name in names.prefix(Self.recordLimit)
      where PostureText.isSameOrSubdomain(name, of: target) {
        let addresses = (try? addresses(of: name, ipv6: ip.isIPv6)) ?? []
        if addresses.contains(ip) { return .matched(inner: nil) }
      }
      return .notMatched
    case .exists(let spec):
      let target = spec.expand(context)
      do {
        // RFC 7208 5.7: always an A query, whatever the client's family.
        return try resolver.query(target, .a).records.isEmpty ? .notMatched : .matched(inner: nil)
      } catch {
        guard error.isDefinitiveAnswer else {
          return .error(.temperror, .dns(domain: target, error), inner: nil)
        }
        budget.voids += 1
        return .notMatched
      }
    }
  }

  /// Whether `ip` is in one of `target`'s A (or AAAA) networks (RFC 7208 5.3).
  private func addressMatch(
    _ target: String, v4: Int?, v6: Int?, ip: IPAddress, budget: inout Budget
  ) -> Match {
    let addresses: [IPAddress]
    do {
      addresses = try self.addresses(of: target, ipv6: ip.isIPv6)
    } catch {
      guard error.isDefinitiveAnswer else {
        return .error(.temperror, .dns(domain: target, error), inner: nil)
      }
      budget.voids += 1
      return .notMatched
    }
    let prefix = ip.isIPv6 ? (v6 ?? 128) : (v4 ?? 32)
    return addresses.contains { IPNetwork.contains($0, prefix: prefix, ip) }
      ? .matched(inner: nil) : .notMatched
  }

  /// The A records of `name` for an IPv4 client, AAAA for IPv6.
  private func addresses(of name: String, ipv6: Bool) throws(DNSError) -> [IPAddress] {
    try resolver.query(name, ipv6 ? .aaaa : .a).records.compactMap {
      $0.data.addressText.flatMap { IPAddress($0) }
    }
  }
}
