import Testing

@testable import SMTPProbeCore

/// Macro expansion (RFC 7208 7), with the examples of RFC 7208 7.4 as test vectors.
@Suite struct SPFMacroStringTests {
  static let context = SPFMacroContext(
    ip: .v4([192, 0, 2, 3]), sender: "strong-bad@email.example.com",
    domain: "email.example.com", helo: "mx.example.org")

  /// RFC 7208 7.4: sender strong-bad@email.example.com, client 192.0.2.3.
  static let vectors: [(String, String)] = [
    ("%{s}", "strong-bad@email.example.com"),
    ("%{o}", "email.example.com"),
    ("%{d}", "email.example.com"),
    ("%{d4}", "email.example.com"),
    ("%{d3}", "email.example.com"),
    ("%{d2}", "example.com"),
    ("%{d1}", "com"),
    ("%{dr}", "com.example.email"),
    ("%{d2r}", "example.email"),
    ("%{l}", "strong-bad"),
    ("%{l-}", "strong.bad"),
    ("%{lr}", "strong-bad"),
    ("%{lr-}", "bad.strong"),
    ("%{l1r-}", "strong"),
    ("%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"),
    ("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
    ("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"),
    ("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com"),
    ("%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"),
    ("%{h}", "mx.example.org"),
    ("a%%b%_c%-d", "a%b c%20d"),
  ]

  @Test func theRFCExamplesExpand() throws {
    for (macro, expected) in Self.vectors {
      #expect(try SPFMacroString.parse(macro).expand(Self.context) == expected, "\(macro)")
    }
  }

  @Test func ipv6IsNibblesAndUpperCaseEscapes() throws {
    var context = Self.context
    context.ip = try #require(IPAddress("2001:db8::cb01"))
    #expect(
      try SPFMacroString.parse("%{ir}.%{v}._spf.%{d2}").expand(context)
        == "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com")
    context.sender = "a b@example.org"
    #expect(try SPFMacroString.parse("%{L}").expand(context, domainName: false) == "a%20b")
  }

  @Test func aLongNameLosesLabelsFromTheLeft() throws {
    var context = Self.context
    context.sender = String(repeating: "abcdefghi.", count: 30) + "x@example.org"
    let expanded = try SPFMacroString.parse("%{l}.example.org").expand(context)
    #expect(expanded.utf8.count <= 253)
    #expect(expanded.hasSuffix("x.example.org"))
  }
}
