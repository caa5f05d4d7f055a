import CheckOutputGrammars
import Testing

@testable import SMTPProbeCore

@Suite struct CheckNagiosRendererTests {
  @Test func theStatusLineLeadsWithTheWorstProblem() throws {
    let output = try NagiosOutput.parse(CheckNagiosRenderer.render(CheckReportFixtures.report))
    #expect(output.state == "CRITICAL")
    #expect(output.text.hasPrefix("mx1.example.org relay: open relay: accepted 1 of 9 forms"))
    #expect(output.text.hasSuffix("(3 more problems)"))
  }

  @Test func perfdataFollowsTheGrammarWithUniqueLabels() throws {
    let output = try NagiosOutput.parse(CheckNagiosRenderer.render(CheckReportFixtures.report))
    let labels = output.perfdata.map(\.label)
    #expect(Set(labels).count == labels.count)
    #expect(
      labels == [
        "mx1.example.org connect", "mx1.example.org greeting", "mx1.example.org cert_days",
        "mx2.example.org connect",
      ])
    let cert = try #require(output.perfdata.first { $0.label.hasSuffix("cert_days") })
    #expect(cert.value == "12")
    #expect(cert.unit == "")
    #expect((cert.warning, cert.critical) == ("20:", "10:"))
    let greeting = try #require(output.perfdata.first { $0.label.hasSuffix("greeting") })
    #expect(greeting.unit == "s")
    #expect((greeting.value, greeting.warning, greeting.critical) == ("6.5", "5", "15"))
    #expect(greeting.minimum == "0")
  }

  @Test func oneLinePerFindingAndNoPipeAnywhereButTheSeparator() throws {
    let rendered = CheckNagiosRenderer.render(CheckReportFixtures.report)
    let output = try NagiosOutput.parse(rendered)
    #expect(output.lines.count == CheckReportFixtures.report.located.count)
    #expect(output.lines.contains { $0.hasPrefix("SKIPPED mx1.example.org starttls-enforced:") })
    #expect(output.lines.contains { $0.hasPrefix("UNKNOWN smtp.example.com:587 resolve:") })
    #expect(rendered.filter { $0 == "|" }.count == 1)
  }

  @Test func aSingleHostKeepsShortLabelsAndSaysAllIsWell() throws {
    let output = try NagiosOutput.parse(CheckNagiosRenderer.render(CheckReportFixtures.healthy))
    #expect(output.state == "OK")
    #expect(output.text == "2 checks OK on 1 host")
    #expect(output.perfdata.map(\.label) == ["connect"])
  }

  @Test func anEmptyRunIsUnknown() throws {
    let output = try NagiosOutput.parse(CheckNagiosRenderer.render(CheckReport(targets: [])))
    #expect(output.state == "UNKNOWN")
    #expect(output.perfdata.isEmpty)
  }

  @Test(arguments: [
    ("time", "time"), ("mx1.example.org time", "'mx1.example.org time'"),
    ("it's", "'it''s'"), ("a=b", "a_b"), ("a|b c", "'a/b c'"),
  ])
  func labelsAreQuotedWhenNeeded(raw: String, expected: String) throws {
    #expect(CheckNagiosRenderer.label(raw) == expected)
    let parsed = try NagiosOutput.parsePerfdata("\(expected)=1")
    #expect(parsed.count == 1)
  }

  @Test func quotedLabelsReadBackExactly() throws {
    let datum = PerfDatum(label: "it's 'quoted'", value: 0.000001, unit: .seconds)
    let text = CheckNagiosRenderer.perfDatumText(datum)
    #expect(text == "'it''s ''quoted'''=0.000001s")
    #expect(try NagiosOutput.parsePerfdata(text).first?.label == "it's 'quoted'")
  }
}
