import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A named parser input and what must come out of it.
struct ParserCase: CustomTestStringConvertible, Sendable {
  let id: String
  let input: String
  let codes: [Int]
  let violations: [[String]]
  var testDescription: String { id }
}

/// Feeds `bytes` to a fresh parser split at the given offsets and collects every reply.
func parse(_ bytes: [UInt8], splitAt cuts: [Int]) throws -> [Reply] {
  var parser = ReplyParser()
  var replies: [Reply] = []
  var previous = 0
  for cut in cuts + [bytes.count] where cut >= previous {
    parser.append(bytes[previous..<cut])
    previous = cut
    while let reply = try parser.next() { replies.append(reply) }
  }
  return replies
}

@Suite struct ReplyParserTests {
  static let ehlo =
    "250-mx.probe.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-ENHANCEDSTATUSCODES\r\n"
    + "250 CHUNKING\r\n"

  @Test func singleLineReply() throws {
    let replies = try parse(Array("250 OK\r\n".utf8), splitAt: [])
    let reply = try #require(replies.first)
    #expect(reply.code == 250)
    #expect(reply.text == "OK")
    #expect(reply.lines == ["250 OK"])
    #expect(reply.violations.isEmpty)
  }

  @Test func multiLineReplyKeepsEveryLine() throws {
    let replies = try parse(Array(Self.ehlo.utf8), splitAt: [])
    #expect(replies.count == 1)
    let reply = try #require(replies.first)
    #expect(reply.code == 250)
    #expect(
      reply.texts == [
        "mx.probe.test", "PIPELINING", "SIZE 10240000", "ENHANCEDSTATUSCODES", "CHUNKING",
      ])
    #expect(reply.violations.isEmpty)
  }

  /// Every split point of a multi-line reply followed by a second reply gives the same result
  /// (STYLE rule 15: whole, in one read, byte by byte).
  @Test func everyChunkBoundaryOfAMultiLineReply() throws {
    let text =
      Self.ehlo + "550-5.1.1 The email account that you tried to reach does not exist.\r\n"
      + "550 5.1.1 Please try double-checking the recipient's email address.\r\n"
    let bytes = Array(text.utf8)
    let whole = try parse(bytes, splitAt: [])
    #expect(whole.count == 2)
    for cut in 0...bytes.count {
      #expect(try parse(bytes, splitAt: [cut]) == whole, "split at \(cut)")
    }
    for first in stride(from: 0, through: bytes.count, by: 7) {
      for second in stride(from: first, through: bytes.count, by: 11) {
        #expect(try parse(bytes, splitAt: [first, second]) == whole)
      }
    }
    #expect(try parse(bytes, splitAt: Array(0...bytes.count)) == whole, "byte by byte")
    #expect(whole[1].enhanced == EnhancedStatusCode("5.1.1"))
    #expect(
      whole[1].text
        == "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address."
    )
  }

  @Test func incompleteReplyWaitsForMoreBytes() throws {
    var parser = ReplyParser()
    parser.append(Array("250-first\r\n250 sec".utf8))
    #expect(try parser.next() == nil)
    #expect(parser.isMidReply)
    #expect(throws: ReplyParserError.truncated(bufferedBytes: 18)) { try parser.finish() }
    parser.append(Array("ond\r\n".utf8))
    let reply = try #require(try parser.next())
    #expect(reply.texts == ["first", "second"])
    #expect(!parser.isMidReply)
    try parser.finish()
  }

  static let cases: [ParserCase] = [
    ParserCase(id: "code with no text", input: "250\r\n", codes: [250], violations: [[]]),
    ParserCase(
      id: "enhanced code on one line", input: "550 5.1.1 <bob@x.org>: User unknown\r\n",
      codes: [550], violations: [[]]),
    ParserCase(id: "bare LF", input: "220 hello\n", codes: [220], violations: [["bare-lf"]]),
    ParserCase(
      id: "code changes inside a multi-line reply", input: "250-one\r\n251 two\r\n", codes: [250],
      violations: [["code-changed"]]),
    ParserCase(
      id: "bad separator", input: "250xOK\r\n", codes: [250], violations: [["bad-separator"]]),
    ParserCase(
      id: "too short for a code", input: "25\r\n", codes: [0], violations: [["missing-code"]]),
    ParserCase(
      id: "non-ASCII text", input: "550 Benutzer unbekannt: Müller\r\n", codes: [550],
      violations: [["non-ascii"]]),
    ParserCase(id: "NUL byte", input: "250 a\u{0}b\r\n", codes: [250], violations: [["nul-byte"]]),
    ParserCase(
      id: "control character", input: "250 a\u{1B}[31mb\r\n", codes: [250],
      violations: [["control-character"]]),
    ParserCase(
      id: "text before the code", input: "garbage 220 mx ESMTP\r\n", codes: [220],
      violations: [["text-before-code"]]),
    ParserCase(
      id: "second digit out of range", input: "299 odd\r\n", codes: [299],
      violations: [["code-out-of-range"]]),
    ParserCase(
      id: "first digit out of range", input: "650 odd\r\n", codes: [650],
      violations: [["code-out-of-range"]]),
    ParserCase(
      id: "two replies in one read", input: "250 a\r\n354 go ahead\r\n", codes: [250, 354],
      violations: [[], []]),
  ]

  @Test(arguments: cases)
  func toleratesAndRecords(_ c: ParserCase) throws {
    let bytes = Array(c.input.utf8)
    let replies = try parse(bytes, splitAt: [])
    #expect(replies.map(\.code) == c.codes)
    #expect(replies.map { $0.violations.map(\.identifier) } == c.violations)
    #expect(try parse(bytes, splitAt: Array(0...bytes.count)) == replies, "byte by byte")
  }

  @Test func lineOverRFCLimitIsRecorded() throws {
    let text = "250 " + String(repeating: "x", count: 600) + "\r\n"
    let reply = try #require(try parse(Array(text.utf8), splitAt: []).first)
    #expect(reply.violations == [.lineTooLong(line: 0, octets: 606)])
    #expect(reply.violations[0].description.contains("512"))
  }

  @Test func exactly512OctetsIsFine() throws {
    let text = "250 " + String(repeating: "x", count: 506) + "\r\n"
    #expect(text.utf8.count == 512)
    let reply = try #require(try parse(Array(text.utf8), splitAt: []).first)
    #expect(reply.violations.isEmpty)
  }

  @Test func hardLineLimitStopsWithoutLineEnding() throws {
    var parser = ReplyParser()
    let chunk = [UInt8](repeating: 0x41, count: 4096)
    parser.append(Array("250 ".utf8))
    parser.append(chunk)
    #expect(try parser.next() == nil)
    parser.append(chunk)
    #expect(throws: ReplyParserError.lineTooLong(limit: 8192)) { try parser.next() }
    // The parser stays failed and holds no memory.
    parser.append(Array("250 OK\r\n".utf8))
    #expect(throws: ReplyParserError.lineTooLong(limit: 8192)) { try parser.next() }
  }

  @Test func hardLineLimitWithLineEnding() throws {
    var parser = ReplyParser()
    parser.append(Array(("250 " + String(repeating: "y", count: 9000) + "\r\n").utf8))
    #expect(throws: ReplyParserError.lineTooLong(limit: 8192)) { try parser.next() }
  }

  @Test func hardLineCountLimit() throws {
    var parser = ReplyParser()
    for _ in 0..<1000 { parser.append(Array("250-x\r\n".utf8)) }
    #expect(try parser.next() == nil)
    parser.append(Array("250-x\r\n".utf8))
    #expect(throws: ReplyParserError.tooManyLines(limit: 1000)) { try parser.next() }
  }

  @Test func hardReplyByteLimit() throws {
    var parser = ReplyParser(
      limits: .init(maxLineBytes: 8192, maxReplyLines: 1000, maxReplyBytes: 65536))
    let line = Array(("250-" + String(repeating: "z", count: 500) + "\r\n").utf8)
    var thrown: ReplyParserError?
    for _ in 0..<200 where thrown == nil {
      parser.append(line)
      do { _ = try parser.next() } catch { thrown = error }
    }
    #expect(thrown == .replyTooLong(limit: 65536))
  }

  @Test func parseAllTakesAPastedReplyWithoutFinalLineEnding() throws {
    let replies = try ReplyParser.parseAll(
      Array("550-5.7.1 [203.0.113.9] Our system has detected\n550 5.7.1 unsolicited mail".utf8))
    #expect(replies.count == 1)
    #expect(replies[0].code == 550)
    #expect(replies[0].enhanced == EnhancedStatusCode("5.7.1"))
    #expect(replies[0].text == "[203.0.113.9] Our system has detected unsolicited mail")
  }

  @Test func parseAllEndsALastContinuationLine() throws {
    let replies = try ReplyParser.parseAll(Array("250-a\r\n250-b".utf8))
    #expect(replies.map(\.texts) == [["a", "b"]])
  }

  @Test func memoryStaysBoundedOverManyReplies() throws {
    var parser = ReplyParser()
    for _ in 0..<20_000 {
      parser.append(Array("250 OK\r\n".utf8))
      _ = try parser.next()
    }
    #expect(parser.bufferedByteCount == 0)
  }
}

@Suite struct EnhancedStatusCodeTests {
  @Test(arguments: ["5.1.1", "4.7.0", "2.0.0", "5.7.26", "4.4.999"])
  func parsesValid(_ text: String) {
    #expect(EnhancedStatusCode(text)?.description == text)
  }

  @Test(arguments: ["6.1.1", "5.1", "5..1", "55.1.1", "5.1.1000", "a.b.c", "5.1.1.1", ""])
  func rejectsInvalid(_ text: String) {
    #expect(EnhancedStatusCode(text) == nil)
  }

  @Test func prefixNeedsASpaceOrEnd() {
    #expect(EnhancedStatusCode.prefix(of: "5.1.1 User unknown")?.length == 6)
    #expect(EnhancedStatusCode.prefix(of: "5.1.1")?.length == 5)
    #expect(EnhancedStatusCode.prefix(of: "5.1.1: x") == nil)
    #expect(EnhancedStatusCode.prefix(of: "1.2.3.4 is listed") == nil)
  }
}
