import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct CommandTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var command: Command
    var wire: String
    var transcript: String
    var kind: CommandKind
    var testDescription: String { id }
  }
  static let bob = Address(valid: "bob@example.org")

  static let cases: [Case] = [
    Case(
      id: "EHLO", command: .ehlo("probe.test"), wire: "EHLO probe.test\r\n",
      transcript: "EHLO probe.test", kind: .ehlo),
    Case(
      id: "HELO", command: .helo("probe.test"), wire: "HELO probe.test\r\n",
      transcript: "HELO probe.test", kind: .helo),
    Case(
      id: "MAIL null sender", command: .mail(from: nil, parameters: []),
      wire: "MAIL FROM:<>\r\n", transcript: "MAIL FROM:<>", kind: .mail),
    Case(
      id: "MAIL with parameters",
      command: .mail(from: bob, parameters: ["SIZE=1234", "SMTPUTF8"]),
      wire: "MAIL FROM:<bob@example.org> SIZE=1234 SMTPUTF8\r\n",
      transcript: "MAIL FROM:<bob@example.org> SIZE=1234 SMTPUTF8", kind: .mail),
    Case(
      id: "RCPT", command: .rcpt(to: bob, parameters: []),
      wire: "RCPT TO:<bob@example.org>\r\n", transcript: "RCPT TO:<bob@example.org>", kind: .rcpt),
    Case(id: "DATA", command: .data, wire: "DATA\r\n", transcript: "DATA", kind: .data),
    Case(
      id: "content", command: .content(MessageBody(message: Array("Hi\n.dot\n".utf8))),
      wire: "Hi\r\n..dot\r\n.\r\n", transcript: "<message: 10 bytes, 2 lines>", kind: .endOfData),
    Case(id: "RSET", command: .rset, wire: "RSET\r\n", transcript: "RSET", kind: .rset),
    Case(id: "NOOP", command: .noop, wire: "NOOP\r\n", transcript: "NOOP", kind: .noop),
    Case(id: "QUIT", command: .quit, wire: "QUIT\r\n", transcript: "QUIT", kind: .quit),
    Case(
      id: "STARTTLS", command: .startTLS, wire: "STARTTLS\r\n", transcript: "STARTTLS",
      kind: .startTLS),
    Case(
      id: "AUTH with initial response",
      command: .auth(mechanism: "PLAIN", initialResponse: Secret("AGJvYgBzM2NyZXQ=")),
      wire: "AUTH PLAIN AGJvYgBzM2NyZXQ=\r\n", transcript: "AUTH PLAIN <redacted>", kind: .auth),
    Case(
      id: "AUTH empty initial response",
      command: .auth(mechanism: "PLAIN", initialResponse: Secret("")),
      wire: "AUTH PLAIN =\r\n", transcript: "AUTH PLAIN <redacted>", kind: .auth),
    Case(
      id: "AUTH without initial response", command: .auth(mechanism: "LOGIN", initialResponse: nil),
      wire: "AUTH LOGIN\r\n", transcript: "AUTH LOGIN", kind: .auth),
    Case(
      id: "AUTH continuation", command: .authContinuation(Secret("czNjcmV0")),
      wire: "czNjcmV0\r\n", transcript: "<redacted>", kind: .auth),
    Case(
      id: "AUTH cancel", command: .authCancel, wire: "*\r\n", transcript: "*", kind: .auth),
    Case(
      id: "VRFY", command: .vrfy("bob"), wire: "VRFY bob\r\n", transcript: "VRFY bob",
      kind: .vrfy),
    Case(id: "HELP", command: .help(nil), wire: "HELP\r\n", transcript: "HELP", kind: .help),
    Case(
      id: "HELP topic", command: .help("MAIL"), wire: "HELP MAIL\r\n", transcript: "HELP MAIL",
      kind: .help),
  ]

  @Test(arguments: cases)
  func rendersWireAndTranscript(_ c: Case) {
    #expect(String(decoding: c.command.wireBytes(), as: UTF8.self) == c.wire)
    #expect(c.command.transcriptLine == c.transcript)
    #expect(c.command.kind == c.kind)
  }

  @Test func secretNeverPrints() {
    let secret = Secret("hunter2")
    #expect("\(secret)" == "<redacted>")
    #expect(String(reflecting: secret) == "<redacted>")
    var dumped = ""
    dump(secret, to: &dumped)
    #expect(!dumped.contains("hunter2"))
    let command = Command.authContinuation(secret)
    #expect(!"\(command)".contains("hunter2"))
    #expect(!String(reflecting: command).contains("hunter2"))
    #expect(secret.revealedString == "hunter2")
  }
}
