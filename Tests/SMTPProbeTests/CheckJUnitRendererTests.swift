import CheckOutputGrammars
import Foundation
import Testing

@testable import SMTPProbeCore

@Suite struct CheckJUnitRendererTests {
  @Test func isWellFormedWithTheExpectedCounts() throws {
    let elements = try JUnitReader.read(CheckJUnitRenderer.render(CheckReportFixtures.report))
    let root = try #require(elements.first)
    #expect(root.name == "testsuites")
    #expect(root.attributes["tests"] == "9")
    #expect(root.attributes["failures"] == "3")
    #expect(root.attributes["errors"] == "1")
    #expect(root.attributes["skipped"] == "1")
    let suites = elements.filter { $0.name == "testsuite" }
    #expect(
      suites.map { $0.attributes["name"] } == [
        "example.org", "example.org / mx1.example.org (192.0.2.1)",
        "example.org / mx2.example.org (2001:db8::25)", "smtp.example.com:587",
      ])
    #expect(suites.map { $0.attributes["tests"] } == ["1", "5", "2", "1"])
    #expect(suites.map { $0.attributes["failures"] } == ["0", "3", "0", "0"])
    #expect(suites.map { $0.attributes["skipped"] } == ["0", "1", "0", "0"])
    let cases = elements.filter { $0.name == "testcase" }
    #expect(cases.count == 9)
    for (index, suite) in elements.enumerated() where suite.name == "testsuite" {
      let children = cases.filter { $0.parent == index }
      #expect(String(children.count) == suite.attributes["tests"])
    }
  }

  @Test func failuresCarryTheSummaryExplanationAndFixIntact() throws {
    let elements = try JUnitReader.read(CheckJUnitRenderer.render(CheckReportFixtures.report))
    let relay = try #require(
      elements.first { $0.name == "failure" && $0.attributes["type"] == "critical" })
    #expect(
      relay.attributes["message"]
        == "open relay: accepted 1 of 9 forms (percent hack) | 50% <&> \"it's\"")
    #expect(
      relay.text == """
        Line one
        line two\r
        with control bytes
        Fix: Set smtpd_relay_restrictions: permit_mynetworks, reject_unauth_destination
        Sent: RCPT TO:<relay-test%example.net@example.org>
        Reply: 250 2.1.5 Ok | "quoted" <relay-test@example.net> 100% a:b,c
        """)
    let skipped = try #require(elements.first { $0.name == "skipped" })
    #expect(skipped.attributes["message"] == "--require-starttls was not given")
    let error = try #require(elements.first { $0.name == "error" })
    #expect(error.attributes["message"] == "no resolver configured")
  }

  @Test func attributesKeepLineBreaksAndLoseForbiddenCharacters() throws {
    let escaped = XMLText.attribute("a\nb\tc\u{0}\u{1B}d\u{FFFE}\"<&>")
    #expect(escaped == "a&#10;b&#9;cd&quot;&lt;&amp;&gt;")
    let elements = try JUnitReader.read(
      "<x a=\"\(escaped)\">\(XMLText.content("1 < 2 & \u{1}"))</x>")
    #expect(elements.first?.attributes["a"] == "a\nb\tcd\"<&>")
    #expect(elements.first?.text == "1 < 2 & ")
  }
}
