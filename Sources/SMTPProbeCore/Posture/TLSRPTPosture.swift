/// The TLS reporting policy at `_smtp._tls.DOMAIN` (RFC 8460 3).
public struct TLSRPTPosture: Hashable, Sendable {
  /// `_smtp._tls.DOMAIN`.
  public var name: String
  /// Records starting with `v=TLSRPTv1`; anything but one means no policy (RFC 8460 3).
  public var lookup: TXTRecordLookup
  public var record: TLSRPTRecord?
  public var problem: TLSRPTRecord.Problem?

  /// Looks the policy of `domain` up.
  public static func lookUp(_ domain: String, resolver: any Resolver) -> TLSRPTPosture {
    let name = "_smtp._tls." + domain
    let lookup = TXTRecordLookup.fetch(name, version: "v=TLSRPTv1", resolver: resolver)
    var posture = TLSRPTPosture(name: name, lookup: lookup, record: nil, problem: nil)
    guard case .found(let text) = lookup else { return posture }
    do throws(TLSRPTRecord.Problem) {
      posture.record = try TLSRPTRecord.parse(text)
    } catch {
      posture.problem = error
    }
    return posture
  }
}
