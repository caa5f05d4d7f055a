import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// CNAME chains that loop or run too long are said as what they are (RFC 1034 3.6.2), not as
/// NODATA.
@Suite struct CNAMEChainTests {
  private func response(_ name: String, _ type: DNSRecordType, answers: [DNSRecord]) throws
    -> DNSMessage
  {
    var message = try DNSMessage(parsing: [0x12, 0x34, 0x81, 0x80, 0, 0, 0, 0, 0, 0, 0, 0])
    message.questions = [DNSQuestion(name: name, type: type)]
    message.answers = answers
    return message
  }

  private func alias(_ name: String, _ target: String) -> DNSRecord {
    DNSRecord(name: name, type: .cname, ttl: 0, data: .cname(target))
  }

  @Test func aLoopIsNamedWithItsChain() throws {
    let message = try response(
      "a.test", .a, answers: [alias("a.test", "b.test"), alias("B.test", "A.test.")])
    #expect(throws: DNSError.cnameLoop(name: "a.test", chain: ["a.test", "b.test", "A.test"])) {
      try DNSAnswer.interpret(message, name: "a.test", type: .a, server: "s")
    }
  }

  @Test func aSelfAliasIsALoop() throws {
    let message = try response("a.test", .mx, answers: [alias("a.test", "a.test")])
    #expect(throws: DNSError.cnameLoop(name: "a.test", chain: ["a.test", "a.test"])) {
      try DNSAnswer.interpret(message, name: "a.test", type: .mx, server: "s")
    }
  }

  @Test func aChainLongerThanWeFollowIsNotFollowed() throws {
    let hops = (0...DNSAnswer.maximumAliases + 1).map { "h\($0).test" }
    let records = zip(hops, hops.dropFirst()).map { alias($0, $1) }
    let end = DNSRecord(name: hops.last ?? "", type: .a, ttl: 0, data: .a("127.0.0.1"))
    let message = try response("h0.test", .a, answers: records + [end])
    #expect {
      try DNSAnswer.interpret(message, name: "h0.test", type: .a, server: "s")
    } throws: { error in
      guard case .cnameChainNotFollowed(let name, _, let type, let server)? = error as? DNSError
      else { return false }
      return name == "h0.test" && type == .a && server == "s"
    }
  }

  @Test func aChainOfTheMaximumLengthIsFollowed() throws {
    let hops = (0...DNSAnswer.maximumAliases).map { "h\($0).test" }
    let records = zip(hops, hops.dropFirst()).map { alias($0, $1) }
    let end = DNSRecord(name: hops.last ?? "", type: .a, ttl: 0, data: .a("127.0.0.1"))
    let message = try response("h0.test", .a, answers: records + [end])
    let answer = try DNSAnswer.interpret(message, name: "h0.test", type: .a, server: "s")
    #expect(answer.aliases.count == DNSAnswer.maximumAliases)
    #expect(answer.records.map(\.data) == [.a("127.0.0.1")])
  }
}
