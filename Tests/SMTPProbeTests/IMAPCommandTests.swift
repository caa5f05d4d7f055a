import Testing

@testable import SMTPProbeCore

/// IMAP commands on the wire and in the transcript: quoted strings, literals with and without
/// LITERAL+, and credentials never in the transcript.
@Suite struct IMAPCommandTests {
  static func wire(_ command: IMAPCommand) -> [String] {
    command.pieces.map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func printableStringsAreQuotedWithEscapes() {
    let command = IMAPCommand(
      tag: "a1", "LOGIN", [.string("al\"ice"), .secret(Secret("p\\w"))], literalPlus: false)
    #expect(Self.wire(command) == ["a1 LOGIN \"al\\\"ice\" \"p\\\\w\"\r\n"])
    #expect(command.transcript == "LOGIN \"al\\\"ice\" <redacted>")
  }

  @Test func aNonASCIIPasswordIsASynchronisingLiteral() {
    let command = IMAPCommand(
      tag: "a2", "LOGIN", [.string("alice"), .secret(Secret("pässwörd"))], literalPlus: false)
    let octets = "pässwörd".utf8.count
    #expect(Self.wire(command) == ["a2 LOGIN \"alice\" {\(octets)}\r\n", "pässwörd\r\n"])
    #expect(!command.transcript.contains("pä"))
  }

  @Test func withLiteralPlusTheCommandGoesInOneWrite() {
    let command = IMAPCommand(
      tag: "a3", "LOGIN", [.string("alice"), .secret(Secret("line\r\nbreak"))], literalPlus: true)
    #expect(Self.wire(command) == ["a3 LOGIN \"alice\" {11+}\r\nline\r\nbreak\r\n"])
    #expect(command.transcript == "LOGIN \"alice\" <redacted>")
  }
}
