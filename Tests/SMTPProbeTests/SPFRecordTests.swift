import Testing

@testable import SMTPProbeCore

/// The SPF record parser (RFC 7208 4.6, 12): every mechanism and modifier, and syntax errors
/// named with the position of the term that breaks the grammar.
@Suite struct SPFRecordTests {
  @Test func everyMechanismAndModifierParses() throws {
    let text =
      "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a a:mail.example.org/28//64 mx/24"
      + " ~mx:example.net ?ptr -exists:%{ir}.%{v}._spf.%{d} include:_spf.example.com"
      + " redirect=_spf.example.org exp=explain.%{d} custom=ignored -all"
    let record = try SPFRecord.parse(text)
    #expect(record.terms.count == 13)
    #expect(
      record.terms[0].kind
        == .directive(.pass, .ip4(try #require(IPAddress("192.0.2.0")), prefix: 24)))
    #expect(record.terms[0].position == 8)
    #expect(
      record.terms[1].kind
        == .directive(.pass, .ip6(try #require(IPAddress("2001:db8::")), prefix: 32)))
    guard case .directive(.pass, .a(let target, 28?, 64?)) = record.terms[3].kind else {
      Issue.record("a with dual CIDR: \(record.terms[3].kind)")
      return
    }
    #expect(target?.description == "mail.example.org")
    guard case .directive(.pass, .mx(nil, 24?, nil)) = record.terms[4].kind else {
      Issue.record("mx/24: \(record.terms[4].kind)")
      return
    }
    guard case .directive(.softfail, .mx) = record.terms[5].kind,
      case .directive(.neutral, .ptr(nil)) = record.terms[6].kind,
      case .directive(.fail, .exists(let exists)) = record.terms[7].kind
    else {
      Issue.record("qualifiers: \(record.terms[5...7].map(\.kind))")
      return
    }
    #expect(exists.hasMacros)
    #expect(record.redirect?.text == "redirect=_spf.example.org")
    #expect(record.all?.text == "-all")
    if case .modifier(.unknown(let name, let value)) = record.terms[11].kind {
      #expect(name == "custom")
      #expect(value == "ignored")
    } else {
      Issue.record("unknown modifier: \(record.terms[11].kind)")
    }
    // DNS-querying terms (RFC 7208 4.6.4): a, a:, mx, mx:, ptr, exists, include, redirect.
    #expect(record.terms.filter(\.queriesDNS).count == 8)
  }

  @Test func versionIsCaseInsensitiveAndMustEndTheWord() throws {
    #expect(SPFRecord.isSPF("V=SPF1 -all"))
    #expect(SPFRecord.isSPF("v=spf1"))
    #expect(!SPFRecord.isSPF("v=spf10 -all"))
    #expect(!SPFRecord.isSPF("v=DMARC1; p=none"))
    #expect(try SPFRecord.parse("v=spf1   -all  ").terms.map(\.position) == [10])
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var id: String
    var record: String
    var position: Int
    var reason: SPFSyntaxError.Reason
    var testDescription: String { id }
  }

  static let errors: [ErrorCase] = [
    ErrorCase(
      id: "octet over 255", record: "v=spf1 ip4:192.0.2.300 -all", position: 8,
      reason: .invalidAddress("192.0.2.300")),
    ErrorCase(
      id: "IPv6 in ip4", record: "v=spf1 mx ip4:2001:db8::1", position: 11,
      reason: .invalidAddress("2001:db8::1")),
    ErrorCase(
      id: "prefix too long", record: "v=spf1 ip4:192.0.2.0/33", position: 8,
      reason: .invalidPrefixLength("/33")),
    ErrorCase(
      id: "leading zero prefix", record: "v=spf1 ip6:2001:db8::/032", position: 8,
      reason: .invalidPrefixLength("/032")),
    ErrorCase(
      id: "unknown mechanism", record: "v=spf1 a ipv4:192.0.2.1 -all", position: 10,
      reason: .unknownMechanism("ipv4")),
    ErrorCase(
      id: "include without domain", record: "v=spf1 include -all", position: 8,
      reason: .missingDomain("include")),
    ErrorCase(
      id: "include of a bare label", record: "v=spf1 include:localhost -all", position: 8,
      reason: .invalidDomainSpec("localhost")),
    ErrorCase(
      id: "all with an argument", record: "v=spf1 all:example.org", position: 8,
      reason: .unexpectedArgument(":example.org")),
    ErrorCase(
      id: "two redirects", record: "v=spf1 redirect=a.example redirect=b.example", position: 27,
      reason: .duplicateModifier("redirect")),
    ErrorCase(
      id: "a bad macro", record: "v=spf1 exists:%{x}.example.org", position: 8,
      reason: .invalidMacro("%{x}")),
    ErrorCase(
      id: "c only in exp", record: "v=spf1 exists:%{c}.example.org", position: 8,
      reason: .invalidMacro("%{c}")),
    ErrorCase(
      id: "zero transformer", record: "v=spf1 exists:%{d0}.example.org", position: 8,
      reason: .invalidMacro("%{d0}")),
    ErrorCase(
      id: "not spf", record: "spf1 -all", position: 1, reason: .notVersion1),
  ]

  @Test(arguments: errors) func syntaxErrorsNameTheTermAndItsPosition(_ c: ErrorCase) {
    #expect(throws: SPFSyntaxError.self) { try SPFRecord.parse(c.record) }
    do {
      _ = try SPFRecord.parse(c.record)
    } catch {
      #expect(error.position == c.position)
      #expect(error.reason == c.reason)
      #expect(c.record.dropFirst(c.position - 1).hasPrefix(error.term))
    }
  }
}
