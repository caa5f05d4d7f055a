import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// A reply split into chunks, with the limits it is parsed under (inputs found by `Scripts/fuzz`).
struct RegressionCase: CustomTestStringConvertible, Sendable {
  let id: String
  let chunks: [String]
  let limits: ReplyParser.Limits
  var testDescription: String { id }
}

/// Inputs the fuzzer found where chunking changed the outcome; each must parse as if whole.
@Suite struct ReplyParserRegressionTests {
  /// Limits under which a 40-byte line is the longest allowed.
  static let small = ReplyParser.Limits(maxLineBytes: 40, maxReplyLines: 4, maxReplyBytes: 120)
  static let line40 = "550 5.1.1 " + String(repeating: "x", count: 30)

  static let cases: [RegressionCase] = [
    // The CR of a line of exactly maxLineBytes arrived before its LF: the CR was counted as
    // part of the line and the parser threw lineTooLong.
    RegressionCase(
      id: "CR of a maximum-length line in its own chunk", chunks: [line40 + "\r", "\n"],
      limits: small),
    RegressionCase(
      id: "CR and LF in separate chunks after a short line", chunks: ["250 OK\r", "\n"],
      limits: small),
    RegressionCase(
      id: "maximum-length line then CR, LF split at every byte",
      chunks: (line40 + "\r\n").map { String($0) }, limits: small),
  ]

  @Test(arguments: cases) func chunkingDoesNotChangeTheReplies(_ testCase: RegressionCase) throws {
    let whole = try feed([testCase.chunks.joined()], limits: testCase.limits)
    let chunked = try feed(testCase.chunks, limits: testCase.limits)
    #expect(chunked == whole)
    #expect(chunked.count == 1)
  }

  @Test func lineOverTheLimitWithTrailingCRStillFails() {
    var parser = ReplyParser(limits: Self.small)
    parser.append(Array((Self.line40 + "y\r").utf8))
    #expect(throws: ReplyParserError.lineTooLong(limit: 40)) { try parser.next() }
  }

  /// Feeds each chunk, drains the parser after each, and requires a clean end of stream.
  private func feed(_ chunks: [String], limits: ReplyParser.Limits) throws -> [Reply] {
    var parser = ReplyParser(limits: limits)
    var replies: [Reply] = []
    for chunk in chunks {
      parser.append(Array(chunk.utf8))
      while let reply = try parser.next() { replies.append(reply) }
    }
    try parser.finish()
    return replies
  }
}
