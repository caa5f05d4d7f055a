import Testing

@testable import SMTPProbeCore

/// The incremental DATA encoder gives the same bytes and counts however the message is cut
/// into blocks: every split point, three-way splits and byte by byte.
@Suite struct ContentEncoderTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var input: [UInt8]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "CRLF", input: Array("a\r\nb\r\n".utf8)),
    Case(id: "bare LF and CR", input: Array("a\nb\rc\r\n".utf8)),
    Case(id: "CR then LF", input: Array("x\r\n.\r\n..y\r\n".utf8)),
    Case(id: "leading dots", input: Array(".a\n..b\n.\n.c".utf8)),
    Case(id: "bare CR before dot", input: Array("a\r.b\r\r.".utf8)),
    Case(id: "no final newline", input: Array("last".utf8)),
    Case(id: "only a dot", input: Array(".".utf8)),
    Case(id: "ends in CR", input: Array("a\r".utf8)),
    Case(id: "8-bit and NUL", input: Array("caf\u{E9}\n\0x\n".utf8)),
    Case(id: "empty", input: []),
  ]

  /// The whole message in one block: the reference.
  static func whole(_ input: [UInt8]) -> ([UInt8], ContentReport) {
    var encoder = ContentEncoder()
    let wire = encoder.encode(input) + encoder.finish()
    return (wire, encoder.report)
  }

  static func encode(_ blocks: [ArraySlice<UInt8>]) -> ([UInt8], ContentReport) {
    var encoder = ContentEncoder()
    var wire: [UInt8] = []
    for block in blocks { wire += encoder.encode(block) }
    return (wire + encoder.finish(), encoder.report)
  }

  @Test(arguments: cases)
  func everySplitGivesTheSameBytes(_ c: Case) {
    let reference = Self.whole(c.input)
    #expect(reference.0 == DotStuffing.stuff(c.input))
    #expect(DotStuffing.unstuff(reference.0) == DotStuffing.normalizeLineEndings(c.input))
    for i in 0...c.input.count {
      for j in i...c.input.count {
        let blocks = [c.input[..<i], c.input[i..<j], c.input[j...]]
        let (wire, report) = Self.encode(blocks)
        #expect(wire == reference.0, "split at \(i), \(j)")
        #expect(report == reference.1, "split at \(i), \(j)")
      }
    }
    let bytewise = Self.encode(c.input.indices.map { c.input[$0...$0] })
    #expect(bytewise.0 == reference.0)
    #expect(bytewise.1 == reference.1)
  }

  @Test func countsSizeAndLinesAsRFC1870Does() {
    let (_, report) = Self.whole(Array(".a\nb\n".utf8))
    #expect(report.octets == 7)  // ".a\r\nb\r\n": the doubled dot is not counted
    #expect(report.lines == 2)
    #expect(!report.has8BitOctets)
    #expect(Self.whole(Array("caf\u{E9}".utf8)).1.has8BitOctets)
  }

  @Test func aLineOfExactly1000OctetsWithItsCRLFIsNoFault() {
    let fits = [UInt8](repeating: 0x61, count: 998) + Array("\r\n".utf8)
    #expect(Self.whole(fits).1.longLines.count == 0)
    // A leading dot is doubled on the wire, and the wire line is what RFC 5321 4.5.3.1.6 bounds.
    let dotted = [0x2E] + [UInt8](repeating: 0x61, count: 997) + Array("\n".utf8)
    #expect(Self.whole(dotted).1.longLines.count == 1)
  }

  @Test func longLinesAndNULsAreCountedWithTheirFirstLine() {
    let long = [UInt8](repeating: 0x61, count: 1200)
    let message =
      Array("one\ntwo\n".utf8) + long + Array("\nfour\0\n".utf8) + long + Array("\0".utf8)
    let expected = Self.whole(message).1
    #expect(expected.longLines.count == 2)
    #expect(expected.longLines.firstLine == 3)
    #expect(expected.nulOctets.count == 2)
    #expect(expected.nulOctets.firstLine == 4)
    #expect(expected.lines == 5)
    // The same counts when a block boundary falls inside the long line, or in a CRLF.
    for split in [5, 600, 1208, 1209] {
      let (_, report) = Self.encode([message[..<split], message[split...]])
      #expect(report == expected, "split at \(split)")
    }
  }

  @Test func theBytesMessageSourceHandsOutBlocks() {
    let source = BytesMessageSource(Array("abcdefg".utf8))
    var blocks: [[UInt8]] = []
    while true {
      let block = source.nextBlock(maximum: 3)
      if block.isEmpty { break }
      blocks.append(block)
    }
    #expect(blocks.map(\.count) == [3, 3, 1])
  }
}
