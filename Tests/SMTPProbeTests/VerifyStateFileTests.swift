import Testing

@testable import SMTPProbeCore

/// `--state`'s format, `JSONValue.parse` under it, and the provider-domain table.
@Suite struct VerifyStateFileTests {
  @Test func aResultRoundTripsThroughItsLine() throws {
    let reply = Reply(550, "5.1.1 <bob@example.org>: Recipient address rejected: User unknown")
    var result = VerifyResult(
      address: "bob@example.org", verdict: .undeliverable, reason: .category(.mailboxUnknown),
      catchAll: .no, mxHost: "mx.example.org", tls: true, reply: reply,
      diagnosis: Classifier.diagnose(reply, after: .rcpt), attempts: 2,
      elapsedMilliseconds: 40)
    result.retryAfter = UnixTime(seconds: 1_700_000_000)
    result.sessionNote = .oneRecipientForNullSender
    let text =
      VerifyStateFile.header + VerifyStateFile.line(mailbox: "bob@example.org", result: result)
    let recorded = try VerifyStateFile.parse(text)
    #expect(recorded["bob@example.org"] == result)
  }

  @Test func aProberRefusalKeepsItsCategoryAndStep() throws {
    let reply = Reply(
      554, "5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org")
    let result = VerifyResult(
      address: "c@example.org", verdict: .unknown, reason: .proberRefused,
      refusalCategory: .blocklistedIP, reply: reply,
      diagnosis: Classifier.diagnose(reply, after: .mail))
    let recorded = try VerifyStateFile.parse(
      VerifyStateFile.header + VerifyStateFile.line(mailbox: "c@example.org", result: result))
    #expect(recorded["c@example.org"] == result)
  }

  @Test func aCutLastLineIsSkippedAndForeignFilesRefused() throws {
    let line = VerifyStateFile.line(
      mailbox: "a@b.test",
      result: VerifyResult(address: "a@b.test", verdict: .deliverable, reason: .category(.ok)))
    let cut = VerifyStateFile.header + line + String(line.prefix(20))
    #expect(try VerifyStateFile.parse(cut).keys.sorted() == ["a@b.test"])
    #expect(try VerifyStateFile.parse("").isEmpty)
    #expect(throws: VerifyStateFile.Problem(line: 1)) {
      try VerifyStateFile.parse("address,verdict\n")
    }
    #expect(throws: VerifyStateFile.Problem(line: 2)) {
      try VerifyStateFile.parse(VerifyStateFile.header + "{\"mailbox\":\"a@b.test\"}\n")
    }
  }

  @Test func jsonParsesWhatItWrites() throws {
    let value: JSONValue = [
      "s": "a\"b\\c\n\u{1}é😀", "n": .int(-42), "d": .double(1.5), "t": true, "z": nil,
      "a": [1, "x", [:]],
    ]
    #expect(try JSONValue.parse(value.compact) == value)
    #expect(try JSONValue.parse(" {\"k\" : [ ] } ") == ["k": []])
    #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
    for bad in ["", "{", "[1,]", "tru", "\"a", "{\"a\" 1}", "01x", "[1] 2"] {
      #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(bad) }
    }
  }

  @Test func providerDomainsMatchNamesParentsAndAnyTopLevelDomain() {
    #expect(ProviderDomains.row(for: "gmail.com")?.provider == "Gmail (Google)")
    #expect(ProviderDomains.row(for: "MX.Gmail.com.") != nil)
    #expect(ProviderDomains.row(for: "gmx.de") != nil)
    #expect(ProviderDomains.row(for: "gmx.co.uk") != nil)
    #expect(ProviderDomains.row(for: "yandex.ru") != nil)
    #expect(ProviderDomains.row(for: "notgmail.com") == nil)
    #expect(ProviderDomains.row(for: "gmx.example.org") == nil)
    #expect(ProviderDomains.row(for: "client.probe.test") == nil)
    #expect(Set(ProviderDomains.rows.map(\.pattern)).count == ProviderDomains.rows.count)
  }
}
