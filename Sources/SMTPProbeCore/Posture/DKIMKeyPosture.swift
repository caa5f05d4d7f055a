/// The DKIM key published for one selector at `SELECTOR._domainkey.DOMAIN` (RFC 6376 3.6.2.1).
public struct DKIMKeyPosture: Hashable, Sendable {
  /// The selector asked for.
  public var selector: String
  /// The name asked.
  public var name: String
  /// What the DNS gave: every TXT record at the name is a candidate key record.
  public var lookup: TXTRecordLookup
  /// The parsed record when exactly one was found and it parses.
  public var record: DKIMKeyRecord?
  /// Why the one record found does not parse.
  public var problem: DKIMKeyRecord.Problem?

  /// Looks the key of `selector` up.
  public static func lookUp(selector: String, domain: String, resolver: any Resolver)
    -> DKIMKeyPosture
  {
    let name = "\(selector)._domainkey.\(domain)"
    let lookup = TXTRecordLookup.fetch(name, resolver: resolver) { _ in true }
    var posture = DKIMKeyPosture(
      selector: selector, name: name, lookup: lookup, record: nil, problem: nil)
    guard case .found(let text) = lookup else { return posture }
    do throws(DKIMKeyRecord.Problem) {
      posture.record = try DKIMKeyRecord.parse(text)
    } catch {
      posture.problem = error
    }
    return posture
  }
}
