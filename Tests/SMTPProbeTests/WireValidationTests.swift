import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct WireValidationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var value: String
    var message: String?
    var testDescription: String { id }
  }

  static let ehloNames: [Case] = [
    Case(id: "host name", value: "probe.example.org", message: nil),
    Case(id: "single label", value: "localhost", message: nil),
    Case(id: "IPv4 literal", value: "[127.0.0.1]", message: nil),
    Case(id: "IPv6 literal", value: "[IPv6:::1]", message: nil),
    Case(
      id: "CRLF", value: "x\r\nMAIL FROM:<a@b>",
      message: "EHLO name (--helo) \"x\\r\\nMAIL FROM:<a@b>\" contains the control character CR; "
        + "RFC 5321 allows none in a command (2.3.8, 4.1.2)"),
    Case(
      id: "NUL", value: "x\0y",
      message: "EHLO name (--helo) \"x\\0y\" contains the control character NUL; RFC 5321 "
        + "allows none in a command (2.3.8, 4.1.2)"),
    Case(
      id: "space", value: "my host",
      message: "EHLO name (--helo) \"my host\" is not a valid domain or address literal: \" \" "
        + "is not allowed in a domain name (RFC 5321 4.1.2, 4.1.3)"),
    Case(
      id: "trailing dot", value: "host.",
      message: "EHLO name (--helo) \"host.\" is not a valid domain or address literal: empty "
        + "label (a dot at either end or two dots in a row) (RFC 5321 4.1.2, 4.1.3)"),
    Case(
      id: "hyphen at start", value: "-host",
      message: "EHLO name (--helo) \"-host\" is not a valid domain or address literal: label "
        + "\"-host\" starts or ends with a hyphen (RFC 5321 4.1.2, 4.1.3)"),
    Case(
      id: "label of 64", value: String(repeating: "l", count: 64) + ".org",
      message: "EHLO name (--helo) \"\(String(repeating: "l", count: 64)).org\" is not a valid "
        + "domain or address literal: label \"\(String(repeating: "l", count: 64))\" is over 63 "
        + "octets (RFC 5321 4.1.2, 4.1.3)"),
    Case(
      id: "non-ASCII", value: "例え.jp",
      message: "EHLO name (--helo) \"例え.jp\" is not a valid domain or address literal: "
        + "non-ASCII characters; use the A-label (xn--) form (RFC 5321 4.1.2, 4.1.3)"),
    Case(
      id: "empty", value: "", message: "EHLO name (--helo) is empty"),
    Case(
      id: "unclosed literal", value: "[127.0.0.1",
      message: "EHLO name (--helo) \"[127.0.0.1\" is not a valid domain or address literal: an "
        + "address literal must end with \"]\" (RFC 5321 4.1.2, 4.1.3)"),
  ]

  @Test(arguments: ehloNames)
  func validatesEHLOName(_ c: Case) {
    do {
      try WireValidation.validateEHLOName(c.value)
      #expect(c.message == nil)
    } catch {
      #expect(error.description == c.message)
    }
  }

  @Test func domainOf256OctetsIsTooLong() {
    let label = String(repeating: "d", count: 63)
    let domain = [label, label, label, label].joined(separator: ".") + "x"
    #expect(throws: InputError.domainTooLong(.ehloName, value: domain, octets: 256)) {
      try WireValidation.validateEHLOName(domain)
    }
  }

  static let ipv6: [(String, Bool)] = [
    ("2001:db8::1", true), ("::1", true), ("::", true), ("1:2:3:4:5:6:7:8", true),
    ("1:2:3:4:5:6:7", false), ("1::2::3", false), ("12345::1", false), ("::ffff:1.2.3.4", true),
    ("1:2:3:4:5:6:1.2.3.4", true), ("1:2:3:4:5:6:7:1.2.3.4", false), ("g::1", false),
    ("1:2:3:4:5:6:7::", false),
  ]

  @Test func recognizesIPv6Forms() {
    for (text, valid) in Self.ipv6 {
      #expect(WireValidation.isIPv6(text) == valid, "\(text)")
    }
  }

  @Test func validatesParameters() throws {
    try WireValidation.validateParameter("SIZE=1000")
    try WireValidation.validateParameter("SMTPUTF8")
    #expect(throws: InputError.self) { try WireValidation.validateParameter("SIZE=1 000") }
    #expect(throws: InputError.self) { try WireValidation.validateParameter("=x") }
    #expect(throws: InputError.self) { try WireValidation.validateParameter("A=\r\n") }
  }

  @Test func planValidationChecksEverythingBeforeConnecting() throws {
    let to = try Address("b@y.org")
    #expect(throws: InputError.self) {
      try DialoguePlan(ehloName: "bad name", recipients: [to]).validate()
    }
    #expect(throws: InputError.self) {
      try DialoguePlan(ehloName: "ok.test", message: .data(Array("x".utf8))).validate()
    }
    #expect(throws: InputError.self) {
      try DialoguePlan(ehloName: "ok.test", recipients: [to], quitAfter: .data).validate()
    }
    try DialoguePlan(ehloName: "ok.test", recipients: [to]).validate()
  }
}
