import Testing

@testable import SMTPProbeCore

/// DNS blocklist lookups (RFC 5782): the query names, the documented answers of the default
/// zones, and error answers that are never read as listings.
@Suite struct DNSBLLookupTests {
  @Test func queryNamesReverseOctetsAndNibbles() throws {
    #expect(
      DNSBLLookup.queryName(.v4([192, 0, 2, 99]), zone: "zen.spamhaus.org.")
        == "99.2.0.192.zen.spamhaus.org")
    let v6 = try #require(IPAddress("2001:db8:1:2:3:4:567:89ab"))
    #expect(
      DNSBLLookup.queryName(v6, zone: "dnsbl.example")
        == "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.dnsbl.example")
  }

  static func zone(_ answers: [String: [String]], failing: [String] = []) -> StaticResolver {
    var entries: [String: [DNSRecordType: StaticResolver.Entry]] = [:]
    for (name, addresses) in answers { entries[name] = [.a: .records(addresses.map { .a($0) })] }
    for name in failing {
      entries[name] = [.a: .failure(.timedOut(server: "192.0.2.53", seconds: 5, tries: 2))]
    }
    return StaticResolver(entries: entries)
  }

  @Test func spamhausCodesAreReadFromTheCatalogue() {
    let resolver = Self.zone([
      "2.0.0.127.zen.spamhaus.org": ["127.0.0.2", "127.0.0.10"],
      "10.0.0.127.zen.spamhaus.org": ["127.0.0.11"],
      "254.0.0.127.zen.spamhaus.org": ["127.255.255.254"],
    ])
    let listed = DNSBLLookup.lookUp(
      .v4([127, 0, 0, 2]), zone: "zen.spamhaus.org", resolver: resolver)
    guard case .listed(let codes) = listed.outcome else {
      Issue.record("127.0.0.2 is Spamhaus's test listing: \(listed.outcome)")
      return
    }
    #expect(codes.map(\.kind) == [.listing(severe: true), .listing(severe: false)])
    #expect(codes.allSatisfy { $0.source.hasPrefix("https://") })
    let policy = DNSBLLookup.lookUp(
      .v4([127, 0, 0, 10]), zone: "zen.spamhaus.org", resolver: resolver)
    #expect(policy.outcome == .listed([DNSBLCode.reading("127.0.0.11", from: "zen.spamhaus.org")]))
    let refused = DNSBLLookup.lookUp(
      .v4([127, 0, 0, 254]), zone: "zen.spamhaus.org", resolver: resolver)
    guard case .refusedByOperator(let errors) = refused.outcome else {
      Issue.record("127.255.255.254 is an error answer, never a listing: \(refused.outcome)")
      return
    }
    #expect(errors.map(\.address) == ["127.255.255.254"])
  }

  @Test func notListedFailedAndAnswersOutsideLoopback() {
    let resolver = Self.zone(
      ["9.2.0.192.dnsbl.example": ["198.51.100.1"]], failing: ["8.2.0.192.dnsbl.example"])
    #expect(
      DNSBLLookup.lookUp(.v4([192, 0, 2, 7]), zone: "dnsbl.example", resolver: resolver).outcome
        == .notListed)
    guard
      case .failed = DNSBLLookup.lookUp(
        .v4([192, 0, 2, 8]), zone: "dnsbl.example", resolver: resolver
      ).outcome
    else {
      Issue.record("a timeout is could-not-check")
      return
    }
    // A resolver that rewrites NXDOMAIN to its own address must not list everyone.
    guard
      case .refusedByOperator = DNSBLLookup.lookUp(
        .v4([192, 0, 2, 9]), zone: "dnsbl.example", resolver: resolver
      ).outcome
    else {
      Issue.record("an answer outside 127/8 is not a listing")
      return
    }
  }

  @Test func everyCatalogueRowIsDocumentedAndUnique() {
    var seen: Set<String> = []
    for code in DNSBLCode.catalogue {
      #expect(seen.insert(code.zone + " " + code.address).inserted, "\(code.zone) \(code.address)")
      #expect(IPAddress(code.address)?.bytes.first == 127)
      #expect(DNSBLCode.defaultZones.contains(code.zone))
      #expect(!code.meaning.isEmpty && code.source.hasPrefix("https://"))
    }
  }
}
