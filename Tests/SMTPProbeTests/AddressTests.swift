import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct AddressTests {
  struct ValidCase: Sendable, CustomTestStringConvertible {
    var id: String
    var input: String
    var local: String
    var domain: String
    var needsUTF8 = false
    var testDescription: String { id }
  }

  static let valid: [ValidCase] = [
    ValidCase(id: "plain", input: "bob@example.org", local: "bob", domain: "example.org"),
    ValidCase(
      id: "angle brackets", input: "<bob@example.org>", local: "bob", domain: "example.org"),
    ValidCase(id: "dots and plus", input: "a.b+tag@x.org", local: "a.b+tag", domain: "x.org"),
    ValidCase(
      id: "quoted local part with space and @", input: "\"a b@c\"@x.org", local: "\"a b@c\"",
      domain: "x.org"),
    ValidCase(id: "quoted pair", input: "\"a\\\"b\"@x.org", local: "\"a\\\"b\"", domain: "x.org"),
    ValidCase(
      id: "IPv4 literal", input: "postmaster@[192.0.2.1]", local: "postmaster",
      domain: "[192.0.2.1]"),
    ValidCase(
      id: "IPv6 literal", input: "postmaster@[IPv6:2001:db8::1]", local: "postmaster",
      domain: "[IPv6:2001:db8::1]"),
    ValidCase(
      id: "IPv6 with IPv4 tail", input: "p@[IPv6:::ffff:192.0.2.1]", local: "p",
      domain: "[IPv6:::ffff:192.0.2.1]"),
    ValidCase(
      id: "UTF-8 local part", input: "δοκιμή@example.org", local: "δοκιμή", domain: "example.org",
      needsUTF8: true),
    ValidCase(
      id: "UTF-8 domain", input: "info@例え.jp", local: "info", domain: "例え.jp", needsUTF8: true),
    ValidCase(
      id: "64-octet local part", input: String(repeating: "a", count: 64) + "@x.org",
      local: String(repeating: "a", count: 64), domain: "x.org"),
  ]

  @Test(arguments: valid)
  func parsesValidAddress(_ c: ValidCase) throws {
    let address = try Address(c.input)
    #expect(address.localPart == c.local)
    #expect(address.domain == c.domain)
    #expect(address.needsSMTPUTF8 == c.needsUTF8)
    #expect(address.path == "<\(c.local)@\(c.domain)>")
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var id: String
    var input: String
    var field: InputField = .recipient
    var message: String
    var testDescription: String { id }
  }

  static let label63 = String(repeating: "d", count: 63)
  /// 4 labels of 63 + 3 dots = 255 octets; one more label makes it too long.
  static let domain255 = [label63, label63, label63, label63].joined(separator: ".")

  static let local64 = String(repeating: "a", count: 64)
  /// 63 + 1 + 63 + 1 + 62 = 190 octets: with a 64-octet local part the path is 257 octets.
  static let domain190 = label63 + "." + label63 + "." + String(repeating: "d", count: 62)

  static let errors: [ErrorCase] = [
    ErrorCase(
      id: "CRLF injection", input: "bob@x.org\r\nRCPT TO:<evil@y.org>",
      message: "recipient address (--to) \"bob@x.org\\r\\nRCPT TO:<evil@y.org>\" contains the "
        + "control character CR; RFC 5321 allows none in a command (2.3.8, 4.1.2)"),
    ErrorCase(
      id: "bare LF", input: "bob@x.org\nDATA",
      message: "recipient address (--to) \"bob@x.org\\nDATA\" contains the control character "
        + "LF; RFC 5321 allows none in a command (2.3.8, 4.1.2)"),
    ErrorCase(
      id: "NUL", input: "bob\0@x.org", field: .sender,
      message: "sender address (--from) \"bob\\0@x.org\" contains the control character NUL; "
        + "RFC 5321 allows none in a command (2.3.8, 4.1.2)"),
    ErrorCase(
      id: "other control character", input: "bob\u{07}@x.org",
      message: "recipient address (--to) \"bob\\u{7}@x.org\" contains the control character "
        + "U+0007; RFC 5321 allows none in a command (2.3.8, 4.1.2)"),
    ErrorCase(
      id: "local part 65 octets", input: String(repeating: "a", count: 65) + "@x.org",
      message: "recipient address (--to) \"\(String(repeating: "a", count: 65))@x.org\": local "
        + "part is 65 octets, over the 64-octet limit (RFC 5321 4.5.3.1.1)"),
    ErrorCase(
      id: "domain 256 octets", input: "a@" + domain255 + "x",
      message: "recipient address (--to) \"a@\(domain255)x\": domain is 256 octets, over the "
        + "255-octet limit (RFC 5321 4.5.3.1.2)"),
    ErrorCase(
      id: "path 257 octets", input: local64 + "@" + domain190,
      message: "recipient address (--to) \"\(local64)@\(domain190)\": path <...> is 257 "
        + "octets, over the 256-octet limit (RFC 5321 4.5.3.1.3)"),
    ErrorCase(
      id: "no at sign", input: "bob",
      message: "recipient address (--to) \"bob\" is not a valid address: no \"@\" between "
        + "local part and domain (RFC 5321 4.1.2)"),
    ErrorCase(
      id: "double dot", input: "a..b@x.org",
      message: "recipient address (--to) \"a..b@x.org\" is not a valid address: the local part "
        + "starts or ends with a dot or has two dots in a row; quote it (RFC 5321 4.1.2)"),
    ErrorCase(
      id: "space needs quoting", input: "a b@x.org",
      message: "recipient address (--to) \"a b@x.org\" is not a valid address: \" \" in the "
        + "local part needs quoting (RFC 5321 4.1.2)"),
    ErrorCase(
      id: "bad domain", input: "a@x_y.org",
      message: "recipient address (--to) \"a@x_y.org\" is not a valid address: domain: \"_\" is "
        + "not allowed in a domain name (RFC 5321 4.1.2)"),
    ErrorCase(
      id: "bad IPv4 literal", input: "a@[300.1.1.1]",
      message: "recipient address (--to) \"a@[300.1.1.1]\" is not a valid address: domain: not "
        + "an IPv4 address (RFC 5321 4.1.2)"),
    ErrorCase(
      id: "null recipient", input: "<>",
      message: "recipient address (--to) \"<>\": the null path is only allowed as the sender "
        + "(RFC 5321 4.1.1.3)"),
    ErrorCase(id: "empty", input: "", message: "recipient address (--to) is empty"),
    // A header's name-addr (RFC 5322 3.4), as pasted from a mail client.
    ErrorCase(
      id: "display name", input: "Alice Example <alice@x.org>",
      message: "recipient address (--to) \"Alice Example <alice@x.org>\" is not a valid "
        + "address: a display name does not belong in the envelope; give the address alone: "
        + "alice@x.org (RFC 5321 4.1.2)"),
  ]

  @Test(arguments: errors)
  func rejectsInvalidAddress(_ c: ErrorCase) {
    #expect(throws: InputError.self) { try Address(c.input, field: c.field) }
    do {
      _ = try Address(c.input, field: c.field)
    } catch {
      #expect(error.description == c.message)
    }
  }

  @Test func nullSenderIsAllowedForMailOnly() throws {
    #expect(try Address.reversePath("<>") == nil)
    #expect(try Address.reversePath("") == nil)
    #expect(try Address.reversePath("a@x.org")?.mailbox == "a@x.org")
    #expect(throws: InputError.nullRecipient) { try Address("<>") }
  }
}
