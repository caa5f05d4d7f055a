import Testing

@testable import SMTPProbe

@Suite struct ReplyParserTests {
  @Test func singleLineReply() throws {
    var parser = ReplyParser()
    parser.append(Array("250 OK\r\n".utf8))
    let reply = try #require(try parser.next())
    #expect(reply.code == 250)
    #expect(reply.text == "OK")
    #expect(reply.violations.isEmpty)
  }
}
