import CheckOutputGrammars
import Testing

@testable import SMTPProbeCore

@Suite struct CheckPrometheusRendererTests {
  static let exposition = CheckPrometheusRenderer.render(CheckReportFixtures.report)

  @Test func parsesAsExpositionWithHelpAndTypeForEveryMetric() throws {
    let parsed = try PrometheusExposition.parse(Self.exposition)
    let names = Set(parsed.samples.map(\.name))
    #expect(
      names == [
        "smtpprobe_check_status", "smtpprobe_check_findings", "smtpprobe_check_target_status",
        "smtpprobe_phase_seconds", "smtpprobe_tls_cert_not_after_seconds",
      ])
    for name in names {
      #expect(parsed.types[name] == "gauge")
      #expect(parsed.help[name] != nil)
    }
  }

  @Test func statusIsTheStateNumberPerCheck() throws {
    let parsed = try PrometheusExposition.parse(Self.exposition)
    let relay = parsed.samples.first {
      $0.name == "smtpprobe_check_status" && $0.labels["check"] == "relay"
        && $0.labels["host"] == "mx1.example.org"
    }
    #expect(relay?.value == 2)
    #expect(relay?.labels["address"] == "192.0.2.1")
    let statuses = parsed.samples.filter { $0.name == "smtpprobe_check_status" }
    #expect(statuses.count == CheckReportFixtures.report.located.filter(\.finding.applicable).count)
    let unknown = statuses.first { $0.labels["target"] == "smtp.example.com:587" }
    #expect(unknown?.value == 3)
    #expect(unknown?.labels["host"] == "")
  }

  @Test func findingsAreCountedPerStateAndTarget() throws {
    let parsed = try PrometheusExposition.parse(Self.exposition)
    let counts = parsed.samples.filter {
      $0.name == "smtpprobe_check_findings" && $0.labels["target"] == "example.org"
    }
    let byState = Dictionary(
      uniqueKeysWithValues: counts.map { ($0.labels["state"] ?? "", $0.value) })
    #expect(byState == ["ok": 4, "warning": 2, "critical": 1, "unknown": 0])
  }

  @Test func timingsAndCertificatesAreExported() throws {
    let parsed = try PrometheusExposition.parse(Self.exposition)
    let greeting = parsed.samples.first {
      $0.name == "smtpprobe_phase_seconds" && $0.labels["phase"] == "greeting"
    }
    #expect(greeting?.value == 6.5)
    let certificate = parsed.samples.first { $0.name == "smtpprobe_tls_cert_not_after_seconds" }
    #expect(certificate?.value == 1_800_000_000)
    #expect(certificate?.labels["depth"] == "0")
    #expect(certificate?.labels["subject"] == "mx1.example.org")
  }

  @Test func labelValuesAreEscapedAndReadBack() throws {
    let target = "we\"ird\\name\nx"
    let report = CheckReport(targets: [
      CheckTargetReport(
        target: target,
        findings: [
          CheckFinding(check: .connect, state: .critical, summary: "refused"),
          CheckFinding(check: .connect, state: .warning, summary: "slow"),
        ], hosts: [])
    ])
    let text = CheckPrometheusRenderer.render(report)
    #expect(text.contains("target=\"we\\\"ird\\\\name\\nx\""))
    let parsed = try PrometheusExposition.parse(text)
    let statuses = parsed.samples.filter { $0.name == "smtpprobe_check_status" }
    #expect(statuses.count == 1)
    #expect(statuses.first?.labels["target"] == target)
    #expect(statuses.first?.value == 2)
  }
}
