import Testing

@testable import SMTPProbeCore
@testable import smtpprobe

/// The posture options of `check`: on by default for a DOMAIN, never for `--server`, and each
/// value refused in one line.
@Suite struct PostureOptionsTests {
  static func bind(_ arguments: [String]) throws -> CheckOptions {
    try CheckOptionsTests.bind(arguments)
  }

  static func message(_ arguments: [String]) -> String? {
    do {
      _ = try bind(arguments)
      return nil
    } catch {
      return (error as? UsageError)?.description
    }
  }

  @Test func aDomainReadsItsPostureByDefault() throws {
    let plain = try Self.bind(["example.org"])
    #expect(plain.posture == PostureOptions())
    #expect(plain.posture?.dnsblZones == DNSBLCode.defaultZones)
    let full = try Self.bind([
      "example.org", "--spf-ip", "2001:db8::25", "--client-ip", "192.0.2.1", "--client-ip",
      "192.0.2.2", "--dkim-selector", "s2048", "--dkim-selector", "mail._x", "--dnsbl",
      "bl.example.net",
    ])
    #expect(full.posture?.spfIP == IPAddress("2001:db8::25"))
    #expect(full.posture?.clientIPs.count == 2)
    #expect(full.posture?.dkimSelectors == ["s2048", "mail._x"])
    #expect(full.posture?.dnsblZones == ["bl.example.net"])
    #expect(try Self.bind(["example.org", "--no-posture"]).posture == nil)
    #expect(try Self.bind(["--server", "mx.example.org"]).posture == nil)
  }

  @Test func badValuesAndConflictsAreRefused() throws {
    let invalidIP = try #require(Self.message(["example.org", "--spf-ip", "192.0.2.300"]))
    #expect(invalidIP.contains("--spf-ip"))
    #expect(invalidIP.contains("192.0.2.300"))
    #expect(Self.message(["example.org", "--dnsbl", "localhost"])?.contains("--dnsbl") == true)
    #expect(
      Self.message(["example.org", "--dkim-selector", "bad selector"])?.contains(
        "--dkim-selector") == true)
    let server = try #require(Self.message(["--server", "mx.example.org", "--dkim-selector", "s"]))
    #expect(server.contains("--dkim-selector") && server.contains("--server"))
    let skipped = try #require(
      Self.message(["example.org", "--no-posture", "--spf-ip", "192.0.2.1"]))
    #expect(skipped.contains("--no-posture"))
  }
}
