import Testing

@testable import SMTPProbeCore

/// The To header of `--send-test-message` with many recipients (RFC 5322 2.1.1, 2.2.3).
@Suite struct TestMessageHeaderTests {
  static func headerLines(recipients: Int) -> [String] {
    let to = (1...recipients).map { Address(valid: "recipient\($0)@some-long-domain.example") }
    let message = TestMessage(
      unixTime: 1_700_000_000, random: 1, heloName: "probe.test", from: nil, to: to)
    let text = String(decoding: message.bytes(), as: UTF8.self)
    let header = text.components(separatedBy: "\r\n\r\n")[0]
    return header.components(separatedBy: "\r\n")
  }

  @Test func aFewRecipientsAreFoldedUnder78Columns() {
    let lines = Self.headerLines(recipients: 5)
    #expect(lines.allSatisfy { $0.count <= 78 })
    let start = lines.firstIndex { $0.hasPrefix("To: ") } ?? 0
    // Continuation lines start with white space (RFC 5322 2.2.3).
    let continued = lines[(start + 1)...].prefix { $0.hasPrefix(" ") }
    let unfolded = ([lines[start]] + continued).joined()
    #expect(unfolded.components(separatedBy: "@some-long-domain.example").count == 6)
  }

  @Test func manyRecipientsAreUndisclosed() {
    // 45 recipients on one line passed 998 octets (RFC 5322 2.1.1).
    let lines = Self.headerLines(recipients: 45)
    #expect(lines.contains("To: undisclosed-recipients:;"))
    #expect(lines.allSatisfy { $0.count <= 78 })
  }
}
