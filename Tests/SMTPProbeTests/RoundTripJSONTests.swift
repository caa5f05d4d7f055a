import Foundation
import Testing

@testable import SMTPProbeCore

/// The round trip in JSON: the `arrival` finding's `record` carries the latency, the token and
/// the arrived message's authentication header fields as parsed; `message` its queue id.
@Suite struct RoundTripJSONTests {
  /// Header fields after RFC 8601 Appendix B.4 and RFC 7208 9.1's examples (folded, with
  /// comments, a quoted value).
  static let header = """
    Received-SPF: pass (mybox.example.org: domain of myname@example.com designates \r
     192.0.2.1 as permitted sender) receiver=mybox.example.org; client-ip=192.0.2.1;\r
     envelope-from="myname@example.com"; helo=foo.example.com;\r
    Authentication-Results: example.com 1;\r
     spf=pass smtp.mailfrom=example.net;\r
     dkim=fail reason="bad signature" (1024-bit key) header.d=example.net header.i=@example.net\r
    Subject: probe 1.a\r
    \r

    """

  /// The finding's JSON text, parsed back with Foundation.
  static func object(_ finding: CheckFinding) throws -> [String: Any] {
    let text = CheckJSONRenderer.finding(finding).pretty
    return try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func theArrivalCarriesTheParsedHeaderFields() throws {
    let findings = RoundTripJudgementTests.judgement.roundTripFindings(
      RoundTripJudgementTests.record(arrival: 2.25, header: Self.header),
      limits: try RoundTripJudgementTests.limits("spf=pass"))
    let arrival = try #require(RoundTripJudgementTests.finding(findings, .arrival))
    let record = try #require(try Self.object(arrival)["record"] as? [String: Any])
    #expect(record["token"] as? String == "1.a")
    #expect(record["arrival_seconds"] as? Double == 2.25)
    #expect(record["searches"] is Int)
    let results = try #require(record["authentication_results"] as? [[String: Any]])
    #expect(results.count == 1)
    #expect(results.first?["authserv_id"] as? String == "example.com")
    #expect(results.first?["version"] as? Int == 1)
    let methods = try #require(results.first?["results"] as? [[String: Any]])
    #expect(methods.map { $0["method"] as? String } == ["spf", "dkim"])
    #expect(methods.map { $0["result"] as? String } == ["pass", "fail"])
    #expect(methods[0]["reason"] is NSNull)
    #expect(methods[1]["reason"] as? String == "bad signature")
    #expect(
      (methods[0]["properties"] as? [String: String]) == ["smtp.mailfrom": "example.net"])
    #expect(
      (methods[1]["properties"] as? [String: String])
        == ["header.d": "example.net", "header.i": "@example.net"])
    #expect((methods[1]["comments"] as? [String]) == ["1024-bit key"])
    let spf = try #require((record["received_spf"] as? [[String: Any]])?.first)
    #expect(spf["result"] as? String == "pass")
    let pairs = try #require(spf["pairs"] as? [String: String])
    #expect(pairs["client-ip"] == "192.0.2.1")
    #expect(pairs["envelope-from"] == "myname@example.com")
    #expect(pairs["helo"] == "foo.example.com")
  }

  @Test func aMessageThatNeverCameCarriesEmptyHeaderLists() throws {
    let findings = RoundTripJudgementTests.judgement.roundTripFindings(
      RoundTripJudgementTests.record(arrival: nil), limits: try RoundTripJudgementTests.limits())
    let arrival = try #require(RoundTripJudgementTests.finding(findings, .arrival))
    let record = try #require(try Self.object(arrival)["record"] as? [String: Any])
    #expect(record["arrival_seconds"] is NSNull)
    #expect(record["waited_seconds"] as? Double == 60)
    #expect((record["authentication_results"] as? [Any])?.isEmpty == true)
    #expect((record["received_spf"] as? [Any])?.isEmpty == true)
  }
}
