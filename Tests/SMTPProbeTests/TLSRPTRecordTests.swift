import Testing

@testable import SMTPProbeCore

/// TLS reporting policies (RFC 8460 3).
@Suite struct TLSRPTRecordTests {
  @Test func mailtoAndHTTPSDestinationsAreRead() throws {
    let record = try TLSRPTRecord.parse(
      "v=TLSRPTv1; rua=mailto:tls@example.org,https://reports.example.net/tlsrpt")
    #expect(record.rua == ["mailto:tls@example.org", "https://reports.example.net/tlsrpt"])
  }

  @Test func invalidRecordsSayWhy() {
    #expect(throws: TLSRPTRecord.Problem.missingRUA) { try TLSRPTRecord.parse("v=TLSRPTv1;") }
    #expect(throws: TLSRPTRecord.Problem.versionNotFirst) {
      try TLSRPTRecord.parse("rua=mailto:a@b.example; v=TLSRPTv1")
    }
    #expect(throws: TLSRPTRecord.Problem.invalidURI("http://insecure.example/")) {
      try TLSRPTRecord.parse("v=TLSRPTv1; rua=http://insecure.example/")
    }
  }

  @Test func onlyVersionedRecordsCount() {
    let zones = StaticResolver(entries: [
      "_smtp._tls.example.org": [
        .txt: .records([.txt(["v=TLSRPTv1; rua=mailto:t@example.org"]), .txt(["v=spf1 -all"])])
      ]
    ])
    let posture = TLSRPTPosture.lookUp("example.org", resolver: zones)
    #expect(posture.record?.rua == ["mailto:t@example.org"])
    #expect(TLSRPTPosture.lookUp("other.example", resolver: zones).lookup == .none)
  }
}
