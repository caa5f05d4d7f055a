import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct DotStuffingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var input: String
    var wire: String
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "CRLF kept", input: "a\r\nb\r\n", wire: "a\r\nb\r\n.\r\n"),
    Case(id: "bare LF", input: "a\nb\n", wire: "a\r\nb\r\n.\r\n"),
    Case(id: "bare CR", input: "a\rb\r", wire: "a\r\nb\r\n.\r\n"),
    Case(id: "mixed endings", input: "a\r\nb\nc\rd", wire: "a\r\nb\r\nc\r\nd\r\n.\r\n"),
    Case(id: "final CRLF added", input: "no newline", wire: "no newline\r\n.\r\n"),
    Case(id: "leading dot doubled", input: ".hidden\n", wire: "..hidden\r\n.\r\n"),
    Case(id: "lone dot line", input: "a\n.\nb\n", wire: "a\r\n..\r\nb\r\n.\r\n"),
    Case(id: "two dots", input: "..\n", wire: "...\r\n.\r\n"),
    Case(id: "dot inside line untouched", input: "a.b\n", wire: "a.b\r\n.\r\n"),
    Case(id: "dot after bare CR", input: "a\r.b", wire: "a\r\n..b\r\n.\r\n"),
    Case(id: "CRLF dot CRLF in body", input: "x\r\n.\r\ny", wire: "x\r\n..\r\ny\r\n.\r\n"),
    Case(id: "empty message", input: "", wire: ".\r\n"),
  ]

  @Test(arguments: cases)
  func stuffs(_ c: Case) {
    let wire = DotStuffing.stuff(Array(c.input.utf8))
    #expect(String(decoding: wire, as: UTF8.self) == c.wire)
  }

  @Test(arguments: cases)
  func unstuffRestoresNormalizedMessage(_ c: Case) {
    let normalized = DotStuffing.normalizeLineEndings(Array(c.input.utf8))
    #expect(DotStuffing.unstuff(DotStuffing.stuff(Array(c.input.utf8))) == normalized)
  }

  @Test func messageBodyCountsSizeBeforeStuffing() {
    let body = MessageBody(message: Array(".a\nb\n".utf8))
    #expect(body.octets == 7)  // ".a\r\nb\r\n"
    #expect(body.lines == 2)
    #expect(!body.has8BitOctets)
    #expect(MessageBody(message: Array("caf\u{E9}\n".utf8)).has8BitOctets)
  }

  @Test func testMessageIsDeterministic() throws {
    let message = TestMessage(
      unixTime: 1_795_388_014, random: 0xBEEF, heloName: "probe.test",
      from: try Address("a@x.org"), to: [try Address("b@y.org"), try Address("c@y.org")])
    let text = String(decoding: message.bytes(), as: UTF8.self)
    #expect(message.dateHeader == "Sun, 22 Nov 2026 22:53:34 +0000")
    #expect(text.hasPrefix("Date: Sun, 22 Nov 2026 22:53:34 +0000\r\n"))
    #expect(text.contains("\r\nMessage-ID: <1795388014.beef@probe.test>\r\n"))
    #expect(text.contains("\r\nFrom: smtpprobe <a@x.org>\r\n"))
    #expect(text.contains("\r\nTo: b@y.org, c@y.org\r\n"))
    // The token of the Message-ID is in the Subject too, to find the message in a mailbox.
    #expect(text.contains("\r\nSubject: smtpprobe test message 1795388014.beef\r\n"))
    #expect(text.contains("\r\nMIME-Version: 1.0\r\n"))
    #expect(text.contains("\r\nContent-Type: text/plain"))
    #expect(text.contains("\r\n\r\nThis is a test message sent by smtpprobe"))
    #expect(!text.contains("\n.") && text.hasSuffix("\r\n"))
  }

  @Test func rfc5322DatesAcrossYears() {
    #expect(UnixTime(seconds: 0).rfc5322 == "Thu, 01 Jan 1970 00:00:00 +0000")
    #expect(UnixTime(seconds: 951_782_400).rfc5322 == "Tue, 29 Feb 2000 00:00:00 +0000")
    #expect(UnixTime(seconds: 1_700_000_000).rfc5322 == "Tue, 14 Nov 2023 22:13:20 +0000")
  }
}
