/// A parsed DNS message (RFC 1035 4.1): header flags, the question, and the three record sections.
///
/// `init(parsing:)` is pure and total: any byte string either parses or throws a
/// `DNSMessageError` naming the offset; compressed names are followed with loop detection
/// (RFC 1035 4.1.4), and a message cut short (a UDP answer without TCP fallback) is an error,
/// never a crash.
public struct DNSMessage: Hashable, Sendable {
  public var id: UInt16
  /// QR: a response rather than a query.
  public var isResponse: Bool
  public var opcode: UInt8
  /// AA: the answering server is authoritative for the name.
  public var isAuthoritative: Bool
  /// TC: the message was truncated to fit the transport; ask again over TCP.
  public var isTruncated: Bool
  public var recursionDesired: Bool
  public var recursionAvailable: Bool
  /// AD: the answering resolver validated the answer with DNSSEC (RFC 4035 3.2.3, RFC 6840
  /// 5.8); meaningful only when the path to that resolver is trusted.
  public var authenticData: Bool
  public var responseCode: DNSResponseCode
  public var questions: [DNSQuestion]
  public var answers: [DNSRecord]
  public var authority: [DNSRecord]
  public var additional: [DNSRecord]

  /// Parses a whole DNS message.
  public init(parsing bytes: [UInt8]) throws(DNSMessageError) {
    var reader = DNSMessageReader(bytes: bytes)
    id = try reader.readUInt16(what: "the header")
    let flags = try reader.readUInt16(what: "the header")
    isResponse = flags & 0x8000 != 0
    opcode = UInt8((flags >> 11) & 0xF)
    isAuthoritative = flags & 0x0400 != 0
    isTruncated = flags & 0x0200 != 0
    recursionDesired = flags & 0x0100 != 0
    recursionAvailable = flags & 0x0080 != 0
    authenticData = flags & 0x0020 != 0
    responseCode = DNSResponseCode(rawValue: UInt8(flags & 0xF))
    let questionCount = try reader.readUInt16(what: "the header")
    let answerCount = try reader.readUInt16(what: "the header")
    let authorityCount = try reader.readUInt16(what: "the header")
    let additionalCount = try reader.readUInt16(what: "the header")
    questions = []
    for _ in 0..<questionCount {
      let name = try reader.readName(what: "the question section")
      let type = try reader.readUInt16(what: "the question section")
      let questionClass = try reader.readUInt16(what: "the question section")
      questions.append(
        DNSQuestion(name: name, type: DNSRecordType(rawValue: type), questionClass: questionClass))
    }
    answers = try reader.readRecords(answerCount, section: "the answer section")
    authority = try reader.readRecords(authorityCount, section: "the authority section")
    additional = try reader.readRecords(additionalCount, section: "the additional section")
  }
}

/// A cursor over a DNS message's bytes; every read checks bounds first.
private struct DNSMessageReader {
  let bytes: [UInt8]
  var offset = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func readUInt8(what: String) throws(DNSMessageError) -> UInt8 {
    guard offset < bytes.count else { throw .truncated(what: what, offset: bytes.count) }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func readUInt16(what: String) throws(DNSMessageError) -> UInt16 {
    guard offset + 2 <= bytes.count else { throw .truncated(what: what, offset: bytes.count) }
    defer { offset += 2 }
    return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
  }

  mutating func readUInt32(what: String) throws(DNSMessageError) -> UInt32 {
    let high = try readUInt16(what: what)
    let low = try readUInt16(what: what)
    return UInt32(high) << 16 | UInt32(low)
  }

  /// Reads a possibly compressed name at the cursor and moves past it (RFC 1035 4.1.4).
  mutating func readName(what: String) throws(DNSMessageError) -> String {
    let (name, end) = try Self.name(in: bytes, at: offset, what: what)
    offset = end
    return name
  }

  /// Decodes the name at `start`; returns it and the offset just past its in-place encoding.
  ///
  /// Each pointer target is remembered: visiting one twice is a loop. The 255-octet limit
  /// (RFC 1035 2.3.4) bounds the work on any input.
  static func name(in bytes: [UInt8], at start: Int, what: String) throws(DNSMessageError)
    -> (String, Int)
  {
    var labels: [String] = []
    var position = start
    var end: Int?
    var visited: Set<Int> = []
    var wireLength = 1
    while true {
      guard position < bytes.count else { throw .truncated(what: what, offset: bytes.count) }
      let length = bytes[position]
      switch length & 0xC0 {
      case 0x00:
        if length == 0 {
          let name = labels.isEmpty ? "." : labels.joined(separator: ".")
          return (name, end ?? position + 1)
        }
        let labelStart = position + 1
        guard labelStart + Int(length) <= bytes.count else {
          throw .truncated(what: what, offset: bytes.count)
        }
        wireLength += Int(length) + 1
        guard wireLength <= 255 else { throw .nameTooLong(offset: start) }
        labels.append(Self.labelText(bytes[labelStart..<labelStart + Int(length)]))
        position = labelStart + Int(length)
      case 0xC0:
        guard position + 2 <= bytes.count else { throw .truncated(what: what, offset: bytes.count) }
        let target = Int(length & 0x3F) << 8 | Int(bytes[position + 1])
        if end == nil { end = position + 2 }
        guard target < bytes.count else {
          throw .pointerOutOfRange(offset: position, target: target)
        }
        guard visited.insert(target).inserted else { throw .compressionLoop(offset: position) }
        position = target
      default:
        throw .unsupportedLabelType(offset: position, byte: length)
      }
    }
  }

  /// A label as text: printable ASCII kept, dots, backslashes and other bytes escaped like dig.
  static func labelText(_ label: ArraySlice<UInt8>) -> String {
    var text = ""
    for byte in label {
      switch byte {
      case UInt8(ascii: "."), UInt8(ascii: "\\"):
        text += "\\" + String(UnicodeScalar(byte))
      case 0x21...0x7E:
        text.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = String(byte)
        text += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
      }
    }
    return text
  }

  mutating func readRecords(_ count: UInt16, section: String) throws(DNSMessageError)
    -> [DNSRecord]
  {
    var records: [DNSRecord] = []
    for _ in 0..<count {
      records.append(try readRecord(section: section))
    }
    return records
  }

  mutating func readRecord(section: String) throws(DNSMessageError) -> DNSRecord {
    let name = try readName(what: section)
    let type = DNSRecordType(rawValue: try readUInt16(what: section))
    let recordClass = try readUInt16(what: section)
    let ttl = try readUInt32(what: section)
    let length = Int(try readUInt16(what: section))
    let dataStart = offset
    guard dataStart + length <= bytes.count else {
      throw .truncated(what: "the data of a \(type) record in \(section)", offset: bytes.count)
    }
    let data = try recordData(type: type, start: dataStart, length: length)
    offset = dataStart + length
    return DNSRecord(name: name, type: type, recordClass: recordClass, ttl: ttl, data: data)
  }

  /// Decodes RDATA for the types we use; names inside may be compressed (RFC 3597 4 allows it
  /// only for the RFC 1035 types, which are the ones decoded here).
  func recordData(type: DNSRecordType, start: Int, length: Int) throws(DNSMessageError)
    -> DNSRecordData
  {
    let end = start + length
    let rdata = Array(bytes[start..<end])
    let what = "the data of a \(type) record"
    func nameInside(at position: Int) throws(DNSMessageError) -> (String, Int) {
      let (name, after) = try Self.name(in: bytes, at: position, what: what)
      guard after <= end else {
        throw .badRecordData(type: type, offset: start, reason: "a name runs past RDLENGTH")
      }
      return (name, after)
    }
    func exactName() throws(DNSMessageError) -> String {
      let (name, after) = try nameInside(at: start)
      guard after == end else {
        throw .badRecordData(type: type, offset: start, reason: "bytes left after the name")
      }
      return name
    }
    switch type {
    case .a:
      guard length == 4 else {
        throw .badRecordData(type: type, offset: start, reason: "\(length) bytes, not 4")
      }
      return .a(IPAddress.v4(rdata).description)
    case .aaaa:
      guard length == 16 else {
        throw .badRecordData(type: type, offset: start, reason: "\(length) bytes, not 16")
      }
      return .aaaa(IPAddress.v6(rdata).description)
    case .mx:
      guard length >= 3 else {
        throw .badRecordData(type: type, offset: start, reason: "\(length) bytes, too short")
      }
      let preference = UInt16(rdata[0]) << 8 | UInt16(rdata[1])
      let (exchange, after) = try nameInside(at: start + 2)
      guard after == end else {
        throw .badRecordData(type: type, offset: start, reason: "bytes left after the name")
      }
      return .mx(preference: preference, exchange: exchange)
    case .cname: return .cname(try exactName())
    case .ns: return .ns(try exactName())
    case .ptr: return .ptr(try exactName())
    case .txt:
      var strings: [String] = []
      var position = 0
      while position < rdata.count {
        let count = Int(rdata[position])
        guard position + 1 + count <= rdata.count else {
          throw .badRecordData(type: type, offset: start, reason: "a string runs past RDLENGTH")
        }
        strings.append(String(decoding: rdata[position + 1..<position + 1 + count], as: UTF8.self))
        position += 1 + count
      }
      return .txt(strings)
    case .soa:
      let (primary, afterPrimary) = try nameInside(at: start)
      let (mailbox, afterMailbox) = try nameInside(at: afterPrimary)
      guard end - afterMailbox == 20 else {
        throw .badRecordData(
          type: type, offset: start, reason: "the five counters are not 20 bytes")
      }
      func counter(_ index: Int) -> UInt32 {
        let at = afterMailbox + index * 4
        return bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }
      }
      return .soa(primary: primary, mailbox: mailbox, serial: counter(0), minimum: counter(4))
    case .tlsa:
      do throws(TLSARecord.DecodingError) {
        return .tlsa(try TLSARecord(rdata: rdata))
      } catch {
        throw .badRecordData(type: type, offset: start, reason: error.description)
      }
    default:
      return .other(rdata)
    }
  }
}
