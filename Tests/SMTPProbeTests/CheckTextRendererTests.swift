import Testing

@testable import SMTPProbeCore

@Suite struct CheckTextRendererTests {
  static let text = CheckTextRenderer.render(CheckReportFixtures.report)

  @Test func theWorstProblemComesFirstWithCauseAndFix() throws {
    let lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "smtpprobe check: CRITICAL")
    let firstProblem = try #require(lines.dropFirst().first { !$0.isEmpty })
    #expect(firstProblem.hasPrefix("CRITICAL  mx1.example.org relay: open relay"))
    let cause = try #require(Self.text.firstRange(of: "  cause: Line one"))
    let fix = try #require(Self.text.firstRange(of: "  fix:   Set smtpd_relay_restrictions"))
    let reply = try #require(Self.text.firstRange(of: "  reply: 250 2.1.5 Ok"))
    let warning = try #require(Self.text.firstRange(of: "WARNING   mx1.example.org greeting"))
    #expect(cause.lowerBound < fix.lowerBound)
    #expect(fix.lowerBound < reply.lowerBound)
    #expect(reply.lowerBound < warning.lowerBound)
  }

  @Test func problemsAreOrderedCriticalWarningUnknown() throws {
    let order = [
      "CRITICAL  mx1", "WARNING   mx1.example.org greeting", "WARNING   mx1.example.org cert-days",
      "UNKNOWN   smtp",
    ]
    let positions = try order.map { try #require(Self.text.firstRange(of: $0)).lowerBound }
    #expect(positions == positions.sorted())
  }

  @Test func everyFindingIsListedUnderItsHost() throws {
    let mx1 = try #require(
      Self.text.firstRange(of: "  mx1.example.org (192.0.2.1) port 25  WARNING")
        ?? Self.text.firstRange(of: "  mx1.example.org (192.0.2.1) port 25  CRITICAL"))
    let mx2 = try #require(Self.text.firstRange(of: "  mx2.example.org (2001:db8::25) port 25  OK"))
    let section = Self.text[mx1.upperBound..<mx2.lowerBound]
    for finding in CheckReportFixtures.mx1.findings {
      #expect(section.contains(finding.check.rawValue), "\(finding.check)")
    }
    #expect(section.contains("skipped   starttls-enforced"))
    #expect(section.contains("timings: connect 12 ms, greeting 6.5 s"))
  }

  @Test func controlCharactersFromTheServerAreMadeVisible() {
    #expect(!Self.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(Self.text.contains("cause: Line one line two with \\x01control\\x07 bytes"))
  }

  @Test func proseIsWrappedAtEightyColumns() {
    let prose = Self.text.split(separator: "\n").filter {
      !$0.hasPrefix("  reply: ") && !$0.hasPrefix("  sent:  ")
    }
    for line in prose { #expect(line.count <= 80, "\(line)") }
  }

  @Test func colourOnlyWhenAsked() {
    #expect(!Self.text.contains("\u{1B}["))
    let coloured = CheckTextRenderer.render(
      CheckReportFixtures.report, style: TerminalStyle(colors: true))
    #expect(coloured.contains("\u{1B}[31mCRITICAL"))
  }

  @Test func aHealthyReportSaysSo() {
    let text = CheckTextRenderer.render(CheckReportFixtures.healthy)
    #expect(text.hasPrefix("smtpprobe check: OK\n\n2 checks OK on 1 host\n"))
  }
}
