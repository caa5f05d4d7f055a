import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// scripted-smtpd (the test peer) driven through SocketTransport and ReplyParser.
@Suite struct ScriptedServerTests {
  @Test func replaysTheScriptAndLogsWhatTheClientSent() throws {
    let server = try ScriptedServer(
      script: """
        # a short EHLO dialogue
        send 220 scripted.test ESMTP
        expect EHLO
        send 250-scripted.test
        send 250 PIPELINING
        expect quit
        send 221 2.0.0 bye
        """)
    let client = try SMTPTestClient(port: server.port)
    #expect(try client.readReply() == Reply(220, "scripted.test ESMTP"))
    let ehlo = try client.command("EHLO probe.test")
    #expect(ehlo.code == 250)
    #expect(ehlo.lines == ["250-scripted.test", "250 PIPELINING"])
    let quit = try client.command("QUIT")
    #expect(quit.code == 221)
    #expect(quit.enhanced == EnhancedStatusCode("2.0.0"))
    #expect(try client.transport.receive(deadline: .after(seconds: 5)) == [])
    #expect(server.clientLines() == ["EHLO probe.test", "QUIT"])
  }

  @Test func aMismatchGets503AndTheScriptWaitsForTheExpectedCommand() throws {
    let server = try ScriptedServer(
      script: """
        send 220 ready
        expect MAIL FROM:
        send 250 2.1.0 ok
        """)
    let client = try SMTPTestClient(port: server.port)
    _ = try client.readReply()
    let wrong = try client.command("RCPT TO:<a@probe.test>")
    #expect(wrong.lines == ["503 5.5.1 scripted-smtpd: expected MAIL FROM:"])
    #expect(try client.command("mail from:<>").code == 250)
    #expect(server.log().contains("!: expected MAIL FROM:"))
  }

  @Test func pipelinedCommandsAreReadOneLineAtATime() throws {
    let server = try ScriptedServer(
      script: """
        send 220 ready
        expect MAIL
        send 250 2.1.0 ok
        expect RCPT
        send 550 5.1.1 no such user
        expect RCPT
        send 250 2.1.5 ok
        expect DATA
        send 354 go ahead
        expect-data
        send 250 2.0.0 queued as 4F2A1C
        """)
    let client = try SMTPTestClient(port: server.port)
    _ = try client.readReply()
    try client.send("MAIL FROM:<>\r\nRCPT TO:<x@probe.test>\r\nRCPT TO:<alice@probe.test>")
    #expect(
      try [client.readReply(), client.readReply(), client.readReply()].map(\.code)
        == [250, 550, 250])
    #expect(try client.command("DATA").code == 354)
    let queued = try client.command("Subject: hi\r\n\r\n..dot-stuffed\r\n.")
    #expect(queued.lines == ["250 2.0.0 queued as 4F2A1C"])
    #expect(server.clientLines().suffix(4) == ["Subject: hi", "", "..dot-stuffed", "."])
  }

  @Test func rawBytesAndEarlyClose() throws {
    let server = try ScriptedServer(
      script: """
        sendraw 220-first\\r\\n220 second\\n
        close
        """)
    let client = try SMTPTestClient(port: server.port)
    let reply = try client.readReply()
    #expect(reply.lines == ["220-first", "220 second"])
    #expect(reply.violations.isEmpty == false)  // the bare LF is recorded
    #expect(try client.transport.receive(deadline: .after(seconds: 5)) == [])
  }

  @Test func eachConnectionReplaysTheScriptFromTheStart() throws {
    let server = try ScriptedServer(
      script: "send 220 hello\nexpect QUIT\nsend 221 bye", connections: 2)
    for _ in 0..<2 {
      let client = try SMTPTestClient(port: server.port)
      #expect(try client.readReply().code == 220)
      #expect(try client.command("QUIT").code == 221)
    }
    #expect(server.clientLines() == ["QUIT", "QUIT"])
  }
}
