/// One resource record from a DNS message (RFC 1035 3.2.1), its data already decoded.
public struct DNSRecord: Hashable, Sendable {
  /// The owner name, without the trailing dot ("." for the root).
  public var name: String
  public var type: DNSRecordType
  /// The class; 1 (IN) for everything we ask.
  public var recordClass: UInt16
  public var ttl: UInt32
  public var data: DNSRecordData

  public init(
    name: String, type: DNSRecordType, recordClass: UInt16 = 1, ttl: UInt32, data: DNSRecordData
  ) {
    self.name = name
    self.type = type
    self.recordClass = recordClass
    self.ttl = ttl
    self.data = data
  }
}
