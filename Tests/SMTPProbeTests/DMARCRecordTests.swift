import Testing

@testable import SMTPProbeCore

/// DMARC records (RFC 7489 6.3) and the authorisation of external report destinations
/// (RFC 7489 7.1), over a `StaticResolver`.
@Suite struct DMARCRecordTests {
  @Test func everyTagIsRead() throws {
    let record = try DMARCRecord.parse(
      "v=DMARC1; p=Quarantine; sp=reject; pct=50; adkim=s; aspf=r;"
        + " rua=mailto:a@example.org!10m, mailto:b@reports.example.net; ruf=mailto:f@example.org;")
    #expect(record.policy == .quarantine)
    #expect(record.subdomainPolicy == .reject)
    #expect(record.percent == 50)
    #expect(record.dkimAlignment == .strict)
    #expect(record.spfAlignment == .relaxed)
    #expect(
      record.aggregateReports.map(\.uri) == [
        "mailto:a@example.org", "mailto:b@reports.example.net",
      ])
    #expect(record.aggregateReports.map(\.mailDomain) == ["example.org", "reports.example.net"])
    #expect(record.failureReports.count == 1)
  }

  @Test func invalidRecordsSayWhy() {
    #expect(throws: DMARCRecord.Problem.versionNotFirst) {
      try DMARCRecord.parse("p=none; v=DMARC1")
    }
    #expect(throws: DMARCRecord.Problem.missingPolicy) {
      try DMARCRecord.parse("v=DMARC1; rua=mailto:a@b.example")
    }
    #expect(throws: DMARCRecord.Problem.invalidValue("p", "block")) {
      try DMARCRecord.parse("v=DMARC1; p=block")
    }
    #expect(throws: DMARCRecord.Problem.invalidValue("pct", "101")) {
      try DMARCRecord.parse("v=DMARC1; p=none; pct=101")
    }
    #expect(throws: DMARCRecord.Problem.tags(.duplicate("p"))) {
      try DMARCRecord.parse("v=DMARC1; p=none; p=reject")
    }
    #expect(throws: DMARCRecord.Problem.invalidValue("rua", "a@b.example")) {
      try DMARCRecord.parse("v=DMARC1; p=none; rua=a@b.example")
    }
  }

  static let zones = StaticResolver(entries: [
    "_dmarc.example.org": [
      .txt: .records([
        .txt([
          "v=DMARC1; p=none; rua=mailto:d@example.org,mailto:x@partner.example,mailto:y@other.example"
        ]),
        .txt(["unrelated text"]),
      ])
    ],
    "example.org._report._dmarc.partner.example": [.txt: .records([.txt(["v=DMARC1"])])],
    "_dmarc.two.example": [
      .txt: .records([.txt(["v=DMARC1; p=none"]), .txt(["v=DMARC1; p=reject"])])
    ],
  ])

  @Test func externalDestinationsNeedTheirAuthorisationRecord() throws {
    let posture = DMARCPosture.lookUp("example.org", resolver: Self.zones)
    #expect(posture.record?.policy == DMARCRecord.Policy.none)
    #expect(posture.external.map(\.domain) == ["partner.example", "other.example"])
    #expect(posture.external.map(\.authorised) == [true, false])
    #expect(posture.external[1].authorisationName == "example.org._report._dmarc.other.example")
  }

  @Test func missingAndSeveralRecords() {
    #expect(DMARCPosture.lookUp("nothing.example", resolver: Self.zones).lookup == .none)
    guard
      case .several(let records) = DMARCPosture.lookUp("two.example", resolver: Self.zones).lookup
    else {
      Issue.record("two records are several")
      return
    }
    #expect(records.count == 2)
  }
}
