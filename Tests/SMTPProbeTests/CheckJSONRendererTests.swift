import Foundation
import Testing

@testable import SMTPProbeCore

@Suite struct CheckJSONRendererTests {
  static func keys(_ value: JSONValue?) -> [String] {
    guard case .object(let members)? = value else { return [] }
    return members.map(\.key)
  }

  static func elements(_ value: JSONValue?) -> [JSONValue] {
    guard case .array(let elements)? = value else { return [] }
    return elements
  }

  @Test func hasDesignsCheckShape() throws {
    let json = CheckJSONRenderer.json(CheckReportFixtures.report)
    #expect(Self.keys(json) == ["targets", "state", "exit_code"])
    #expect(json["state"] == "critical")
    #expect(json["exit_code"] == 2)
    let target = try #require(Self.elements(json["targets"]).first)
    #expect(Self.keys(target) == ["target", "state", "findings", "hosts", "posture"])
    // No posture was read for this target: the key is there, null.
    #expect(target["posture"] == .null)
    let host = try #require(Self.elements(target["hosts"]).first)
    #expect(
      Self.keys(host) == [
        "host", "address", "port", "state", "timings", "certificates", "findings",
      ])
    #expect(host["timings"] == ["connect": .double(0.012), "greeting": .double(6.5)])
    let finding = try #require(Self.elements(host["findings"]).first)
    #expect(
      Self.keys(finding) == [
        "check", "subject", "state", "applicable", "summary", "explanation", "fix", "evidence",
        "value", "unit",
      ])
    #expect(finding["value"] == .double(0.012))
    #expect(finding["unit"] == "s")
  }

  @Test func evidenceUsesTheReplyShape() throws {
    let json = CheckJSONRenderer.json(CheckReportFixtures.report)
    let target = try #require(Self.elements(json["targets"]).first)
    let host = try #require(Self.elements(target["hosts"]).first)
    let relay = try #require(Self.elements(host["findings"]).first { $0["check"] == "relay" })
    let evidence = try #require(relay["evidence"])
    #expect(evidence["command"] == "RCPT TO:<relay-test%example.net@example.org>")
    #expect(evidence["reply"] == CheckReportFixtures.relayReply.jsonValue)
    #expect(evidence["diagnosis"] == .null)
  }

  @Test func isValidJSONThatFoundationReadsBack() throws {
    let text = CheckJSONRenderer.render(CheckReportFixtures.report)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let targets = object?["targets"] as? [[String: Any]]
    #expect(targets?.count == 2)
    let hosts = targets?.first?["hosts"] as? [[String: Any]]
    let findings = hosts?.first?["findings"] as? [[String: Any]]
    let relay = findings?.first { $0["check"] as? String == "relay" }
    #expect(
      relay?["explanation"] as? String == "Line one\nline two\r\nwith \u{1}control\u{7} bytes")
    let skipped = findings?.first { $0["applicable"] as? Bool == false }
    #expect(skipped?["check"] as? String == "starttls-enforced")
  }
}
