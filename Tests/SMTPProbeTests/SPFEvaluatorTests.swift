import Testing

@testable import SMTPProbeCore

/// check_host() (RFC 7208 4, 5) over a `StaticResolver`: each mechanism, the include and
/// redirect rules, the lookup and void-lookup limits, and which term decided.
@Suite struct SPFEvaluatorTests {
  static func txt(_ text: String) -> [DNSRecordType: StaticResolver.Entry] {
    [.txt: .records([.txt([text])])]
  }

  static let zones = StaticResolver(entries: [
    "example.org": txt("v=spf1 ip4:192.0.2.0/24 include:_spf.example.net mx/30 ~all").merging([
      .mx: .records([.mx(preference: 10, exchange: "mx.example.org")])
    ]) { $1 },
    "mx.example.org": [.a: .records([.a("198.51.100.8")])],
    "_spf.example.net": txt("v=spf1 ip6:2001:db8:1::/48 a:host.example.net//64 -all"),
    "host.example.net": [
      .a: .records([.a("203.0.113.5")]), .aaaa: .records([.aaaa("2001:db8:2::1")]),
    ],
    "redirected.example": txt("v=spf1 redirect=example.org"),
    "nowhere.example": txt("v=spf1 redirect=norecord.example"),
    "norecord.example": [.a: .records([.a("192.0.2.1")])],
    "badinclude.example": txt("v=spf1 include:norecord.example -all"),
    "two.example": [.txt: .records([.txt(["v=spf1 -all"]), .txt(["v=spf1 +all"])])],
    "broken.example": txt("v=spf1 ip4:10.0.0.0/8 include:invalid.example -all"),
    "invalid.example": txt("v=spf1 ip4:1.2.3 -all"),
    "servfail.example": [
      .txt: .failure(.serverFailure(name: "servfail.example", type: .txt, server: "192.0.2.53"))
    ],
    "voids.example": txt("v=spf1 a:n1.example a:n2.example a:n3.example -all"),
    "exists.example": txt("v=spf1 exists:%{ir}.%{l}._spf.exists.example -all"),
    "3.2.0.192.alice._spf.exists.example": [.a: .records([.a("127.0.0.2")])],
    "ptr.example": txt("v=spf1 ptr -all"),
    "3.2.0.192.in-addr.arpa": [.ptr: .records([.ptr("mail.ptr.example")])],
    "mail.ptr.example": [.a: .records([.a("192.0.2.3")])],
    "plain.example": txt("v=spf1 ip4:192.0.2.9"),
  ])

  static func evaluate(_ ip: String, _ domain: String, sender: String? = nil) throws
    -> SPFEvaluation
  {
    SPFEvaluator(resolver: zones).evaluate(
      ip: try #require(IPAddress(ip)), domain: domain, sender: sender ?? "alice@\(domain)",
      helo: "client.example")
  }

  @Test func ip4PassesInTheTopRecord() throws {
    let result = try Self.evaluate("192.0.2.77", "example.org")
    #expect(result.result == .pass)
    #expect(result.term == "ip4:192.0.2.0/24")
    #expect(result.termDomain == "example.org")
    #expect(result.chain.isEmpty)
    #expect(result.lookups == 0)
  }

  @Test func anIncludedRecordPassesAndTheChainIsNamed() throws {
    let v6 = try Self.evaluate("2001:db8:1::25", "example.org")
    #expect(v6.result == .pass)
    #expect(v6.term == "ip6:2001:db8:1::/48")
    #expect(v6.termDomain == "_spf.example.net")
    #expect(v6.chain == ["include:_spf.example.net"])
    // a:host//64 matches the AAAA's /64 network.
    let network = try Self.evaluate("2001:db8:2::99", "example.org")
    #expect(network.result == .pass)
    #expect(network.term == "a:host.example.net//64")
    #expect(network.lookups == 2)
  }

  @Test func mxWithACIDRMatchesAndOthersSoftfail() throws {
    let mx = try Self.evaluate("198.51.100.9", "example.org")
    #expect(mx.result == .pass)
    #expect(mx.term == "mx/30")
    let other = try Self.evaluate("203.0.113.200", "example.org")
    #expect(other.result == .softfail)
    #expect(other.term == "~all")
  }

  @Test func redirectDecidesWhenNothingMatchedAndNeedsARecord() throws {
    let redirected = try Self.evaluate("192.0.2.1", "redirected.example")
    #expect(redirected.result == .pass)
    #expect(redirected.chain == ["redirect=example.org"])
    let nowhere = try Self.evaluate("192.0.2.1", "nowhere.example")
    #expect(nowhere.result == .permerror)
    #expect(nowhere.term == "redirect=norecord.example")
    #expect(nowhere.problem == .noRecord(domain: "norecord.example"))
  }

  @Test func anIncludeWithoutARecordIsAPermerror() throws {
    let result = try Self.evaluate("192.0.2.1", "badinclude.example")
    #expect(result.result == .permerror)
    #expect(result.term == "include:norecord.example")
  }

  @Test func anInvalidIncludedRecordIsAPermerrorNamingItsTerm() throws {
    let result = try Self.evaluate("192.0.2.1", "broken.example")
    #expect(result.result == .permerror)
    #expect(result.term == "ip4:1.2.3")
    #expect(result.termDomain == "invalid.example")
    #expect(result.chain == ["include:invalid.example"])
  }

  @Test func noneSeveralAndTemperror() throws {
    #expect(try Self.evaluate("192.0.2.1", "norecord.example").result == .none)
    #expect(try Self.evaluate("192.0.2.1", "two.example").result == .permerror)
    #expect(try Self.evaluate("192.0.2.1", "servfail.example").result == .temperror)
    #expect(try Self.evaluate("192.0.2.1", "localhost").result == .none)
    let neutral = try Self.evaluate("192.0.2.1", "plain.example")
    #expect(neutral.result == .neutral)
    #expect(neutral.term == nil)
  }

  @Test func theThirdVoidLookupIsAPermerror() throws {
    let result = try Self.evaluate("192.0.2.1", "voids.example")
    #expect(result.result == .permerror)
    #expect(result.term == "a:n3.example")
    #expect(result.voidLookups == 3)
  }

  @Test func theEleventhLookupIsAPermerror() throws {
    let record = "v=spf1 " + (1...11).map { "a:h\($0).example" }.joined(separator: " ") + " -all"
    var entries: [String: [DNSRecordType: StaticResolver.Entry]] = [
      "many.example": Self.txt(record)
    ]
    for index in 1...11 { entries["h\(index).example"] = [.a: .records([.a("203.0.113.1")])] }
    let result = SPFEvaluator(resolver: StaticResolver(entries: entries)).evaluate(
      ip: .v4([192, 0, 2, 1]), domain: "many.example", sender: "a@many.example", helo: "h")
    #expect(result.result == .permerror)
    #expect(result.term == "a:h11.example")
    #expect(result.problem == .tooManyLookups(domain: "many.example", term: "a:h11.example"))
  }

  @Test func existsExpandsMacrosAndPtrValidatesTheName() throws {
    #expect(try Self.evaluate("192.0.2.3", "exists.example").result == .pass)
    #expect(try Self.evaluate("192.0.2.4", "exists.example").result == .fail)
    let ptr = try Self.evaluate("192.0.2.3", "ptr.example")
    #expect(ptr.result == .pass)
    #expect(ptr.usedPTR)
    #expect(try Self.evaluate("192.0.2.4", "ptr.example").result == .fail)
  }
}
