import Testing

@testable import SMTPProbeCore

@Suite struct ThresholdRangeTests {
  struct AlertCase: CustomTestStringConvertible, Sendable {
    var range: String
    var value: Double
    var alerts: Bool
    var testDescription: String { "\(range) with \(value)" }
  }

  /// The rows of the Monitoring Plugins guidelines' example table, at and around each end.
  static let alertCases: [AlertCase] = [
    AlertCase(range: "10", value: -0.5, alerts: true),
    AlertCase(range: "10", value: 0, alerts: false),
    AlertCase(range: "10", value: 10, alerts: false),
    AlertCase(range: "10", value: 10.01, alerts: true),
    AlertCase(range: "10:", value: 9.99, alerts: true),
    AlertCase(range: "10:", value: 10, alerts: false),
    AlertCase(range: "10:", value: 1e9, alerts: false),
    AlertCase(range: "~:10", value: -1e9, alerts: false),
    AlertCase(range: "~:10", value: 10, alerts: false),
    AlertCase(range: "~:10", value: 11, alerts: true),
    AlertCase(range: "10:20", value: 9, alerts: true),
    AlertCase(range: "10:20", value: 10, alerts: false),
    AlertCase(range: "10:20", value: 20, alerts: false),
    AlertCase(range: "10:20", value: 21, alerts: true),
    AlertCase(range: "@10:20", value: 9, alerts: false),
    AlertCase(range: "@10:20", value: 10, alerts: true),
    AlertCase(range: "@10:20", value: 20, alerts: true),
    AlertCase(range: "@10:20", value: 21, alerts: false),
    AlertCase(range: "-5:-1", value: -3, alerts: false),
    AlertCase(range: "-5:-1", value: 0, alerts: true),
    AlertCase(range: "0.5", value: 0.6, alerts: true),
    AlertCase(range: ":10", value: -1, alerts: true),
  ]

  @Test(arguments: alertCases)
  func alertsOutsideOrInside(_ c: AlertCase) throws {
    let range = try ThresholdRange.parse(c.range, option: "-w")
    #expect(range.alerts(c.value) == c.alerts)
  }

  @Test(arguments: ["10", "10:", "~:10", "10:20", "@10:20", "@~:0.5", "-5:-1", "0:"])
  func printsItsShortestSpellingBack(_ text: String) throws {
    #expect(try ThresholdRange.parse(text, option: "-w").description == text)
  }

  @Test func thePerfdataFormsOfTheHelpers() {
    #expect(ThresholdRange.above(5).description == "5")
    #expect(ThresholdRange.below(20).description == "20:")
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var text: String
    var message: String
    var testDescription: String { text }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      text: "",
      message: "-c '': no start and no end (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"),
    ErrorCase(
      text: "@",
      message: "-c '@': no start and no end (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"
    ),
    ErrorCase(
      text: "20:10",
      message:
        "-c '20:10': start 20 is greater than end 10 (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"
    ),
    ErrorCase(
      text: "ten",
      message:
        "-c 'ten': 'ten' is not a number (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"),
    ErrorCase(
      text: "1e3",
      message:
        "-c '1e3': '1e3' is not a number (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"),
    ErrorCase(
      text: "5:~",
      message:
        "-c '5:~': '~' is not a number (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"),
    ErrorCase(
      text: "-10",
      message:
        "-c '-10': start 0 is greater than end -10 (expected [@][start:][end], e.g. 10, 10:, ~:10, @10:20)"
    ),
  ]

  @Test(arguments: errorCases)
  func refusesWithOneLine(_ c: ErrorCase) {
    #expect(throws: CheckOptionError.self) { try ThresholdRange.parse(c.text, option: "-c") }
    do {
      _ = try ThresholdRange.parse(c.text, option: "-c")
    } catch {
      #expect(error.description == c.message)
    }
  }

  @Test func criticalIsTestedBeforeWarning() throws {
    let thresholds = Thresholds(
      warning: try .parse("5", option: "-w"), critical: try .parse("10", option: "-c"))
    #expect(thresholds.evaluate(3) == .ok)
    #expect(thresholds.evaluate(7) == .warning)
    #expect(thresholds.evaluate(11) == .critical)
    #expect(Thresholds().evaluate(1e9) == .ok)
  }
}
