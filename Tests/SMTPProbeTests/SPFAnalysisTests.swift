import Testing

@testable import SMTPProbeCore

/// The record tree read without a client address: the reachable lookups (RFC 7208 4.6.4)
/// and what is wrong below the top record.
@Suite struct SPFAnalysisTests {
  static func txt(_ text: String) -> [DNSRecordType: StaticResolver.Entry] {
    [.txt: .records([.txt([text])])]
  }

  @Test func includesAreFollowedAndEveryQueryingTermCounted() {
    let zones = StaticResolver(entries: [
      "example.org": Self.txt("v=spf1 mx include:a.example include:%{d}.b.example -all"),
      "a.example": Self.txt("v=spf1 a exists:x.example include:missing.example ~all"),
    ])
    let analysis = SPFAnalysis.analyse("example.org", resolver: zones)
    // mx, include:a, include:%{d}..., then in a.example: a, exists, include:missing.
    #expect(analysis.lookups == 6)
    #expect(analysis.reached.map(\.domain) == ["a.example", "missing.example"])
    #expect(analysis.problems == [.noRecord(domain: "missing.example")])
    #expect(analysis.unexpanded == ["include:%{d}.b.example"])
  }

  @Test func aRedirectBesideAllIsNotCounted() {
    let zones = StaticResolver(entries: [
      "example.org": Self.txt("v=spf1 redirect=other.example -all"),
      "plain.example": Self.txt("v=spf1 redirect=other.example"),
      "other.example": Self.txt("v=spf1 a mx -all"),
    ])
    #expect(SPFAnalysis.analyse("example.org", resolver: zones).lookups == 0)
    #expect(SPFAnalysis.analyse("plain.example", resolver: zones).lookups == 3)
  }

  @Test func aSyntaxErrorStopsTheWalk() {
    let zones = StaticResolver(entries: ["example.org": Self.txt("v=spf1 include: -all")])
    let analysis = SPFAnalysis.analyse("example.org", resolver: zones)
    #expect(analysis.record == nil)
    #expect(analysis.syntaxError?.position == 8)
  }
}
