import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// At most `--mx-address-limit` addresses per MX host are tried; the rest are named.
@Suite struct MXAddressLimitTests {
  static let twenty = (1...20).map { "127.0.0.\($0)" }

  static let zones = StaticResolver(entries: [
    "many.test": [.mx: .records([.mx(preference: 10, exchange: "mx.many.test")])],
    "mx.many.test": [
      .a: .records(twenty.map { .a($0) }), .aaaa: .records([.aaaa("::1"), .aaaa("::2")]),
    ],
    "implicit.test": [
      .mx: .failure(.noData(name: "implicit.test", type: .mx)),
      .a: .records(twenty.map { .a($0) }),
    ],
  ])

  @Test func theDefaultIsPostfixsFive() {
    #expect(MXAddressLimit.standard.maximum == 5)
  }

  @Test func aHostKeepsTheLimitWithBothFamiliesAndNamesTheRest() throws {
    let route = MailRouteResolver(resolver: Self.zones).resolve(domain: "many.test")
    let host = try #require(route.mx.first)
    #expect(host.addresses == Array(Self.twenty.prefix(4)) + ["::1"])
    #expect(host.skippedAddresses == Array(Self.twenty.dropFirst(4)) + ["::2"])
    let note = try #require(route.notes.first { $0.contains("--mx-address-limit") })
    for skipped in host.skippedAddresses { #expect(note.contains(skipped)) }
  }

  @Test func anImplicitMXIsLimitedToo() throws {
    let route = MailRouteResolver(resolver: Self.zones, addressLimit: MXAddressLimit(3))
      .resolve(domain: "implicit.test")
    #expect(route.kind == .implicit)
    #expect(route.mx.first?.addresses == Array(Self.twenty.prefix(3)))
    #expect(route.mx.first?.skippedAddresses.count == 17)
  }

  @Test func zeroMeansEveryAddress() {
    let route = MailRouteResolver(resolver: Self.zones, addressLimit: .none)
      .resolve(domain: "many.test")
    #expect(route.mx.first?.addresses.count == 22)
    #expect(route.mx.first?.skippedAddresses.isEmpty == true)
    #expect(!route.notes.contains { $0.contains("--mx-address-limit") })
  }

  @Test(arguments: [
    (1, ["127.0.0.1", "::1"], ["127.0.0.1"]),
    (2, ["127.0.0.1", "127.0.0.2", "::1"], ["127.0.0.1", "::1"]),
    (2, ["::1", "::2", "127.0.0.1"], ["::1", "127.0.0.1"]),
    (3, ["127.0.0.1", "127.0.0.2"], ["127.0.0.1", "127.0.0.2"]),
  ])
  func theLimitKeepsBothFamiliesWhenItCan(limit: Int, addresses: [String], kept: [String]) {
    let (result, skipped) = MXAddressLimit(limit).apply(to: addresses)
    #expect(result == kept)
    #expect(Set(result).union(skipped) == Set(addresses))
    #expect(result.count + skipped.count == addresses.count)
  }
}
