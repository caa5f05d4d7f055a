/// A message larger than the SIZE the server advertised (RFC 1870 6).
public struct SizeExcess: Hashable, Sendable {
  /// The message's size as declared in SIZE=N (RFC 1870 3: CRLFs counted, no dot-stuffing).
  public var octets: Int
  /// The server's fixed maximum from its EHLO SIZE line.
  public var limit: Int

  public init(octets: Int, limit: Int) {
    self.octets = octets
    self.limit = limit
  }
}
