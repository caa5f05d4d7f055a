/// A standard query for one name and type, rendered to wire bytes (RFC 1035 4.1).
public struct DNSQuery: Hashable, Sendable {
  /// The name to ask for; a trailing dot is allowed.
  public var name: String
  public var type: DNSRecordType
  public var id: UInt16
  /// RD: ask the server to recurse for us (what a stub resolver does).
  public var recursionDesired: Bool
  /// AD in a query: asks a validating resolver to say whether it validated the answer
  /// (RFC 6840 5.7).
  public var authenticDataRequested: Bool

  public init(
    name: String, type: DNSRecordType, id: UInt16, recursionDesired: Bool = true,
    authenticDataRequested: Bool = false
  ) {
    self.authenticDataRequested = authenticDataRequested
    self.name = name
    self.type = type
    self.id = id
    self.recursionDesired = recursionDesired
  }

  /// The query's wire bytes: header, one question of class IN, no compression.
  ///
  /// Names must be ASCII (internationalized names go in as their xn-- form), with labels of
  /// 1 to 63 octets and at most 255 octets in all (RFC 1035 2.3.4).
  public func encoded() throws(DNSError) -> [UInt8] {
    var bytes: [UInt8] = [
      UInt8(id >> 8), UInt8(id & 0xFF), recursionDesired ? 0x01 : 0x00,
      authenticDataRequested ? 0x20 : 0x00,
      0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ]
    bytes += try Self.encodedName(name)
    bytes += [UInt8(type.rawValue >> 8), UInt8(type.rawValue & 0xFF), 0x00, 0x01]
    return bytes
  }

  /// A name as uncompressed labels ending in the root label.
  static func encodedName(_ name: String) throws(DNSError) -> [UInt8] {
    var trimmed = Substring(name)
    if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
    if trimmed.isEmpty { return [0] }
    guard trimmed.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
      throw .invalidName(
        name: name, reason: "only ASCII letters, digits and hyphens (use the xn-- form)")
    }
    var bytes: [UInt8] = []
    for label in trimmed.split(separator: ".", omittingEmptySubsequences: false) {
      guard !label.isEmpty else { throw .invalidName(name: name, reason: "an empty label") }
      guard label.utf8.count <= 63 else {
        throw .invalidName(name: name, reason: "a label longer than 63 octets")
      }
      bytes.append(UInt8(label.utf8.count))
      bytes += label.utf8
    }
    bytes.append(0)
    guard bytes.count <= 255 else {
      throw .invalidName(name: name, reason: "longer than 255 octets")
    }
    return bytes
  }
}
