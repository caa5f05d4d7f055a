/// The question a DNS message is about (RFC 1035 4.1.2).
public struct DNSQuestion: Hashable, Sendable {
  /// The name asked for, without the trailing dot.
  public var name: String
  public var type: DNSRecordType
  /// The class; 1 (IN).
  public var questionClass: UInt16

  public init(name: String, type: DNSRecordType, questionClass: UInt16 = 1) {
    self.name = name
    self.type = type
    self.questionClass = questionClass
  }
}
