import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// The libresolv resolver, route selection and identity checks against the dnsmasq test zones
/// of Scripts/servers/dnsmasq.sh on 127.0.0.1.
@Suite struct ResolverTests {
  @Test func mxRecords() throws {
    let resolver = try DNSTestServer.resolver()
    #expect(
      Set(try resolver.mx("good.test")) == [
        MXRecord(preference: 10, exchange: "dead.good.test"),
        MXRecord(preference: 20, exchange: "mx.probe.test"),
      ])
    #expect(try resolver.mx("nullmx.test") == [MXRecord(preference: 0, exchange: ".")])
    #expect(try resolver.mx("iplit.test") == [MXRecord(preference: 10, exchange: "127.0.0.1")])
  }

  @Test func addressPTRAndTXTRecords() throws {
    let resolver = try DNSTestServer.resolver()
    #expect(try resolver.addresses("mx.probe.test") == ["127.0.0.1"])
    #expect(try resolver.addresses("mx.dual.test") == ["127.0.0.1", "::1"])
    #expect(try resolver.addresses("mx.dual.test", family: .ipv6) == ["::1"])
    #expect(try resolver.ptr("127.0.0.1") == ["mx.probe.test"])
    #expect(try resolver.ptr("127.0.0.4") == ["nowhere.test"])
    #expect(try resolver.txt("good.test") == ["v=spf1 ip4:127.0.0.0/8 -all"])
  }

  @Test func cnameIsFollowed() throws {
    let answer = try DNSTestServer.resolver().query("alias.cname.test", .a)
    #expect(answer.aliases == ["alias.cname.test"])
    #expect(answer.canonicalName == "mx.probe.test")
    #expect(answer.records.map(\.data) == [.a("127.0.0.1")])
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let id: String
    let name: String
    let type: DNSRecordType
    let error: @Sendable (String) -> DNSError
    var testDescription: String { id }
  }

  @Test(arguments: [
    ErrorCase(id: "NXDOMAIN", name: "nxdomain.test", type: .mx) { _ in
      .nameDoesNotExist(name: "nxdomain.test")
    },
    ErrorCase(id: "NODATA", name: "aonly.test", type: .mx) { _ in
      .noData(name: "aonly.test", type: .mx)
    },
    ErrorCase(id: "unknown reverse name", name: "9.0.0.127.in-addr.arpa", type: .ptr) { _ in
      .nameDoesNotExist(name: "9.0.0.127.in-addr.arpa")
    },
    // dnsmasq has no upstream server, so it refuses names outside its zones (nothing leaves
    // the machine).
    ErrorCase(id: "REFUSED", name: "outside.invalid", type: .a) { server in
      .refused(name: "outside.invalid", type: .a, server: server)
    },
  ])
  func errors(_ c: ErrorCase) throws {
    let port = try DNSTestServer.port()
    let resolver = try DNSTestServer.resolver()
    #expect(throws: c.error("127.0.0.1:\(port)")) { try resolver.query(c.name, c.type) }
  }

  @Test func silentServerTimesOut() throws {
    let silent = try #require(SilentUDPServer())
    let resolver = try DNSTestServer.resolver(port: Int(silent.port), timeoutSeconds: 1, tries: 1)
    #expect(throws: DNSError.timedOut(server: "127.0.0.1:\(silent.port)", seconds: 1, tries: 1)) {
      try resolver.mx("good.test")
    }
  }

  @Test func silentIPv6ServerTimesOut() throws {
    guard let silent = SilentUDPServer(ipv6: true) else {
      try Test.cancel("IPv6 loopback is not available here")
    }
    let server = try DNSServerAddress(parsing: "[::1]:\(silent.port)")
    let resolver = LibresolvResolver(
      configuration: ResolverConfiguration(server: server, timeoutSeconds: 1, tries: 1))
    #expect(throws: DNSError.timedOut(server: "[::1]:\(silent.port)", seconds: 1, tries: 1)) {
      try resolver.mx("good.test")
    }
  }

  @Test func closedPortIsUnreachable() throws {
    let port = try #require(SilentUDPServer()).port  // bound, then closed at once
    let resolver = try DNSTestServer.resolver(port: Int(port), timeoutSeconds: 1, tries: 1)
    #expect {
      try resolver.mx("good.test")
    } throws: { error in
      guard case .unreachable(let server, _)? = error as? DNSError else { return false }
      return server == "127.0.0.1:\(port)"
    }
  }
}

/// RFC 5321 5.1 route selection over the real resolver, one zone per case.
@Suite struct MailRouteIntegrationTests {
  private func route(_ domain: String, family: AddressFamilyPreference = .any) throws -> MailRoute {
    MailRouteResolver(resolver: try DNSTestServer.resolver(), family: family)
      .resolve(domain: domain)
  }

  @Test func betterMXFirst() throws {
    let route = try route("good.test")
    #expect(route.kind == .mx)
    #expect(route.verdict == nil)
    #expect(
      route.mx == [
        MXHost(host: "dead.good.test", preference: 10, addresses: ["127.0.0.3"]),
        MXHost(host: "mx.probe.test", preference: 20, addresses: ["127.0.0.1"]),
      ])
  }

  @Test func equalPreferences() throws {
    let route = try route("equal.test")
    #expect(Set(route.mx.map(\.host)) == ["mx1.equal.test", "mx2.equal.test"])
    #expect(route.mx.allSatisfy { $0.preference == 10 && $0.addresses == ["127.0.0.1"] })
  }

  @Test func nullMX() throws {
    let route = try route("nullmx.test")
    #expect(route.kind == .nullMX)
    #expect(route.verdict?.exitCode == 1)
  }

  @Test func implicitMX() throws {
    let route = try route("aonly.test")
    #expect(route.kind == .implicit)
    #expect(route.mx == [MXHost(host: "aonly.test", preference: 0, addresses: ["127.0.0.1"])])
  }

  @Test func nxdomain() throws {
    let route = try route("nxdomain.test")
    #expect(route.failure == .domainDoesNotExist(domain: "nxdomain.test"))
    #expect(route.verdict?.exitCode == 3)
  }

  @Test func mxHostWithoutAddress() throws {
    let route = try route("noaddr.test")
    #expect(route.failure == .noMailHosts(domain: "noaddr.test", implicit: false))
    #expect(route.mx.first?.problems == ["ghost.noaddr.test does not exist (NXDOMAIN)"])
    #expect(route.verdict?.exitCode == 3)
  }

  @Test func cnameMX() throws {
    let route = try route("cname.test")
    #expect(route.mx.first?.addresses == ["127.0.0.1"])
    #expect(route.warnings.first?.contains("alias (CNAME) of mx.probe.test") == true)
  }

  @Test func ipLiteralMX() throws {
    let route = try route("iplit.test")
    #expect(route.mx.first?.addresses == ["127.0.0.1"])
    #expect(route.warnings.first?.contains("not a host name") == true)
  }

  @Test func familyRestriction() throws {
    #expect(try route("dual.test", family: .ipv6).mx.first?.addresses == ["::1"])
    #expect(try route("dual.test", family: .ipv4).mx.first?.addresses == ["127.0.0.1"])
  }

  @Test func dnsTimeoutIsADNSFailure() throws {
    let silent = try #require(SilentUDPServer())
    let resolver = try DNSTestServer.resolver(port: Int(silent.port), timeoutSeconds: 1, tries: 1)
    let route = MailRouteResolver(resolver: resolver).resolve(domain: "good.test")
    #expect(
      route.failure
        == .dnsFailure(.timedOut(server: "127.0.0.1:\(silent.port)", seconds: 1, tries: 1)))
    #expect(route.verdict?.exitCode == 3)
  }

  @Test func identityChecks() throws {
    let resolver = try DNSTestServer.resolver()
    let good = IdentityCheck.run(
      address: "127.0.0.1", mxHost: "mx.probe.test", greetingName: "mx.probe.test",
      resolver: resolver)
    #expect(good.isForwardConfirmed == true)
    #expect(good.warnings.isEmpty)
    let bad = IdentityCheck.run(
      address: "127.0.0.4", mxHost: nil, greetingName: nil, resolver: resolver)
    #expect(bad.ptrNames == ["nowhere.test"])
    #expect(bad.isForwardConfirmed == false)
  }
}

extension ResolverTests {
  /// 40 MX records do not fit a 512-byte UDP answer: dnsmasq sets TC and res_nsend asks again
  /// over TCP (RFC 1035 4.2.1, RFC 7766).
  @Test func truncatedAnswerIsRetriedOverTCP() throws {
    let records = try DNSTestServer.resolver().mx("big.test")
    #expect(records.count == 40)
    #expect(Set(records.map(\.preference)) == Set(10...49))
  }
}
