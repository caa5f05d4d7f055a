import Testing

@testable import SMTPProbe

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
