import Testing

@testable import SMTPProbeCore

@Suite struct VerifyAddressTests {
  struct ValidCase: Sendable, CustomTestStringConvertible {
    var id: String
    var input: String
    var local: String
    var wireDomain: String
    var needsSMTPUTF8 = false
    var testDescription: String { id }
  }

  static let valid: [ValidCase] = [
    ValidCase(id: "plain", input: "bob@example.org", local: "bob", wireDomain: "example.org"),
    ValidCase(
      id: "angle brackets", input: "<bob@example.org>", local: "bob", wireDomain: "example.org"),
    ValidCase(
      id: "domain lower-cased, local part kept", input: "Bob.Smith@Example.ORG",
      local: "Bob.Smith", wireDomain: "example.org"),
    ValidCase(
      id: "atext specials", input: "a!#$%&'*+-/=?^_`{|}~z@x.org", local: "a!#$%&'*+-/=?^_`{|}~z",
      wireDomain: "x.org"),
    ValidCase(
      id: "quoted with space and @", input: "\"a b@c\"@x.org", local: "\"a b@c\"",
      wireDomain: "x.org"),
    ValidCase(
      id: "quoted pair", input: "\"a\\\"b\\\\c\"@x.org", local: "\"a\\\"b\\\\c\"",
      wireDomain: "x.org"),
    ValidCase(
      id: "quoted leading dot", input: "\".bob\"@x.org", local: "\".bob\"", wireDomain: "x.org"),
    ValidCase(
      id: "IPv4 literal", input: "postmaster@[192.0.2.1]", local: "postmaster",
      wireDomain: "[192.0.2.1]"),
    ValidCase(
      id: "IPv4 literal with Snum leading zero is decimal", input: "p@[192.0.2.010]",
      local: "p", wireDomain: "[192.0.2.10]"),
    ValidCase(
      id: "IPv6 literal", input: "postmaster@[IPv6:2001:db8::1]", local: "postmaster",
      wireDomain: "[IPv6:2001:db8::1]"),
    ValidCase(
      id: "IPv6 tag is case-insensitive, full form", input: "p@[ipv6:2001:DB8:0:0:0:0:0:1]",
      local: "p", wireDomain: "[IPv6:2001:db8::1]"),
    ValidCase(
      id: "IPv6v4-comp literal", input: "p@[IPv6:::ffff:192.0.2.1]", local: "p",
      wireDomain: "[IPv6:::ffff:192.0.2.1]"),
    ValidCase(
      id: "UTF-8 local part needs SMTPUTF8", input: "δοκιμή@example.org", local: "δοκιμή",
      wireDomain: "example.org", needsSMTPUTF8: true),
    ValidCase(
      id: "IDN domain to A-label", input: "info@bücher.example", local: "info",
      wireDomain: "xn--bcher-kva.example"),
    ValidCase(
      id: "IDN upper case lowered first", input: "info@BÜCHER.example", local: "info",
      wireDomain: "xn--bcher-kva.example"),
    ValidCase(
      id: "Japanese domain, ideographic full stop", input: "info@例え。jp", local: "info",
      wireDomain: "xn--r8jz45g.jp"),
    ValidCase(
      id: "A-label given as is", input: "info@xn--bcher-kva.example", local: "info",
      wireDomain: "xn--bcher-kva.example"),
    ValidCase(
      id: "sharp s is PVALID (RFC 5892 2.6)", input: "a@straße.example", local: "a",
      wireDomain: "xn--strae-oqa.example"),
    ValidCase(
      id: "single-label domain", input: "root@localhost", local: "root",
      wireDomain: "localhost"),
    ValidCase(
      id: "64-octet local part", input: String(repeating: "a", count: 64) + "@x.org",
      local: String(repeating: "a", count: 64), wireDomain: "x.org"),
    ValidCase(
      id: "63-octet label", input: "a@" + String(repeating: "b", count: 63) + ".org", local: "a",
      wireDomain: String(repeating: "b", count: 63) + ".org"),
  ]

  @Test(arguments: valid)
  func parsesValid(_ c: ValidCase) throws {
    let address = try VerifyAddress.parse(c.input)
    #expect(address.localPart == c.local)
    #expect(address.wireDomain == c.wireDomain)
    #expect(address.needsSMTPUTF8 == c.needsSMTPUTF8)
    // The wire layer accepts every address verify accepts.
    #expect(try address.address().mailbox == address.mailbox)
  }

  struct InvalidCase: Sendable, CustomTestStringConvertible {
    var id: String
    var input: String
    var message: String
    var testDescription: String { id }
  }

  static let invalid: [InvalidCase] = [
    InvalidCase(
      id: "empty", input: "", message: "position 0: the address is empty (RFC 5321 4.1.2 Mailbox)"),
    InvalidCase(
      id: "null path", input: "<>",
      message: "position 1: the address is empty (RFC 5321 4.1.2 Mailbox)"),
    InvalidCase(
      id: "no @", input: "bob.example.org",
      message: "position 15: no \"@\" after the local part (RFC 5321 4.1.2 Mailbox)"),
    InvalidCase(
      id: "trailing dot in local part", input: "bob.smi.@x.org",
      message: "position 7: a dot may not end the local part (RFC 5321 4.1.2 Dot-string)"),
    InvalidCase(
      id: "leading dot", input: ".bob@x.org",
      message: "position 0: a dot may not start the local part (RFC 5321 4.1.2 Dot-string)"),
    InvalidCase(
      id: "two dots", input: "bob..smith@x.org",
      message: "position 4: two dots in a row in the local part (RFC 5321 4.1.2 Dot-string)"),
    InvalidCase(
      id: "empty local part", input: "@x.org",
      message: "position 0: the local part before \"@\" is empty (RFC 5321 4.1.2 Local-part)"),
    InvalidCase(
      id: "space needs quoting", input: "bob smith@x.org",
      message:
        "position 3: \" \" is not allowed in an unquoted local part; quote the local part (RFC 5321 4.1.2 Atom, Quoted-string)"
    ),
    InvalidCase(
      id: "two @", input: "a@b@x.org",
      message:
        "position 3: \"@\" is not allowed in a domain name: letters, digits and \"-\" only (RFC 5321 4.1.2 Let-dig, Ldh-str)"
    ),
    InvalidCase(
      id: "unterminated quote", input: "\"bob@x.org",
      message:
        "position 0: the quoted local part has no closing quote (RFC 5321 4.1.2 Quoted-string)"),
    InvalidCase(
      id: "text after quote", input: "\"bob\"x@x.org",
      message: "position 5: only \"@\" may follow the closing quote (RFC 5321 4.1.2 Mailbox)"),
    InvalidCase(
      id: "backslash escapes non-ASCII", input: "\"a\\é\"@x.org",
      message:
        "position 2: a backslash must escape a printable ASCII character (RFC 5321 4.1.2 quoted-pairSMTP)"
    ),
    InvalidCase(
      id: "control character", input: "bob@x.org\r\nRSET",
      message:
        "position 9: the control character U+000D \"\\r\" is not allowed anywhere in an address (RFC 5321 4.1.2)"
    ),
    InvalidCase(
      id: "empty domain", input: "bob@",
      message: "position 4: the domain after \"@\" is empty (RFC 5321 4.1.2 Domain)"),
    InvalidCase(
      id: "trailing domain dot", input: "bob@x.org.",
      message: "position 10: a dot may not end the domain in an address (RFC 5321 4.1.2 Domain)"),
    InvalidCase(
      id: "two dots in domain", input: "bob@x..org",
      message:
        "position 6: a domain label is empty: a leading dot or two dots in a row (RFC 5321 4.1.2 Domain)"
    ),
    InvalidCase(
      id: "label starts with hyphen", input: "bob@-x.org",
      message: "position 4: a domain label may not start with \"-\" (RFC 5321 4.1.2 sub-domain)"),
    InvalidCase(
      id: "label ends with hyphen", input: "bob@x-.org",
      message: "position 5: a domain label may not end with \"-\" (RFC 5321 4.1.2 Ldh-str)"),
    InvalidCase(
      id: "underscore in domain", input: "bob@my_host.org",
      message:
        "position 6: \"_\" is not allowed in a domain name: letters, digits and \"-\" only (RFC 5321 4.1.2 Let-dig, Ldh-str)"
    ),
    InvalidCase(
      id: "64-octet label", input: "a@" + String(repeating: "b", count: 64) + ".org",
      message: "position 65: a domain label is 64 octets, over 63 (RFC 1035 2.3.4)"),
    InvalidCase(
      id: "bare IP address", input: "bob@192.0.2.1",
      message:
        "position 12: the last label is all digits; an IP address must be written in brackets, [192.0.2.1] (RFC 5321 4.1.3, RFC 1123 2.1)"
    ),
    InvalidCase(
      id: "bad IPv4 literal", input: "bob@[192.0.2.256]",
      message:
        "position 5: not an IPv4 address: four numbers 0-255 separated by dots (RFC 5321 4.1.3)"),
    InvalidCase(
      id: "IPv6 without tag", input: "bob@[2001:db8::1]",
      message:
        "position 5: the address literal tag \"2001\" is not registered; only \"IPv6:\" is (RFC 5321 4.1.3 General-address-literal)"
    ),
    InvalidCase(
      id: "IPv6 :: for one group (RFC 5321 IPv6-comp)", input: "b@[IPv6:1:2:3:4:5:6:7::]",
      message: "position 8: not an IPv6 address after \"IPv6:\" (RFC 5321 4.1.3 IPv6-addr)"),
    InvalidCase(
      id: "unterminated literal", input: "bob@[192.0.2.1",
      message: "position 14: the address literal has no closing \"]\" (RFC 5321 4.1.3)"),
    InvalidCase(
      id: "text after literal", input: "bob@[192.0.2.1]x",
      message:
        "position 15: nothing may follow the address literal's \"]\" (RFC 5321 4.1.2 Mailbox)"),
    InvalidCase(
      id: "unclosed angle bracket", input: "<bob@x.org",
      message: "position 10: \"<\" has no closing \">\" (RFC 5321 4.1.2 Path)"),
    InvalidCase(
      id: "65-octet local part", input: String(repeating: "a", count: 65) + "@x.org",
      message: "position 64: the local part is 65 octets, over 64 (RFC 5321 4.5.3.1.1)"),
    InvalidCase(
      id: "256-octet domain",
      input: "a@"
        + Array(repeating: String(repeating: "b", count: 63), count: 4).joined(
          separator: ".") + ".xyz",
      message: "position 2: the domain is 259 octets, over 255 (RFC 5321 4.5.3.1.2)"),
    InvalidCase(
      id: "path over 256",
      input: String(repeating: "a", count: 64) + "@"
        + Array(repeating: String(repeating: "b", count: 60), count: 3).joined(separator: ".")
        + ".example.org",
      message:
        "position 0: the path <local@domain> is 261 octets, over 256 (RFC 5321 4.5.3.1.3)"),
    InvalidCase(
      id: "IDN label starting with a combining mark", input: "a@\u{0301}x.example",
      message: "position 2: a label may not start with a combining mark (RFC 5891 4.2.3.2)"),
    InvalidCase(
      id: "IDN symbol is DISALLOWED", input: "a@i♥.example",
      message: "position 3: U+2665 \"♥\" is not allowed in a domain name (RFC 5892 2)"),
    InvalidCase(
      id: "U-label with -- in positions 3 and 4", input: "a@ab--ü.example",
      message:
        "position 4: a label other than an A-label may not hold \"--\" in positions 3 and 4 (RFC 5891 4.2.3.1)"
    ),
    InvalidCase(
      id: "xn-- label that is not Punycode of a U-label", input: "a@xn--abc.example",
      message:
        "position 2: an xn-- label must be valid Punycode of a valid U-label (RFC 5891 5.4)"),
    InvalidCase(
      id: "ZWJ without a virama", input: "a@a\u{200D}b.example",
      message:
        "position 3: U+200D \"\u{200D}\" is allowed only in a context this label lacks (RFC 5892 appendix A)"
    ),
  ]

  @Test(arguments: invalid)
  func rejectsInvalid(_ c: InvalidCase) {
    do throws(MailboxSyntaxError) {
      _ = try VerifyAddress.parse(c.input)
      Issue.record("accepted \(c.input)")
    } catch {
      #expect(error.description == c.message)
    }
  }

  @Test func literalBytesAndDomainName() throws {
    let literal = try VerifyAddress.parse("p@[IPv6:2001:db8::1]")
    #expect(
      literal.domain == .ipv6([0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [1]))
    #expect(literal.domainName == nil)
    let idn = try VerifyAddress.parse("info@Bücher.example")
    #expect(idn.domain == .name(ascii: "xn--bcher-kva.example", unicode: "Bücher.example"))
  }
}

extension VerifyAddressTests {
  /// A parsed address for other tests' tables; an unparsable one is a test bug.
  static func must(_ text: String) -> VerifyAddress {
    (try? VerifyAddress.parse(text))
      ?? VerifyAddress(input: text, localPart: "", domain: .ipv4([0, 0, 0, 0]))
  }
}
