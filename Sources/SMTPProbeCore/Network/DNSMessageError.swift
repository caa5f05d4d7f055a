/// Why bytes are not a well-formed DNS message (RFC 1035 4.1); each case says where.
public enum DNSMessageError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The message ends (at `offset`) before `what` is complete.
  case truncated(what: String, offset: Int)
  /// A compression pointer at `offset` leads back into a name already being read (RFC 1035 4.1.4).
  case compressionLoop(offset: Int)
  /// A compression pointer at `offset` points outside the message.
  case pointerOutOfRange(offset: Int, target: Int)
  /// A label starts with the reserved bits 01 or 10 (RFC 6891 retired extended labels).
  case unsupportedLabelType(offset: Int, byte: UInt8)
  /// A name is longer than 255 octets (RFC 1035 2.3.4).
  case nameTooLong(offset: Int)
  /// A record's RDLENGTH does not fit its type (an A record must be 4 bytes, ...).
  case badRecordData(type: DNSRecordType, offset: Int, reason: String)

  public var description: String {
    switch self {
    case .truncated(let what, let offset):
      "the message ends at byte \(offset), inside \(what)"
    case .compressionLoop(let offset):
      "a name compression pointer at byte \(offset) loops back into the same name"
    case .pointerOutOfRange(let offset, let target):
      "a name compression pointer at byte \(offset) points to byte \(target), past the message"
    case .unsupportedLabelType(let offset, let byte):
      "the label at byte \(offset) has the unsupported type bits of 0x\(String(byte, radix: 16))"
    case .nameTooLong(let offset):
      "the name at byte \(offset) is longer than 255 octets"
    case .badRecordData(let type, let offset, let reason):
      "the \(type) record at byte \(offset) is malformed: \(reason)"
    }
  }
}
