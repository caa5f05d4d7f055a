import Testing

@testable import SMTPProbeCore

/// `IPAddress`: the one parser and formatter of IP addresses.
@Suite struct IPAddressTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let text: String
    /// The canonical text, or nil when `text` is not an address.
    let canonical: String?
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    Case(text: "192.0.2.1", canonical: "192.0.2.1"),
    Case(text: "0.0.0.0", canonical: "0.0.0.0"),
    Case(text: "255.255.255.255", canonical: "255.255.255.255"),
    Case(text: "010.0.0.1", canonical: nil),
    Case(text: "0177.0.0.1", canonical: nil),
    Case(text: "127.1", canonical: nil),
    Case(text: "2130706433", canonical: nil),
    Case(text: "0x7f.0.0.1", canonical: nil),
    Case(text: "256.0.0.1", canonical: nil),
    Case(text: "1.2.3.4.5", canonical: nil),
    Case(text: "1.2.3.", canonical: nil),
    Case(text: "١.٢.٣.٤", canonical: nil),
    Case(text: "::1", canonical: "::1"),
    Case(text: "::", canonical: "::"),
    Case(text: "2001:DB8:0:0:0:0:0:1", canonical: "2001:db8::1"),
    Case(text: "2001:db8:0:0:1:0:0:1", canonical: "2001:db8::1:0:0:1"),
    Case(text: "2001:0db8:0000:0001:0000:0000:0000:0001", canonical: "2001:db8:0:1::1"),
    Case(text: "1:2:3:4:5:6:7::", canonical: "1:2:3:4:5:6:7:0"),
    Case(text: "::ffff:192.0.2.1", canonical: "::ffff:192.0.2.1"),
    Case(text: "64:ff9b::192.0.2.1", canonical: "64:ff9b::c000:201"),
    Case(text: "1:2:3:4:5:6:7:8:9", canonical: nil),
    Case(text: "1::2::3", canonical: nil),
    Case(text: "12345::1", canonical: nil),
    Case(text: "::1%eth0", canonical: nil),
    Case(text: "[::1]", canonical: nil),
    Case(text: "::ffff:010.0.0.1", canonical: nil),
    Case(text: "mx.example.org", canonical: nil),
    Case(text: "", canonical: nil),
  ]

  @Test(arguments: cases)
  func parsesAndFormats(_ c: Case) {
    #expect(IPAddress(c.text)?.description == c.canonical)
  }

  @Test func bracketsAndBytes() throws {
    let v6 = try #require(IPAddress(unbracketing: "[2001:db8::1]"))
    #expect(v6.isIPv6 && v6.bytes.count == 16 && v6.bytes.last == 1)
    #expect(IPAddress(bytes: [192, 0, 2, 1]) == IPAddress("192.0.2.1"))
    #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    // The text written parses back to the same address.
    for c in Self.cases {
      guard let address = IPAddress(c.text) else { continue }
      #expect(IPAddress(address.description) == address)
    }
  }
}
