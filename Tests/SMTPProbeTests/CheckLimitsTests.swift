import Testing

@testable import SMTPProbeCore

@Suite struct CheckLimitsTests {
  @Test(arguments: [
    (25, CheckState.ok), (20, .ok), (19, .warning), (10, .warning), (9, .critical),
    (0, .critical), (-3, .critical),
  ])
  func certificateDaysAlertWhenLow(days: Int, state: CheckState) {
    #expect(CheckLimits().certificateState(daysLeft: days) == state)
  }

  @Test func certificatePerfdataCarriesLowAlertRanges() {
    let datum = CheckLimits().certificatePerfDatum(daysLeft: 12, label: "cert_days")
    #expect(CheckNagiosRenderer.perfDatumText(datum) == "cert_days=12;20:;10:")
  }

  @Test func phaseLimitsAreSetFromPhaseEqualsSeconds() throws {
    var limits = CheckLimits()
    try limits.setPhaseLimit("greeting=5", option: "--phase-warn")
    try limits.setPhaseLimit("GREETING=15", option: "--phase-crit")
    try limits.setPhaseLimit("rcpt=@0:0.001", option: "--phase-warn")
    #expect(limits.state(of: PhaseTiming(.greeting, seconds: 4)) == .ok)
    #expect(limits.state(of: PhaseTiming(.greeting, seconds: 6)) == .warning)
    #expect(limits.state(of: PhaseTiming(.greeting, seconds: 16)) == .critical)
    #expect(limits.state(of: PhaseTiming(.rcpt, seconds: 0)) == .warning)
    #expect(limits.state(of: PhaseTiming(.ehlo, seconds: 1000)) == .ok)
    let datum = limits.perfDatum(for: PhaseTiming(.greeting, seconds: 6.25), label: "greeting")
    #expect(CheckNagiosRenderer.perfDatumText(datum) == "greeting=6.25s;5;15;0")
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var option: String
    var value: String
    var message: String
    var testDescription: String { "\(option) \(value)" }
  }

  static let phaseErrors: [ErrorCase] = [
    ErrorCase(
      option: "--phase-warn", value: "greeting",
      message: "--phase-warn 'greeting': expected PHASE=SECONDS, e.g. greeting=5"),
    ErrorCase(
      option: "--phase-crit", value: "banner=5",
      message:
        "--phase-crit 'banner=5': unknown phase (expected one of connect, greeting, ehlo, tls, mail, rcpt)"
    ),
    ErrorCase(
      option: "--phase-warn", value: "tls=soon",
      message:
        "--phase-warn 'tls=soon': 'soon' is not a number (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"
    ),
  ]

  @Test(arguments: phaseErrors)
  func refusesABadPhaseLimit(_ c: ErrorCase) {
    var limits = CheckLimits()
    do {
      try limits.setPhaseLimit(c.value, option: c.option)
      Issue.record("accepted \(c.value)")
    } catch {
      #expect(error.description == c.message)
    }
  }

  @Test func daysMustBeAWholeNumber() throws {
    #expect(try CheckLimits.parseDays("30", option: "--cert-warn") == 30)
    for bad in ["-1", "1.5", "", "x"] {
      do {
        _ = try CheckLimits.parseDays(bad, option: "--cert-warn")
        Issue.record("accepted \(bad)")
      } catch {
        #expect(error.description == "--cert-warn '\(bad)': expected a number that is zero or more")
      }
    }
  }

  @Test func aCriticalLimitAboveTheWarningIsRefused() throws {
    _ = try CheckLimits(certWarningDays: 20, certCriticalDays: 20).validated()
    do {
      _ = try CheckLimits(certWarningDays: 10, certCriticalDays: 20).validated()
      Issue.record("accepted")
    } catch {
      #expect(
        error.description
          == "--cert-crit 20 is more than --cert-warn 10: the warning could never fire")
    }
  }
}
