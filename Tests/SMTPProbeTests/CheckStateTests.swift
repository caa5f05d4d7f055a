import Testing

@testable import SMTPProbeCore

@Suite struct CheckStateTests {
  struct WorstCase: CustomTestStringConvertible, Sendable {
    var states: [CheckState]
    var worst: CheckState?
    var testDescription: String { states.map(\.rawValue).joined(separator: "+") }
  }

  static let worstCases: [WorstCase] = [
    WorstCase(states: [], worst: nil),
    WorstCase(states: [.ok, .ok], worst: .ok),
    WorstCase(states: [.ok, .unknown], worst: .unknown),
    WorstCase(states: [.unknown, .warning], worst: .warning),
    WorstCase(states: [.critical, .unknown, .warning], worst: .critical),
    WorstCase(states: [.warning, .ok, .critical], worst: .critical),
  ]

  @Test(arguments: worstCases)
  func theWorstStateWins(_ c: WorstCase) {
    #expect(CheckState.worst(c.states) == c.worst)
  }

  @Test func exitCodesAreTheNagiosReturnCodes() {
    #expect(CheckState.allCases.map(\.exitCode) == [0, 1, 2, 3])
    #expect(CheckState.allCases.map(\.nagiosName) == ["OK", "WARNING", "CRITICAL", "UNKNOWN"])
  }

  @Test func aReportIsAsBadAsItsWorstFinding() {
    let report = CheckReportFixtures.report
    #expect(report.state == .critical)
    #expect(report.exitCode == 2)
    #expect(report.targets.map(\.state) == [.critical, .unknown])
    #expect(report.worstProblems.map(\.finding.check) == [.relay])
    #expect(
      report.problems.map(\.finding.state) == [.critical, .warning, .warning, .unknown])
  }

  @Test func aRunThatCheckedNothingIsUnknown() {
    #expect(CheckReport(targets: []).state == .unknown)
    #expect(CheckReport(targets: [CheckTargetReport(target: "x", hosts: [])]).exitCode == 3)
  }

  @Test func aHealthyReportIsOK() {
    #expect(CheckReportFixtures.healthy.state == .ok)
    #expect(CheckReportFixtures.healthy.exitCode == 0)
    #expect(CheckReportFixtures.healthy.problems.isEmpty)
  }
}

@Suite struct DecimalTextTests {
  @Test(arguments: [
    (0.012, 6, "0.012"), (0.000001, 6, "0.000001"), (0.0000004, 6, "0"), (20, 6, "20"),
    (-3.5, 6, "-3.5"), (-0.0000001, 6, "0"), (6.46, 1, "6.5"), (12.4, 0, "12"),
    (1_800_000_000, 6, "1800000000"),
  ])
  func writesPlainDecimals(value: Double, places: Int, expected: String) {
    #expect(DecimalText.text(value, places: places) == expected)
  }
}
