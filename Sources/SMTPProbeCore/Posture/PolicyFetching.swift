/// Fetches one file over HTTPS: the seam between the MTA-STS lookup and sockets.
///
/// `HTTPSPolicyFetcher` connects for real; tests pass a fake that returns canned fetches.
public protocol PolicyFetching: Sendable {
  /// GETs `path` from `host` at the first of `addresses` that answers, verifying the
  /// certificate against `host`.
  func fetch(host: String, path: String, addresses: [String]) -> MTASTSFetch
}

extension MTASTSFacts {
  /// Looks up the TXT record and, when exactly one valid record announces a policy, resolves
  /// the policy host and fetches the file (RFC 8461 3.1, 3.3).
  public static func collect(
    domain: String, resolver: any Resolver, fetcher: any PolicyFetching,
    family:
      AddressFamilyPreference = .any
  ) -> MTASTSFacts {
    let txt: Result<[String], DNSError>
    do throws(DNSError) {
      txt = .success(try resolver.txt(recordName(domain)))
    } catch {
      txt = .failure(error)
    }
    var facts = MTASTSFacts(domain: domain, txt: txt)
    guard facts.record != nil else { return facts }
    let host = policyHost(domain)
    do throws(DNSError) {
      let addresses = try resolver.addresses(host, family: family)
      facts.fetch = fetcher.fetch(host: host, path: policyPath, addresses: addresses)
    } catch {
      facts.fetch = MTASTSFetch(
        url: "https://\(host)\(policyPath)", address: nil, outcome: .failure(.resolution(error)))
    }
    return facts
  }
}

extension DANEFacts {
  /// Asks for the TLSA records of `host`'s port 25 (RFC 7672 2.2.3).
  public static func collect(host: String, resolver: any Resolver) -> DANEFacts {
    do throws(DNSError) {
      return DANEFacts(host: host, lookup: .success(try resolver.query(recordName(host), .tlsa)))
    } catch {
      return DANEFacts(host: host, lookup: .failure(error))
    }
  }
}
