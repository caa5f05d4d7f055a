import Testing

@testable import SMTPProbeCore
@testable import smtpprobe

/// `smtpprobe check`'s command line bound to `CheckOptions`, and its usage errors exiting 3.
@Suite struct CheckOptionsTests {
  static func bind(_ arguments: [String]) throws -> CheckOptions {
    guard case .check(let options) = try Invocation(arguments: ["check"] + arguments).command
    else { throw UsageError.invalid("not a check") }
    return options
  }

  @Test func bindsThresholdsFormatsAndAssertions() throws {
    let options = try Self.bind([
      "--server", "mx.example.org:2525", "-w", "5", "--critical", "10", "--phase-warn",
      "greeting=2", "--cert-warn", "30", "--format", "junit", "--report", "prometheus:a.prom",
      "--rcpt", "abuse@example.org=accept",
    ])
    #expect(options.format == .junit)
    #expect(options.reports == [ReportDestination(format: .prometheus, path: "a.prom")])
    #expect(options.limits.total.warning == (try ThresholdRange.parse("5", option: "-w")))
    #expect(options.limits.total.critical == (try ThresholdRange.parse("10", option: "-c")))
    #expect(options.limits.phases[.greeting]?.warning != nil)
    #expect(options.limits.certWarningDays == 30)
    #expect(options.assertions.map(\.address.mailbox) == ["abuse@example.org"])
    #expect(options.postmasterDomain == nil)
  }

  @Test func oneTimeoutBoundsEveryWaitUnlessOthersAreGiven() throws {
    let options = try Self.bind(["example.org", "--timeout", "3"])
    #expect(options.connection.timeout == Seconds(3))
    #expect(options.connection.greetingTimeout == Seconds(3))
    #expect(options.connection.connectTimeout == Seconds(3))
    #expect(options.connection.allMX)
    #expect(options.postmasterDomain == "example.org")
    let separate = try Self.bind(["example.org", "--greeting-timeout", "60"])
    #expect(separate.connection.timeout == CheckOptions.defaultTimeout)
    #expect(separate.connection.greetingTimeout == Seconds(60))
  }

  @Test func eachTargetIsBoundedByAWholeRunLimitUnlessOneIsGiven() throws {
    #expect(try Self.bind(["example.org"]).connection.maxTime == CheckOptions.defaultMaxTime)
    #expect(try Self.bind(["example.org", "--max-time", "5"]).connection.maxTime == Seconds(5))
  }

  @Test(arguments: [
    ["check"], ["check", "example.org", "--cert-warn", "5", "--cert-crit", "9"],
    ["check", "example.org", "--format", "xml"], ["check", "example.org", "--no-such"],
    ["--color", "never", "check", "example.org", "--rcpt", "x"],
  ])
  func usageErrorsOfCheckAreUnknown(arguments: [String]) {
    #expect(throws: UsageError.self) { try Invocation(arguments: arguments) }
    #expect(Invocation.usageStatus(arguments) == .unknownCheck)
  }

  @Test func usageErrorsOfOtherCommandsStay64() {
    #expect(Invocation.usageStatus(["probe", "--no-such"]) == .usage)
    #expect(Invocation.usageStatus(["--from", "check", "probe"]) == .usage)
  }
}
