import Foundation
import Testing

/// `smtpprobe probe DOMAIN` without `--dns-server`: libresolv reads /etc/resolv.conf, which in
/// these tests is ours, inside a private network and mount namespace (ResolverNamespace) with
/// dnsmasq serving the test zones on 127.0.0.1:53.
@Suite struct SystemResolverTests {
  /// A resolv.conf whose `search` and `ndots` would rewrite every name a stub resolver asks
  /// for (resolv.conf(5)): our queries must go out as given all the same.
  static let searchingResolvConf = """
    # SystemResolverTests
    search example.invalid
    options ndots:5 timeout:1 attempts:1
    nameserver 127.0.0.1

    """

  /// The dialogue of a probe with `--to alice@probe.test`, answered with success.
  static let acceptingScript = """
    send 220 mx.probe.test ESMTP scripted
    expect EHLO
    send 250-mx.probe.test
    send 250 8BITMIME
    expect MAIL
    send 250 2.1.0 ok
    expect RCPT
    send 250 2.1.5 ok
    expect RSET
    send 250 ok
    expect QUIT
    send 221 bye
    """

  /// This process's mounts on /etc/resolv.conf (/proc/self/mountinfo, field 5).
  static func resolvConfMounts() throws -> [String] {
    try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
      .split(separator: "\n").filter {
        $0.split(separator: " ").dropFirst(4).first == "/etc/resolv.conf"
      }
      .map(String.init)
  }

  @Test func aDomainProbeResolvesThroughResolvConf() throws {
    let mountsBefore = try Self.resolvConfMounts()
    let hostFile = try? String(contentsOfFile: "/etc/resolv.conf", encoding: .utf8)
    let outcome = try ResolverNamespace(
      resolvConf: Self.searchingResolvConf, smtpScript: Self.acceptingScript
    ).run([
      ["good.test", "--to", "alice@probe.test"],
      ["nullmx.test"],
      ["nxdomain.test"],
      ["aonly.test", "--port", "2525"],
    ])
    let good = outcome.probes[0]
    #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
    #expect(good.stdout.contains("MX of good.test:\n"))
    #expect(good.stdout.contains("    10  dead.good.test  127.0.0.3\n"))
    #expect(good.stdout.contains("    20  mx.probe.test   127.0.0.1\n"))
    #expect(good.stdout.contains("cannot connect to 127.0.0.3:25: connection refused"))
    #expect(good.stdout.contains("session mx.probe.test (127.0.0.1)"))
    #expect(good.stdout.contains("<- 250 2.1.5 ok"))
    #expect(outcome.smtpLog.contains("C: RCPT TO:<alice@probe.test>"))

    let nullMX = outcome.probes[1]
    #expect(nullMX.status == 1, "\(nullMX.stdout)")
    #expect(nullMX.stdout.contains("accepts no mail"))
    #expect(!nullMX.stdout.contains("session "))

    let nxdomain = outcome.probes[2]
    #expect(nxdomain.status == 3, "\(nxdomain.stdout)")
    #expect(nxdomain.stdout.contains("the domain nxdomain.test does not exist (NXDOMAIN)"))

    let aOnly = outcome.probes[3]
    #expect(aOnly.status == 3, "\(aOnly.stdout)")
    #expect(aOnly.stdout.contains("implicit MX"))
    #expect(aOnly.stdout.contains("aonly.test has no MX records"))
    #expect(aOnly.stdout.contains("cannot connect to 127.0.0.1:2525: connection refused"))

    // Every name went out exactly as given: no search domain, whatever ndots says.
    #expect(outcome.queries.contains("MX good.test"))
    #expect(outcome.queries.contains("A dead.good.test"))
    #expect(outcome.queries.contains("MX nxdomain.test"))
    #expect(!outcome.queries.isEmpty)
    #expect(outcome.queries.allSatisfy { !$0.contains("example.invalid") }, "\(outcome.queries)")

    // The bind mount stayed inside the namespace.
    #expect(try Self.resolvConfMounts() == mountsBefore)
    #expect((try? String(contentsOfFile: "/etc/resolv.conf", encoding: .utf8)) == hostFile)
  }

  @Test func aSingleLabelNameIsNotCompletedFromTheSearchList() throws {
    let outcome = try ResolverNamespace(resolvConf: Self.searchingResolvConf).run([["nosuch"]])
    let result = outcome.probes[0]
    // dnsmasq refuses names outside its zones (no upstream): a DNS failure, said as one.
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("DNS server 127.0.0.1:53 refused to answer for nosuch MX"))
    #expect(outcome.queries == ["MX nosuch"])
  }

  @Test func aServerNameResolvesThroughGetaddrinfo() throws {
    // getaddrinfo applies resolv.conf's search list itself (nsswitch `hosts: files dns`);
    // the name still ends up at mx.probe.test in the namespace's DNS.
    let outcome = try ResolverNamespace(
      resolvConf: Self.searchingResolvConf, smtpScript: Self.acceptingScript
    ).run([["--server", "mx.probe.test:25", "--to", "alice@probe.test"]])
    let result = outcome.probes[0]
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("<- 220 mx.probe.test ESMTP scripted"))
    #expect(outcome.queries.contains("A mx.probe.test"), "\(outcome.queries)")
  }

  @Test func aSilentNameServerIsATimeoutNotNoMX() throws {
    let outcome = try ResolverNamespace(
      resolvConf: "nameserver 127.0.0.2\noptions timeout:1 attempts:1\n", dnsAddresses: [],
      silentAddresses: ["127.0.0.2"]
    ).run([["good.test"]])
    let result = outcome.probes[0]
    #expect(result.status == 3, "\(result.stdout)")
    // resolv.conf's timeout and attempts apply: one try of 1 s, not glibc's 2 of 5 s.
    #expect(result.stdout.contains("no answer from DNS server 127.0.0.2:53 within 1 s"))
    #expect(!result.stdout.contains("no MX"))
    #expect(!result.stdout.contains("implicit MX"))
  }

  @Test func noNameServerListeningIsUnreachable() throws {
    let outcome = try ResolverNamespace(
      resolvConf: "nameserver 127.0.0.1\n", dnsAddresses: []
    ).run([["good.test"]])
    let result = outcome.probes[0]
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("DNS server 127.0.0.1:53 is unreachable"))
    #expect(!result.stdout.contains("implicit MX"))
  }

  @Test func theNextNameServerAnswersWhenTheFirstCannot() throws {
    // 127.0.0.3 refuses (ICMP port unreachable); res_nsend moves on to 127.0.0.1.
    let outcome = try ResolverNamespace(
      resolvConf: "nameserver 127.0.0.3\nnameserver 127.0.0.1\noptions timeout:1 attempts:1\n"
    ).run([["nullmx.test"]])
    #expect(outcome.probes[0].status == 1, "\(outcome.probes[0].stdout)")
    #expect(outcome.probes[0].stdout.contains("accepts no mail"))
  }

  @Test func aRefusingFirstNameServerIsPassedOverAsGlibcDoes() throws {
    // glibc's resolver (getaddrinfo, host) asks the next server after REFUSED or SERVFAIL.
    let outcome = try ResolverNamespace(
      resolvConf: "nameserver 127.0.0.4\nnameserver 127.0.0.1\noptions timeout:1 attempts:1\n",
      refusingAddresses: ["127.0.0.4"]
    ).run([["nullmx.test"], ["nosuch.invalid"]])
    #expect(outcome.probes[0].status == 1, "\(outcome.probes[0].stdout)")
    #expect(outcome.probes[0].stdout.contains("accepts no mail"))
    // When every server refuses, the first refusal is reported, naming its server.
    #expect(outcome.probes[1].status == 3, "\(outcome.probes[1].stdout)")
    #expect(
      outcome.probes[1].stdout.contains(
        "DNS server 127.0.0.4:53 refused to answer for nosuch.invalid MX (REFUSED)"),
      "\(outcome.probes[1].stdout)")
  }

  @Test func everyNameServerIsNamedWhenNoneAnswers() throws {
    let outcome = try ResolverNamespace(
      resolvConf: "nameserver 127.0.0.2\nnameserver 127.0.0.3\noptions timeout:1 attempts:1\n",
      dnsAddresses: [], silentAddresses: ["127.0.0.2"]
    ).run([["good.test"]])
    let result = outcome.probes[0]
    #expect(result.status == 3, "\(result.stdout)")
    #expect(result.stdout.contains("DNS server 127.0.0.2:53, 127.0.0.3:53"), "\(result.stdout)")
  }

  @Test func anIPv6NameServer() throws {
    guard SilentUDPServer(ipv6: true) != nil else {
      try Test.cancel("IPv6 loopback is not available here")
    }
    let outcome = try ResolverNamespace(
      resolvConf: "nameserver ::1\noptions timeout:1 attempts:1\n", dnsAddresses: ["::1"]
    ).run([["nullmx.test"]])
    #expect(outcome.probes[0].status == 1, "\(outcome.probes[0].stdout)")
    #expect(outcome.probes[0].stdout.contains("accepts no mail"))

    let second = try ResolverNamespace(
      resolvConf: "nameserver 127.0.0.4\nnameserver ::1\noptions timeout:1 attempts:1\n",
      dnsAddresses: ["::1"], refusingAddresses: ["127.0.0.4"]
    ).run([["nullmx.test"]])
    #expect(second.probes[0].status == 1, "\(second.probes[0].stdout)")
    #expect(second.probes[0].stdout.contains("accepts no mail"))

    let silent = try ResolverNamespace(
      resolvConf: "nameserver ::1\noptions timeout:1 attempts:1\n", dnsAddresses: [],
      silentAddresses: ["::1"]
    ).run([["good.test"]])
    #expect(silent.probes[0].status == 3, "\(silent.probes[0].stdout)")
    #expect(silent.probes[0].stdout.contains("no answer from DNS server [::1]:53 within 1 s"))
  }
}
