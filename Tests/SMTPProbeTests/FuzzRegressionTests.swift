import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Inputs the fuzzers (Scripts/fuzz) stopped on, kept so that the answer stays decided.
@Suite struct FuzzRegressionTests {
  /// `replies` target: an EHLO reply with a blank keyword line, a bare CR and bytes above 127.
  ///
  /// The invariant was wrong, not the parser: a blank keyword line (`250-`, or `250 ` closing
  /// the list as some appliances send) names nothing and is dropped, while every other line,
  /// odd bytes included, stays one keyword, verbatim.
  @Test func aBlankEHLOKeywordLineNamesNothing() throws {
    let bytes: [UInt8] =
      Array("250-mx.probe.test\r\n250-PIPELINING\r\n250-\r\n250-".utf8) + [0xC3, 0xA9, 0x0D]
      + Array("X\r\n250- \t\r\n250-\u{FF}SIZE 1000\r\n250 \r\n".utf8)
    let replies = try ReplyParser.parseAll(bytes)
    let reply = try #require(replies.first)
    #expect(replies.count == 1)
    #expect(reply.texts.count == 7)
    let ehlo = Capabilities(reply: reply)
    #expect(ehlo.keywords.map(\.line) == ["PIPELINING", "é\rX", "\u{FF}SIZE 1000"])
    #expect(ehlo.keywords.map(\.name) == ["PIPELINING", "É\rX", "\u{178}SIZE"])
    #expect(ehlo.offers(.pipelining))
    #expect(ehlo.maximumMessageSize == nil)
  }
}

/// `replies` target finding: an enhanced code followed by a space and a combining mark.
@Suite struct EnhancedCodeFuzzRegressionTests {
  /// The prefix's length counts UTF-8 bytes, and the reply's text drops exactly those bytes,
  /// although the space and U+030F form one Character.
  @Test func aCombiningMarkAfterTheCodeStaysInTheText() throws {
    let line = "2.0.5 \u{30F}RO35: queued"
    let (code, length) = try #require(EnhancedStatusCode.prefix(of: line[...]))
    #expect(code == EnhancedStatusCode("2.0.5"))
    #expect(length == 6)
    let reply = Reply(code: 250, lines: ["250 " + line])
    #expect(reply.enhanced == EnhancedStatusCode("2.0.5"))
    #expect(reply.text == "\u{30F}RO35: queued")
  }
}

/// `address` target findings.
@Suite struct AddressFuzzRegressionTests {
  /// An address reads the same with and without angle brackets, combining marks included.
  ///
  /// The finding: a local part that starts with a combining mark (U+0732), where `<` and the mark
  /// form one grapheme, which hid the bracket. Whether such an address is accepted at all is the
  /// address rules' business.
  @Test(arguments: [
    String(
      decoding: [0xDC, 0xB2, 0xB2, 0xB2, 0xB2, 0x2F, 0x66, 0x66, 0x78, 0x40, 0xBF], as: UTF8.self),
    "\u{301}x@probe.test", "alice@\u{301}probe.test", "x\u{301}@probe.test",
  ])
  func anAddressReadsTheSameInBrackets(_ text: String) throws {
    let bare = try? Address(text)
    #expect(bare == (try? Address("<\(text)>")))
    if let bare { #expect(try Address(bare.path) == bare) }
  }

  @Test func theFoundAddressSplitsAtItsLastAt() throws {
    let text = String(decoding: [0xDC, 0xB2, 0x2F, 0x66, 0x40, 0x74, 0x2E, 0x74], as: UTF8.self)
    let address = try Address(text)
    #expect(address.localPart == "\u{732}/f")
    #expect(address.domain == "t.t")
  }
}
