/// A keyed message digest such as HMAC-MD5 (RFC 2104), supplied by the layer that links a
/// crypto library, so the pure SASL code needs no import of one.
///
/// Two digests are equal when they have the same name: the function is an implementation of
/// the named algorithm, not part of the value's identity.
public struct KeyedDigest: Hashable, Sendable {
  /// The algorithm, for example `HMAC-MD5`.
  public let name: String
  private let compute: @Sendable (_ key: [UInt8], _ message: [UInt8]) -> [UInt8]

  public init(
    name: String, compute: @escaping @Sendable (_ key: [UInt8], _ message: [UInt8]) -> [UInt8]
  ) {
    self.name = name
    self.compute = compute
  }

  /// The digest of `message` under `key`.
  public func callAsFunction(key: [UInt8], message: [UInt8]) -> [UInt8] {
    compute(key, message)
  }

  public static func == (lhs: KeyedDigest, rhs: KeyedDigest) -> Bool { lhs.name == rhs.name }

  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
