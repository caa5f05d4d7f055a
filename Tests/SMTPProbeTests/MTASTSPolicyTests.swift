import Testing

@testable import SMTPProbeCore

/// The MTA-STS TXT record (RFC 8461 3.1), the policy file (3.2) and the mx patterns (4.1).
@Suite struct MTASTSPolicyTests {
  @Test func recordWithIDAndExtensions() throws {
    let record = try MTASTSRecord(parsing: "v=STSv1; id=20160831085700Z; ext=x;")
    #expect(record.id == "20160831085700Z")
    #expect(record.extensions.map(\.name) == ["ext"])
  }

  @Test(arguments: [
    ("v=STSv2; id=1", MTASTSRecord.ParseError.notVersion1),
    ("id=1; v=STSv1", .notVersion1),
    ("v=STSv1", .idCount(0)),
    ("v=STSv1; id=1; id=2", .idCount(2)),
    ("v=STSv1; id=2016-08-31", .badID("2016-08-31")),
    ("v=STSv1; id=" + String(repeating: "a", count: 33), .badID(String(repeating: "a", count: 33))),
    ("v=STSv1; id=1; junk", .badField("junk")),
    ("v=STSv1;; id=1", .badField("")),
  ])
  func invalidRecordsAreNamed(_ text: String, _ expected: MTASTSRecord.ParseError) {
    #expect(throws: expected) { try MTASTSRecord(parsing: text) }
  }

  @Test func onlyV1RecordsAreCandidates() {
    let facts = MTASTSFacts(
      domain: "example.com",
      txt: .success(["v=spf1 -all", "v=STSv1; id=1", "google-site-verification=x"]))
    #expect(facts.candidates == ["v=STSv1; id=1"])
    #expect(facts.record?.id == "1")
    let double = MTASTSFacts(domain: "d", txt: .success(["v=STSv1; id=1", "v=STSv1; id=2"]))
    #expect(double.record == nil)
  }

  @Test func policyFromRFC8461Section32() throws {
    // The example of RFC 8461 3.2, with CRLF line ends.
    let text =
      "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\n"
      + "mx: backupmx.example.com\r\nmax_age: 604800\r\n"
    let policy = try MTASTSPolicy(parsing: text)
    #expect(policy.mode == .enforce)
    #expect(policy.maxAge == 604_800)
    #expect(policy.mx.map(\.text) == ["mail.example.com", "*.example.net", "backupmx.example.com"])
  }

  @Test func bareLineFeedsAndUnknownKeysAreAccepted() throws {
    let policy = try MTASTSPolicy(
      parsing: "version: STSv1\nmode: testing\nfuture_key: value\nmx: a.example\nmax_age: 86400\n")
    #expect(policy.mode == .testing)
    #expect(policy.mx.map(\.text) == ["a.example"])
  }

  @Test func modeNoneNeedsNoMX() throws {
    let policy = try MTASTSPolicy(parsing: "version: STSv1\nmode: none\nmax_age: 0\n")
    #expect(policy.mode == .none)
    #expect(policy.mx.isEmpty)
  }

  @Test(arguments: [
    ("mode: enforce\nmx: a\nmax_age: 1\n", MTASTSPolicy.ParseError.missing(key: "version")),
    ("version: STSv2\nmode: enforce\nmx: a\nmax_age: 1\n", .badVersion("STSv2")),
    ("version: STSv1\nmode: strict\nmx: a\nmax_age: 1\n", .badMode("strict")),
    ("version: STSv1\nmode: enforce\nmx: a\n", .missing(key: "max_age")),
    ("version: STSv1\nmode: enforce\nmx: a\nmax_age: 31557601\n", .badMaxAge("31557601")),
    ("version: STSv1\nmode: enforce\nmx: a\nmax_age: -1\n", .badMaxAge("-1")),
    ("version: STSv1\nmode: enforce\nmax_age: 86400\n", .noMX(mode: .enforce)),
    ("version: STSv1\nmode: enforce\nmode: testing\nmx: a\nmax_age: 1\n", .repeated(key: "mode")),
    ("version: STSv1\nmode: enforce\nmx: a.*.example\nmax_age: 1\n", .badPattern("a.*.example")),
    ("version: STSv1\nthis line has no colon\n", .badLine(line: 2, text: "this line has no colon")),
  ])
  func invalidPoliciesAreNamed(_ text: String, _ expected: MTASTSPolicy.ParseError) {
    #expect(throws: expected) { try MTASTSPolicy(parsing: text) }
  }

  @Test(arguments: [
    ("mail.example.com", "mail.example.com", true),
    ("mail.example.com", "MAIL.Example.COM.", true),
    ("mail.example.com", "mail2.example.com", false),
    ("*.example.net", "mx1.example.net", true),
    ("*.example.net", "example.net", false),
    ("*.example.net", "a.b.example.net", false),
    ("*.example.net", "mx1.example.org", false),
  ])
  func mxPatternsMatchAsRFC8461Section41Says(_ pattern: String, _ host: String, _ matches: Bool)
    throws
  {
    let parsed = try #require(MTASTSPattern(pattern))
    #expect(parsed.matches(host) == matches)
  }

  @Test(arguments: ["", "*", "a..example", "*mail.example", "mail.*.example", "*.*.example"])
  func invalidPatternsAreRefused(_ text: String) {
    #expect(MTASTSPattern(text) == nil)
  }
}
