import Testing

@testable import SMTPProbeCore

@Suite struct CheckOptionParsingTests {
  @Test func formatsParseCaseInsensitively() throws {
    #expect(try CheckFormat.parse("NAGIOS") == .nagios)
    #expect(try CheckFormat.parse("prometheus") == .prometheus)
    #expect(CheckFormat.defaultFormat(stdoutIsTerminal: true) == .text)
    #expect(CheckFormat.defaultFormat(stdoutIsTerminal: false) == .nagios)
  }

  @Test func anUnknownFormatNamesTheChoices() {
    do {
      _ = try CheckFormat.parse("xml")
      Issue.record("accepted")
    } catch {
      #expect(
        error.description
          == "--format 'xml': unknown format (expected one of nagios, text, json, junit, github, prometheus)"
      )
    }
  }

  @Test func reportsAreFormatColonPath() throws {
    let all = try ReportDestination.parseAll([
      "junit:out/check.xml", "prometheus:/var/lib/node/smtp.prom", "json:C:/x:y.json",
    ])
    #expect(
      all == [
        ReportDestination(format: .junit, path: "out/check.xml"),
        ReportDestination(format: .prometheus, path: "/var/lib/node/smtp.prom"),
        ReportDestination(format: .json, path: "C:/x:y.json"),
      ])
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var values: [String]
    var message: String
    var testDescription: String { values.joined(separator: " ") }
  }

  static let reportErrors: [ErrorCase] = [
    ErrorCase(
      values: ["junit"], message: "--report 'junit': expected FORMAT:PATH, e.g. junit:check.xml"),
    ErrorCase(
      values: ["junit:"], message: "--report 'junit:': expected FORMAT:PATH, e.g. junit:check.xml"),
    ErrorCase(
      values: ["csv:x.csv"],
      message:
        "--report 'csv': unknown format (expected one of nagios, text, json, junit, github, prometheus)"
    ),
    ErrorCase(
      values: ["junit:a.xml", "json:a.xml"], message: "--report: 'a.xml' is named twice"),
  ]

  @Test(arguments: reportErrors)
  func refusesABadReport(_ c: ErrorCase) {
    do {
      _ = try ReportDestination.parseAll(c.values)
      Issue.record("accepted")
    } catch {
      #expect(error.description == c.message)
    }
  }
}
