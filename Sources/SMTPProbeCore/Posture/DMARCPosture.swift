/// The DMARC policy of a domain as the DNS publishes it, with the authorisation of every
/// report destination outside the domain (RFC 7489 6.6.3, 7.1).
///
/// The record is looked up at `_dmarc.DOMAIN` only. A receiver without a record there falls
/// back to the organizational domain, which needs the Public Suffix List (RFC 7489 3.2); we do
/// not carry it, so a subdomain's missing record may be covered by its parent's: the finding
/// says so rather than guess where the organizational domain begins.
public struct DMARCPosture: Hashable, Sendable {
  /// A report destination in another domain and whether that domain accepts the reports.
  public struct ExternalDestination: Hashable, Sendable {
    public var uri: String
    /// The destination's domain.
    public var domain: String
    /// `DOMAIN._report._dmarc.DESTINATION`, the name of the authorisation record.
    public var authorisationName: String
    /// Whether a `v=DMARC1` record is there; nil when the DNS did not say.
    public var authorised: Bool?
    /// The DNS failure when `authorised` is nil.
    public var failure: DNSError?
  }

  /// The domain asked about.
  public var domain: String
  /// `_dmarc.DOMAIN`.
  public var name: String
  /// What the DNS gave.
  public var lookup: TXTRecordLookup
  /// The parsed record, when exactly one was found and it parses.
  public var record: DMARCRecord?
  /// Why the one record found does not parse.
  public var problem: DMARCRecord.Problem?
  /// The rua/ruf destinations outside the domain, in order, without repeats.
  public var external: [ExternalDestination]

  /// Looks the policy up at `_dmarc.DOMAIN` and checks each external destination.
  public static func lookUp(_ domain: String, resolver: any Resolver) -> DMARCPosture {
    let name = "_dmarc." + domain
    let lookup = TXTRecordLookup.fetch(name, version: "v=DMARC1", resolver: resolver)
    var posture = DMARCPosture(
      domain: domain, name: name, lookup: lookup, record: nil, problem: nil, external: [])
    guard case .found(let text) = lookup else { return posture }
    do throws(DMARCRecord.Problem) {
      posture.record = try DMARCRecord.parse(text)
    } catch {
      posture.problem = error
      return posture
    }
    guard let record = posture.record else { return posture }
    for uri in record.aggregateReports + record.failureReports {
      guard let destination = uri.mailDomain, !isSameDomain(destination, domain),
        !posture.external.contains(where: { $0.uri == uri.uri })
      else { continue }
      posture.external.append(authorisation(of: uri.uri, at: destination, for: domain, resolver))
    }
    return posture
  }

  /// Whether one name is the other or under it.
  ///
  /// Such a destination needs no authorisation.
  /// Without the Public Suffix List two organisational domains cannot be compared further.
  static func isSameDomain(_ destination: String, _ domain: String) -> Bool {
    PostureText.isSameOrSubdomain(destination, of: domain)
      || PostureText.isSameOrSubdomain(domain, of: destination)
  }

  /// Asks `DOMAIN._report._dmarc.DESTINATION` for a `v=DMARC1` record (RFC 7489 7.1).
  static func authorisation(
    of uri: String, at destination: String, for domain: String, _ resolver: any Resolver
  ) -> ExternalDestination {
    let name = "\(PostureText.normalized(domain))._report._dmarc.\(destination)"
    var result = ExternalDestination(
      uri: uri, domain: destination, authorisationName: name, authorised: nil, failure: nil)
    switch TXTRecordLookup.fetch(name, version: "v=DMARC1", resolver: resolver) {
    case .found, .several: result.authorised = true
    case .none: result.authorised = false
    case .failed(let error): result.failure = error
    }
    return result
  }
}
