import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Bytes from hex, spaces ignored.
private func bytes(_ hex: String) -> [UInt8] {
  let digits = Array(hex.filter { !$0.isWhitespace })
  return stride(from: 0, to: digits.count, by: 2).compactMap { index in
    UInt8(String(digits[index..<index + 2]), radix: 16)
  }
}

/// Answers captured from dnsmasq 2.89 serving Scripts/servers/dnsmasq.sh's zones (query ID 0x1234).
private enum Captured {
  /// good.test MX: two MX records, owner names compressed, an A record in the additional section.
  static let goodMX = bytes(
    "12348580000100020000000104676f6f64047465737400000f0001c00c000f00010000000000110014026d78"
      + "0570726f6265047465737400c00c000f0001000000000012000a046465616404676f6f6404746573740"
      + "0c029000100010000000000047f000001")
  /// nullmx.test MX: RFC 7505 null MX, `0 .`.
  static let nullMX = bytes(
    "123485800001000100000000066e756c6c6d78047465737400000f0001c00c000f0001000000000003000000")
  /// aonly.test MX: NOERROR with no answer (NODATA).
  static let noData = bytes("12348180000100000000000005616f6e6c79047465737400000f0001")
  /// nxdomain.test MX: NXDOMAIN.
  static let nxdomain = bytes("123481830001000000000000086e78646f6d61696e047465737400000f0001")
  /// alias.cname.test A: a CNAME to mx.probe.test, then its A record.
  static let cname = bytes(
    "12348580000100020000000005616c69617305636e616d6504746573740000010001c00c0005000100000000"
      + "000f026d780570726f6265047465737400c02e000100010000000000047f000001")
  /// good.test TXT: one SPF string.
  static let txt = bytes(
    "12348580000100010000000004676f6f6404746573740000100001c00c00100001000000000"
      + "01c1b763d73706631206970343a3132372e302e302e302f38202d616c6c")
  /// 1.0.0.127.in-addr.arpa PTR: mx.probe.test.
  static let ptr = bytes(
    "1234858000010001000000000131013001300331323707696e2d61646472046172706100000c0001c00c000c"
      + "000100000000000f026d780570726f6265047465737400")
  /// mx.dual.test AAAA: ::1.
  static let aaaa = bytes(
    "123485800001000100000000026d78046475616c047465737400001c0001c00c001c00010000000000100000"
      + "0000000000000000000000000001")
  /// example.com A: REFUSED (dnsmasq has no upstream server).
  static let refused = bytes("123481850001000000000000076578616d706c6503636f6d0000010001")
}

@Suite struct DNSMessageTests {
  @Test func mxAnswerWithCompressedNames() throws {
    let message = try DNSMessage(parsing: Captured.goodMX)
    #expect(message.id == 0x1234)
    #expect(message.isResponse && message.isAuthoritative && !message.isTruncated)
    #expect(message.responseCode == .noError)
    #expect(message.questions == [DNSQuestion(name: "good.test", type: .mx)])
    #expect(
      message.answers.map(\.data) == [
        .mx(preference: 20, exchange: "mx.probe.test"),
        .mx(preference: 10, exchange: "dead.good.test"),
      ])
    #expect(message.answers.map(\.name) == ["good.test", "good.test"])
    #expect(message.additional.map(\.data) == [.a("127.0.0.1")])
    #expect(message.additional.first?.name == "mx.probe.test")
  }

  struct CapturedCase: Sendable, CustomTestStringConvertible {
    let id: String
    let bytes: [UInt8]
    let responseCode: DNSResponseCode
    let answers: [DNSRecordData]
    var testDescription: String { id }
  }

  static let capturedCases: [CapturedCase] = [
    CapturedCase(
      id: "null MX", bytes: Captured.nullMX, responseCode: .noError,
      answers: [.mx(preference: 0, exchange: ".")]),
    CapturedCase(id: "NODATA", bytes: Captured.noData, responseCode: .noError, answers: []),
    CapturedCase(id: "NXDOMAIN", bytes: Captured.nxdomain, responseCode: .nameError, answers: []),
    CapturedCase(
      id: "CNAME then A", bytes: Captured.cname, responseCode: .noError,
      answers: [.cname("mx.probe.test"), .a("127.0.0.1")]),
    CapturedCase(
      id: "TXT", bytes: Captured.txt, responseCode: .noError,
      answers: [.txt(["v=spf1 ip4:127.0.0.0/8 -all"])]),
    CapturedCase(
      id: "PTR", bytes: Captured.ptr, responseCode: .noError, answers: [.ptr("mx.probe.test")]),
    CapturedCase(id: "AAAA", bytes: Captured.aaaa, responseCode: .noError, answers: [.aaaa("::1")]),
    CapturedCase(id: "REFUSED", bytes: Captured.refused, responseCode: .refused, answers: []),
  ]

  @Test(arguments: capturedCases)
  func capturedAnswer(_ c: CapturedCase) throws {
    let message = try DNSMessage(parsing: c.bytes)
    #expect(message.responseCode == c.responseCode)
    #expect(message.answers.map(\.data) == c.answers)
  }

  @Test func everyShorterPrefixThrowsTruncated() {
    for source in [Captured.goodMX, Captured.cname, Captured.txt, Captured.nullMX] {
      for length in 0..<source.count {
        #expect(throws: DNSMessageError.self) { try DNSMessage(parsing: Array(source[..<length])) }
      }
    }
  }

  /// Every single-byte corruption of captured answers parses or throws; none crashes or hangs.
  @Test func corruptedBytesNeverCrash() {
    var outcomes = (parsed: 0, rejected: 0)
    for source in [Captured.goodMX, Captured.cname, Captured.txt, Captured.ptr, Captured.aaaa] {
      for index in source.indices {
        for value: UInt8 in [0x00, 0x01, 0x3F, 0x40, 0x80, 0xC0, 0xC1, 0xFF] {
          var corrupted = source
          corrupted[index] = value
          do {
            _ = try DNSMessage(parsing: corrupted)
            outcomes.parsed += 1
          } catch {
            outcomes.rejected += 1
          }
        }
      }
    }
    #expect(outcomes.parsed > 0)
    #expect(outcomes.rejected > 0)
  }

  @Test func truncationSaysWhere() {
    #expect(throws: DNSMessageError.truncated(what: "the answer section", offset: 30)) {
      try DNSMessage(parsing: Array(Captured.goodMX[..<30]))
    }
    #expect(throws: DNSMessageError.truncated(what: "the header", offset: 5)) {
      try DNSMessage(parsing: Array(Captured.goodMX[..<5]))
    }
  }

  @Test func truncatedFlagIsRead() throws {
    var truncated = Captured.noData
    truncated[2] |= 0x02
    #expect(try DNSMessage(parsing: truncated).isTruncated)
  }

  struct MalformedCase: Sendable, CustomTestStringConvertible {
    let id: String
    let bytes: [UInt8]
    let error: DNSMessageError
    var testDescription: String { id }
  }

  /// A response header with one question and `answers` answers.
  private static func header(answers: UInt8 = 0) -> String {
    "1234 8180 0001 00\(String(format2: answers)) 0000 0000"
  }

  static let malformedCases: [MalformedCase] = [
    MalformedCase(
      id: "pointer to itself",
      bytes: bytes(header() + "c00c 000f 0001"),
      error: .compressionLoop(offset: 12)),
    MalformedCase(
      id: "two pointers in a loop",
      bytes: bytes(header() + "01 61 c0 0e c0 0c"),
      error: .compressionLoop(offset: 14)),
    MalformedCase(
      id: "pointer past the end",
      bytes: bytes(header() + "c0ff 000f 0001"),
      error: .pointerOutOfRange(offset: 12, target: 255)),
    MalformedCase(
      id: "reserved label type",
      bytes: bytes(header() + "41 00 000f 0001"),
      error: .unsupportedLabelType(offset: 12, byte: 0x41)),
    MalformedCase(
      id: "label past the end",
      bytes: bytes(header() + "05 61 62"),
      error: .truncated(what: "the question section", offset: 15)),
    MalformedCase(
      id: "A record of 3 bytes",
      bytes: bytes(header(answers: 1) + "00 0001 0001" + "00 0001 0001 00000000 0003 7f0000"),
      error: .badRecordData(type: .a, offset: 28, reason: "3 bytes, not 4")),
    MalformedCase(
      id: "RDLENGTH past the end",
      bytes: bytes(header(answers: 1) + "00 0001 0001" + "00 0001 0001 00000000 0010 7f000001"),
      error: .truncated(what: "the data of a A record in the answer section", offset: 32)),
    MalformedCase(
      id: "MX name longer than RDLENGTH",
      bytes: bytes(
        header(answers: 1) + "00 000f 0001" + "00 000f 0001 00000000 0003 000a 01 61 00"),
      error: .badRecordData(type: .mx, offset: 28, reason: "a name runs past RDLENGTH")),
    MalformedCase(
      id: "TXT string past RDLENGTH",
      bytes: bytes(header(answers: 1) + "00 0010 0001" + "00 0010 0001 00000000 0002 05 61"),
      error: .badRecordData(type: .txt, offset: 28, reason: "a string runs past RDLENGTH")),
    MalformedCase(
      id: "name over 255 octets",
      bytes: bytes(
        header() + String(repeating: "3f" + String(repeating: "61", count: 63), count: 5) + "00"),
      error: .nameTooLong(offset: 12)),
  ]

  @Test(arguments: malformedCases)
  func malformed(_ c: MalformedCase) {
    #expect(throws: c.error) { try DNSMessage(parsing: c.bytes) }
  }

  @Test func soaInNegativeAnswer() throws {
    // example.test MX: NXDOMAIN with the zone's SOA in the authority section; names compressed.
    let message = try DNSMessage(
      parsing: bytes(
        "1234 8183 0001 0000 0001 0000"
          + "07 6578616d706c65 04 74657374 00 000f 0001"
          + "c014 0006 0001 00000e10 0020"
          + "02 6e73 c014" + "04 726f6f74 c014"
          + "00000001 00001c20 00000e10 00093a80 0000012c"))
    #expect(message.responseCode == .nameError)
    #expect(
      message.authority.map(\.data) == [
        .soa(primary: "ns.test", mailbox: "root.test", serial: 1, minimum: 300)
      ])
    #expect(message.authority.first?.name == "test")
  }

  @Test func labelsWithOddBytesAreEscaped() throws {
    let message = try DNSMessage(parsing: bytes(Self.header() + "03 612e5c 02 2000 00 000f 0001"))
    #expect(message.questions.first?.name == #"a\.\\.\032\000"#)
  }

  struct IPv6Case: Sendable, CustomTestStringConvertible {
    let id: String
    let hex: String
    let text: String
    var testDescription: String { id }
  }

  @Test(arguments: [
    IPv6Case(id: "loopback", hex: "00000000000000000000000000000001", text: "::1"),
    IPv6Case(id: "unspecified", hex: "00000000000000000000000000000000", text: "::"),
    IPv6Case(id: "documentation", hex: "20010db8000000000000000000000001", text: "2001:db8::1"),
    IPv6Case(
      id: "first longest run", hex: "20010db8000000010000000000000001", text: "2001:db8:0:1::1"),
    IPv6Case(
      id: "single zero kept", hex: "20010db8000100010001000100010000", text: "2001:db8:1:1:1:1:1:0"),
    IPv6Case(
      id: "longest run wins", hex: "20010000000000010000000000000001", text: "2001:0:0:1::1"),
    IPv6Case(
      id: "leftmost of equal runs", hex: "20010000000000010000000000010001", text: "2001::1:0:0:1:1"
    ),
  ])
  func ipv6Text(_ c: IPv6Case) {
    #expect(DNSMessageIPv6.text(bytes(c.hex)) == c.text)
  }
}

/// The parser's IPv6 formatter, reached through an AAAA record.
private enum DNSMessageIPv6 {
  static func text(_ address: [UInt8]) -> String? {
    let message = try? DNSMessage(
      parsing: bytes("1234 8180 0000 0001 0000 0000 00 001c 0001 00000000 0010") + address)
    guard case .aaaa(let text)? = message?.answers.first?.data else { return nil }
    return text
  }
}

extension String {
  fileprivate init(format2 value: UInt8) {
    let digits = String(value, radix: 16)
    self = digits.count == 1 ? "0" + digits : digits
  }
}
