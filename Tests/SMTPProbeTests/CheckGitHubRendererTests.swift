import Testing

@testable import SMTPProbeCore

/// Reads a workflow-command line back, undoing the escapes the runner undoes.
struct WorkflowCommandLine: Equatable {
  var command: String
  var properties: [String: String]
  var message: String

  static func parse(_ line: Substring) -> WorkflowCommandLine? {
    guard line.hasPrefix("::"), !line.contains("\n"), !line.contains("\r") else { return nil }
    let body = line.dropFirst(2)
    guard let end = body.firstRange(of: "::") else { return nil }
    let head = body[..<end.lowerBound]
    let message = body[end.upperBound...]
    let space = head.firstIndex(of: " ") ?? head.endIndex
    var properties: [String: String] = [:]
    if space < head.endIndex {
      for pair in head[head.index(after: space)...].split(separator: ",") {
        guard let equals = pair.firstIndex(of: "="), !pair[equals...].dropFirst().contains(":")
        else { return nil }
        properties[String(pair[..<equals])] = unescape(pair[pair.index(after: equals)...])
      }
    }
    return WorkflowCommandLine(
      command: String(head[..<space]), properties: properties, message: unescape(message))
  }

  static func unescape(_ text: Substring) -> String {
    String(text).replacing("%0D", with: "\r").replacing("%0A", with: "\n").replacing(
      "%3A", with: ":"
    )
    .replacing("%2C", with: ",").replacing("%25", with: "%")
  }
}

@Suite struct CheckGitHubRendererTests {
  @Test func oneAnnotationPerProblemWorstFirst() throws {
    let text = CheckGitHubRenderer.annotations(CheckReportFixtures.report)
    #expect(text.hasSuffix("\n"))
    let lines = text.split(separator: "\n")
    let parsed = lines.compactMap(WorkflowCommandLine.parse)
    #expect(parsed.count == lines.count)
    #expect(parsed.map(\.command) == ["error", "warning", "warning", "error"])
    #expect(
      parsed.map { $0.properties["title"] } == [
        "smtpprobe CRITICAL: mx1.example.org relay",
        "smtpprobe WARNING: mx1.example.org greeting",
        "smtpprobe WARNING: mx1.example.org cert-days mx1.example.org",
        "smtpprobe UNKNOWN: smtp.example.com:587 resolve",
      ])
  }

  @Test func theMessageSurvivesTheEscapes() throws {
    let first = try #require(
      CheckGitHubRenderer.annotations(CheckReportFixtures.report).split(separator: "\n").first)
    let relay = CheckReportFixtures.mx1.findings[3]
    #expect(
      WorkflowCommandLine.parse(first)?.message
        == "\(relay.summary)\n\(relay.explanation)\nFix: \(relay.fix)")
  }

  @Test func propertiesEscapeColonAndComma() {
    #expect(CheckGitHubRenderer.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    #expect(CheckGitHubRenderer.data("a:b,c%\r\n") == "a:b,c%25%0D%0A")
  }

  @Test func aHealthyReportAnnotatesNothing() {
    #expect(CheckGitHubRenderer.annotations(CheckReportFixtures.healthy).isEmpty)
  }

  @Test func theSummaryIsATableWithOneRowPerFinding() {
    let summary = CheckGitHubRenderer.stepSummary(CheckReportFixtures.report)
    let rows = summary.split(separator: "\n").filter { $0.hasPrefix("|") }
    #expect(rows.count == 2 + CheckReportFixtures.report.located.count)
    for row in rows {
      // A cell separator is a `|` not preceded by a backslash: six cells, seven separators.
      var separators = 0
      var previous: Character = " "
      for character in row {
        if character == "|" && previous != "\\" { separators += 1 }
        previous = character
      }
      #expect(separators == 7, "\(row)")
    }
    #expect(summary.hasPrefix("## smtpprobe check: CRITICAL\n"))
    #expect(summary.contains("50% &lt;&amp;&gt;"))
  }
}
