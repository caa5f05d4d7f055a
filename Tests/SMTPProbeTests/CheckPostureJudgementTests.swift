import CheckOutputGrammars
import Testing

@testable import SMTPProbeCore

/// The posture findings of `check DOMAIN`: the states each record earns, the perfdata, and
/// every format carrying them (the facts in JSON, the findings in Nagios, JUnit, Prometheus).
@Suite struct CheckPostureJudgementTests {
  static func txt(_ texts: String...) -> [DNSRecordType: StaticResolver.Entry] {
    [.txt: .records(texts.map { .txt([$0]) })]
  }

  static let zones = StaticResolver(entries: [
    "good.example": txt("v=spf1 ip4:192.0.2.0/24 mx -all"),
    "_dmarc.good.example": txt("v=DMARC1; p=reject; rua=mailto:d@good.example"),
    "_smtp._tls.good.example": txt("v=TLSRPTv1; rua=mailto:t@good.example"),
    "s1._domainkey.good.example": txt("v=DKIM1; p=\(DKIMKeyRecordTests.rsa2048)"),
    "old._domainkey.good.example": txt("v=DKIM1; p=\(DKIMKeyRecordTests.rsa512)"),
    "weak._domainkey.good.example": txt("v=DKIM1; p=\(DKIMKeyRecordTests.rsa1024)"),
    "gone._domainkey.good.example": txt("v=DKIM1; p="),
    "open.example": txt("v=spf1 +all"),
    "_dmarc.open.example": txt("v=DMARC1; p=none; rua=mailto:r@reports.example"),
    "lazy.example": txt("v=spf1 a ?all"),
    "nomail.example": txt("v=spf1 -all"),
    "2.0.0.127.bl.example": [.a: .records([.a("127.0.0.2")])],
    "4.0.0.127.bl.example": [.a: .records([.a("127.255.255.254")])],
  ])

  static func posture(
    _ domain: String, spfIP: IPAddress? = nil, selectors: [String] = [],
    addresses: [String] = [], nullMX: Bool = false
  ) -> DomainPosture {
    let route = MailRoute(
      domain: domain, kind: nullMX ? .nullMX : .mx,
      mx: addresses.isEmpty
        ? [] : [MXHost(host: "mx.\(domain)", preference: 10, addresses: addresses)])
    return DomainPosture.read(
      PostureRequest(
        domain: domain, spfIP: spfIP, dkimSelectors: selectors, dnsblZones: ["bl.example"]),
      route: route, resolver: zones)
  }

  static func findings(_ posture: DomainPosture) -> [CheckFinding] {
    CheckJudgement.postureFindings(posture)
  }

  static func state(_ findings: [CheckFinding], _ check: CheckID, _ subject: String? = nil)
    -> CheckState?
  {
    findings.first { $0.check == check && (subject == nil || $0.subject == subject) }?.state
  }

  @Test func aGoodDomainIsOKAndItsKeysAreJudgedBySize() {
    let findings = Self.findings(
      Self.posture(
        "good.example", spfIP: .v4([192, 0, 2, 10]),
        selectors: ["s1", "old", "weak", "gone", "none"],
        addresses: ["127.0.0.1"]))
    #expect(Self.state(findings, .spf) == .ok)
    #expect(Self.state(findings, .spfIP) == .ok)
    #expect(Self.state(findings, .dmarc) == .ok)
    #expect(Self.state(findings, .tlsRPT) == .ok)
    #expect(Self.state(findings, .dkim, "s1") == .ok)
    #expect(Self.state(findings, .dkim, "old") == .critical)
    #expect(Self.state(findings, .dkim, "weak") == .warning)
    #expect(Self.state(findings, .dkim, "gone") == .critical)
    #expect(Self.state(findings, .dkim, "none") == .critical)
    #expect(Self.state(findings, .dnsbl, "127.0.0.1") == .ok)
    #expect(Self.state(findings, .dnsbl, "192.0.2.10") == .ok)
    #expect(Self.state(findings, .noMail) == nil)
    let spf = findings.first { $0.check == .spf }
    #expect(spf?.perfdata.first?.label == "spf_lookups")
    #expect(spf?.perfdata.first?.value == 1)
  }

  @Test func plusAllPNoneAndUnauthorisedReportsWarn() {
    let findings = Self.findings(Self.posture("open.example", spfIP: .v4([198, 51, 100, 1])))
    #expect(Self.state(findings, .spf) == .warning)
    // +all authorises the address: the evaluation itself passes.
    #expect(Self.state(findings, .spfIP) == .ok)
    #expect(Self.state(findings, .dmarc) == .warning)
    #expect(Self.state(findings, .dmarcReportAuthorisation, "reports.example") == .warning)
    #expect(Self.state(findings, .tlsRPT) == .ok)
    #expect(Self.state(Self.findings(Self.posture("lazy.example")), .spf) == .warning)
  }

  @Test func aListingIsCriticalAndAnErrorAnswerCouldNotCheck() {
    let findings = Self.findings(
      Self.posture("good.example", addresses: ["127.0.0.2", "127.0.0.4"]))
    #expect(Self.state(findings, .dnsbl, "127.0.0.2") == .critical)
    #expect(Self.state(findings, .dnsbl, "127.0.0.4") == .unknown)
  }

  @Test func aNoMailDomainNamesWhatIsMissing() throws {
    let partial = try #require(
      Self.findings(Self.posture("nomail.example")).first { $0.check == .noMail })
    #expect(partial.state == .warning)
    #expect(partial.summary.contains("null MX"))
    #expect(partial.summary.contains("p=reject"))
    #expect(!partial.summary.contains("-all'"))
    #expect(
      Self.state(Self.findings(Self.posture("good.example", nullMX: true)), .noMail) == .warning)
  }

  @Test func everyFormatCarriesThePosture() throws {
    var target = CheckTargetReport(target: "good.example", hosts: [])
    target = CheckJudgement.addingPosture(
      Self.posture("good.example", selectors: ["weak"], addresses: ["127.0.0.2"]), to: target)
    let report = CheckReport(targets: [target])
    #expect(report.state == .critical)
    let nagios = try NagiosOutput.parse(CheckNagiosRenderer.render(report))
    #expect(nagios.state == "CRITICAL")
    #expect(nagios.perfdata.contains { $0.label == "spf_lookups" && $0.critical == "10" })
    #expect(nagios.lines.contains { $0.hasPrefix("WARNING") && $0.contains("dkim weak") })
    let json = CheckJSONRenderer.json(report)
    let posture = try #require(
      json["targets"].flatMap { value -> JSONValue? in
        guard case .array(let targets) = value else { return nil }
        return targets.first?["posture"]
      })
    #expect(posture["spf"]?["dns_lookups"] == .int(1))
    #expect(posture["dmarc"]?["record"]?["p"] == .string("reject"))
    let junit = try JUnitReader.read(CheckJUnitRenderer.render(report))
    #expect(junit.contains { $0.name == "failure" })
    #expect(CheckPrometheusRenderer.render(report).contains("check=\"dnsbl\""))
  }
}
