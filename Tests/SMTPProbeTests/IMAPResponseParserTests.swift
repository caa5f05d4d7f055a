import Testing

@testable import SMTPProbeCore

/// The IMAP response decoder: the same responses whatever the chunking, literals kept byte for
/// byte, and each bound enforced.
@Suite struct IMAPResponseParserTests {
  /// A server's answer to a header fetch (RFC 9051 7.5.2), with a literal holding CRLFs, `{`
  /// and a line that itself ends in `{3}`.
  static let header = "Subject: smtpprobe test message 1.a {3}\r\nX: }\r\n\r\n"
  static let stream =
    "* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n"
    + "* 1 FETCH (UID 7 BODY[HEADER] {\(header.utf8.count)}\r\n\(header))\r\n"
    + "+ go ahead\r\n"
    + "a1 OK Fetch completed\n"

  static let expected: [IMAPResponse] = [
    .untagged(IMAPUntagged(text: "OK [CAPABILITY IMAP4rev1 LITERAL+] ready")),
    .untagged(
      IMAPUntagged(
        text: "1 FETCH (UID 7 BODY[HEADER] {\(header.utf8.count)})",
        literals: [Array(header.utf8)])),
    .continuation(text: "go ahead"),
    .tagged(tag: "a1", status: .ok, text: "Fetch completed"),
  ]

  static func parse(_ chunks: [[UInt8]]) throws -> [IMAPResponse] {
    var parser = IMAPResponseParser()
    var responses: [IMAPResponse] = []
    for chunk in chunks {
      parser.append(chunk)
      while let response = try parser.next() { responses.append(response) }
    }
    return responses
  }

  @Test func wholeStreamInOneRead() throws {
    #expect(try Self.parse([Array(Self.stream.utf8)]) == Self.expected)
  }

  @Test func oneByteAtATime() throws {
    #expect(try Self.parse(Array(Self.stream.utf8).map { [$0] }) == Self.expected)
  }

  @Test func everySplitIntoTwoReads() throws {
    let bytes = Array(Self.stream.utf8)
    for split in 1..<bytes.count {
      let chunks = [Array(bytes[..<split]), Array(bytes[split...])]
      #expect(try Self.parse(chunks) == Self.expected, "split at \(split)")
    }
  }

  @Test func aLineWithoutEndPastTheBoundIsRefused() {
    var parser = IMAPResponseParser()
    parser.append(Array(repeating: 0x41, count: IMAPResponseParser.maximumLineOctets + 1))
    #expect(throws: IMAPParseError.lineTooLong(limit: IMAPResponseParser.maximumLineOctets)) {
      try parser.next()
    }
  }

  @Test func aLiteralOverTheBoundIsRefusedBeforeItsBytesArrive() {
    var parser = IMAPResponseParser()
    parser.append(Array("* 1 FETCH (BODY[] {999999999}\r\n".utf8))
    #expect(
      throws: IMAPParseError.literalTooLarge(
        octets: 999_999_999, limit: IMAPResponseParser.maximumLiteralOctets)
    ) { try parser.next() }
  }

  @Test func aTaggedLineWithoutAStatusIsMalformed() {
    var parser = IMAPResponseParser()
    parser.append(Array("a1 MAYBE fine\r\n".utf8))
    #expect(throws: IMAPParseError.self) { try parser.next() }
  }

  @Test func aLiteralPlusAnnouncementIsALiteralToo() throws {
    let responses = try Self.parse([Array("* 1 FETCH (BODY[] {2+}\r\nab)\r\n".utf8)])
    #expect(
      responses == [
        .untagged(IMAPUntagged(text: "1 FETCH (BODY[] {2+})", literals: [[0x61, 0x62]]))
      ])
  }
}
