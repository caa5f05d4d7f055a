import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct DNSAnswerTests {
  /// A response to `name type` with the given RCODE and answers.
  private func response(
    _ name: String, _ type: DNSRecordType, code: DNSResponseCode = .noError,
    answers: [DNSRecord] = []
  ) throws -> DNSMessage {
    // A 12-byte header: ID 0x1234, QR RD RA, NOERROR, all counts 0.
    var message = try DNSMessage(parsing: [0x12, 0x34, 0x81, 0x80, 0, 0, 0, 0, 0, 0, 0, 0])
    message.responseCode = code
    message.questions = [DNSQuestion(name: name, type: type)]
    message.answers = answers
    return message
  }

  @Test func followsCNAMEChain() throws {
    let message = try response(
      "alias.cname.test", .a,
      answers: [
        DNSRecord(name: "alias.cname.test", type: .cname, ttl: 0, data: .cname("MX.probe.test")),
        DNSRecord(name: "mx.probe.test", type: .a, ttl: 0, data: .a("127.0.0.1")),
      ])
    let answer = try DNSAnswer.interpret(
      message, name: "alias.cname.test.", type: .a, server: "127.0.0.1:53")
    #expect(answer.name == "alias.cname.test")
    #expect(answer.aliases == ["alias.cname.test"])
    #expect(answer.canonicalName == "MX.probe.test")
    #expect(answer.records.map(\.data) == [.a("127.0.0.1")])
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let id: String
    let code: DNSResponseCode
    let answers: [DNSRecord]
    let error: DNSError
    var testDescription: String { id }
  }

  @Test(arguments: [
    ErrorCase(
      id: "NXDOMAIN", code: .nameError, answers: [],
      error: .nameDoesNotExist(name: "x.test")),
    ErrorCase(
      id: "NODATA", code: .noError, answers: [], error: .noData(name: "x.test", type: .mx)),
    ErrorCase(
      id: "CNAME only is NODATA", code: .noError,
      answers: [DNSRecord(name: "x.test", type: .cname, ttl: 0, data: .cname("y.test"))],
      error: .noData(name: "x.test", type: .mx)),
    ErrorCase(
      id: "SERVFAIL", code: .serverFailure, answers: [],
      error: .serverFailure(name: "x.test", type: .mx, server: "s")),
    ErrorCase(
      id: "REFUSED", code: .refused, answers: [],
      error: .refused(name: "x.test", type: .mx, server: "s")),
    ErrorCase(
      id: "NOTIMP", code: .notImplemented, answers: [],
      error: .unexpectedResponseCode(name: "x.test", type: .mx, code: .notImplemented, server: "s")),
  ])
  func responseCodes(_ c: ErrorCase) throws {
    let message = try response("x.test", .mx, code: c.code, answers: c.answers)
    #expect(throws: c.error) {
      try DNSAnswer.interpret(message, name: "x.test", type: .mx, server: "s")
    }
  }

  @Test func answerToAnotherQuestionIsMalformed() throws {
    let message = try response("y.test", .mx)
    #expect(
      throws: DNSError.malformedAnswer(server: "s", reason: "it answers y.test MX, not x.test MX")
    ) {
      try DNSAnswer.interpret(message, name: "x.test", type: .mx, server: "s")
    }
  }

  @Test func errorMessagesSayWhatHappened() {
    #expect(
      DNSError.timedOut(server: "127.0.0.1:5353", seconds: 5, tries: 1).description
        == "no answer from DNS server 127.0.0.1:5353 within 5 s")
    #expect(
      DNSError.nameDoesNotExist(name: "nx.test").description
        == "the domain nx.test does not exist (NXDOMAIN)")
    #expect(
      DNSError.noData(name: "a.test", type: .mx).description
        == "a.test exists but has no MX record (NODATA)")
    #expect(!DNSError.serverFailure(name: "a", type: .mx, server: "s").isDefinitiveAnswer)
    #expect(DNSError.noData(name: "a", type: .mx).isDefinitiveAnswer)
  }

  @Test func queryEncoding() throws {
    let query = DNSQuery(name: "good.test.", type: .mx, id: 0x1234)
    #expect(
      try query.encoded()
        == [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
        + [4] + Array("good".utf8) + [4] + Array("test".utf8) + [0, 0, 15, 0, 1])
    #expect(try DNSQuery(name: ".", type: .ns, id: 1).encoded().suffix(5) == [0, 0, 2, 0, 1])
  }

  @Test(arguments: [
    ("a..test", "an empty label"),
    (String(repeating: "a", count: 64) + ".test", "a label longer than 63 octets"),
    (
      Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: "."),
      "longer than 255 octets"
    ),
    ("bücher.test", "only ASCII letters, digits and hyphens (use the xn-- form)"),
  ])
  func invalidQueryNames(name: String, reason: String) {
    #expect(throws: DNSError.invalidName(name: name, reason: reason)) {
      try DNSQuery(name: name, type: .a, id: 1).encoded()
    }
  }

  @Test(arguments: [
    ("127.0.0.1", "127.0.0.1:53"),
    ("127.0.0.1:5354", "127.0.0.1:5354"),
    ("::1", "[::1]:53"),
    ("[::1]", "[::1]:53"),
    ("[::1]:5353", "[::1]:5353"),
  ])
  func serverAddresses(text: String, description: String) throws {
    #expect(try DNSServerAddress(parsing: text).description == description)
  }

  @Test(arguments: ["localhost", "127.0.0.1:0", "127.0.0.1:70000", "[::1", "[::1]x", "1.2.3"])
  func invalidServerAddresses(text: String) {
    #expect(throws: DNSError.self) { try DNSServerAddress(parsing: text) }
  }

  @Test func reverseNames() {
    #expect(StaticResolver.reverseName(of: "127.0.0.4") == "4.0.0.127.in-addr.arpa")
    #expect(
      StaticResolver.reverseName(of: "2001:db8::1")
        == "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")
    #expect(StaticResolver.reverseName(of: "mx.test") == nil)
  }

  @Test func staticResolverConveniences() throws {
    let resolver = StaticResolver(
      entries: [
        "good.test": [
          .mx: .records([.mx(preference: 10, exchange: "mx.good.test")]),
          .txt: .records([.txt(["v=spf1 ", "-all"])]),
        ],
        "mx.good.test": [.a: .records([.a("127.0.0.1")]), .aaaa: .records([.aaaa("::1")])],
        "4.0.0.127.in-addr.arpa": [.ptr: .records([.ptr("mx.good.test")])],
      ],
      aliases: ["www.good.test": "mx.good.test"])
    #expect(try resolver.mx("good.test") == [MXRecord(preference: 10, exchange: "mx.good.test")])
    #expect(try resolver.addresses("mx.good.test") == ["127.0.0.1", "::1"])
    #expect(try resolver.addresses("mx.good.test", family: .ipv6) == ["::1"])
    #expect(try resolver.query("www.good.test", .a).aliases == ["www.good.test"])
    #expect(try resolver.txt("good.test") == ["v=spf1 -all"])
    #expect(try resolver.ptr("127.0.0.4") == ["mx.good.test"])
    #expect(throws: DNSError.noData(name: "good.test", type: .a)) {
      try resolver.addresses("good.test")
    }
    #expect(throws: DNSError.nameDoesNotExist(name: "nx.test")) { try resolver.mx("nx.test") }
  }
}
