import Testing

@testable import SMTPProbeCore

/// Our HTTP/1.1 client's response reader (RFC 9112): framing by chunks, by length or by the
/// end of the connection, and the bounds that keep a hostile server from filling memory.
@Suite struct HTTPResponseParserTests {
  static let policy = "version: STSv1\r\nmode: enforce\r\nmx: mx.example\r\nmax_age: 604800\r\n"

  /// Feeds `text` one byte at a time, the worst split a network can produce.
  static func feedBytewise(_ text: String, parser: inout HTTPResponseParser) throws
    -> HTTPResponse?
  {
    for byte in Array(text.utf8) {
      if let response = try parser.feed([byte]) { return response }
    }
    return nil
  }

  @Test func requestIsOneGETWithHostAndClose() {
    let text = String(
      decoding: HTTPGetRequest(host: "mta-sts.example.com", path: "/.well-known/mta-sts.txt")
        .bytes, as: UTF8.self)
    #expect(text.hasPrefix("GET /.well-known/mta-sts.txt HTTP/1.1\r\n"))
    #expect(text.contains("\r\nHost: mta-sts.example.com\r\n"))
    #expect(text.contains("\r\nConnection: close\r\n"))
    #expect(text.hasSuffix("\r\n\r\n"))
  }

  @Test func contentLengthEndsTheResponseWithoutWaitingForClose() throws {
    let body = Self.policy
    let text =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
      + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    var parser = HTTPResponseParser()
    let response = try #require(try Self.feedBytewise(text, parser: &parser))
    #expect(response.status == 200)
    #expect(response.reason == "OK")
    #expect(response.mediaType == "text/plain")
    #expect(String(decoding: response.body, as: UTF8.self) == body)
  }

  @Test func chunkedBodyIsJoinedAcrossChunksExtensionsAndTrailers() throws {
    let text =
      "HTTP/1.1 200 OK\r\ncontent-type: TEXT/PLAIN\r\ntransfer-encoding: chunked\r\n\r\n"
      + "10;name=value\r\nversion: STSv1\r\n\r\n" + "11\r\nmode: testing\r\nmx\r\n"
      + "0\r\nExpires: never\r\n\r\n"
    var parser = HTTPResponseParser()
    let response = try #require(try Self.feedBytewise(text, parser: &parser))
    #expect(response.mediaType == "text/plain")
    #expect(
      String(decoding: response.body, as: UTF8.self) == "version: STSv1\r\nmode: testing\r\nmx")
  }

  @Test func withoutLengthTheBodyEndsWithTheConnection() throws {
    var parser = HTTPResponseParser()
    #expect(
      try parser.feed(Array("HTTP/1.0 200 OK\nContent-Type: text/plain\n\nmode: none\n".utf8))
        == nil)
    let response = try parser.finish()
    #expect(String(decoding: response.body, as: UTF8.self) == "mode: none\n")
  }

  @Test func redirectKeepsItsLocation() throws {
    var parser = HTTPResponseParser()
    let response = try #require(
      try parser.feed(
        Array(
          "HTTP/1.1 301 Moved\r\nLocation: https://elsewhere/\r\nContent-Length: 0\r\n\r\n".utf8)))
    #expect(response.isRedirect)
    #expect(response.field("location") == "https://elsewhere/")
  }

  @Test func aBodyOverTheLimitIsRefusedByItsLengthBeforeItArrives() {
    var parser = HTTPResponseParser(bodyLimit: 64 * 1024)
    #expect(throws: HTTPResponseError.bodyTooLarge(limit: 65_536)) {
      try parser.feed(Array("HTTP/1.1 200 OK\r\nContent-Length: 65537\r\n\r\n".utf8))
    }
  }

  @Test func chunksAddingUpOverTheLimitAreRefused() {
    var parser = HTTPResponseParser(bodyLimit: 16)
    let text =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "a\r\n0123456789\r\n"
      + "a\r\n0123456789\r\n0\r\n\r\n"
    #expect(throws: HTTPResponseError.bodyTooLarge(limit: 16)) {
      try parser.feed(Array(text.utf8))
    }
  }

  @Test func aBodyThatNeverEndsIsCutOffAtTheBound() throws {
    var parser = HTTPResponseParser(headerLimit: 1024, bodyLimit: 1024)
    _ = try parser.feed(Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
    #expect(throws: HTTPResponseError.bodyTooLarge(limit: 1024)) {
      for _ in 0..<100 { _ = try parser.feed([UInt8](repeating: 0x41, count: 1024)) }
    }
  }

  @Test func aHeaderThatNeverEndsIsRefused() {
    var parser = HTTPResponseParser(headerLimit: 256)
    #expect(throws: HTTPResponseError.headerTooLarge(limit: 256)) {
      _ = try parser.feed(Array("HTTP/1.1 200 OK\r\n".utf8))
      for _ in 0..<100 { _ = try parser.feed(Array("X-Filler: aaaaaaaaaa\r\n".utf8)) }
    }
  }

  @Test(arguments: [
    ("SSH-2.0-OpenSSH_9.6\r\n\r\n", "status"),
    ("HTTP/1.1 20 OK\r\n\r\n", "status"),
    ("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "header"),
    ("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n", "length"),
    ("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "length"),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "coding"),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk"),
    ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "chunk"),
  ])
  func malformedResponsesAreNamed(_ text: String, _ kind: String) {
    var parser = HTTPResponseParser()
    do {
      _ = try parser.feed(Array(text.utf8))
      Issue.record("\(text) was accepted")
    } catch {
      switch (error, kind) {
      case (.badStatusLine, "status"), (.badHeaderLine, "header"), (.badContentLength, "length"),
        (.unsupportedTransferCoding, "coding"), (.badChunk, "chunk"):
        break
      default: Issue.record("\(text): \(error)")
      }
    }
  }

  @Test func aResponseCutShortIsTruncated() throws {
    var parser = HTTPResponseParser()
    let text = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"
    _ = try parser.feed(Array(text.utf8))
    #expect(throws: HTTPResponseError.truncated(received: text.utf8.count)) {
      try parser.finish()
    }
  }
}
