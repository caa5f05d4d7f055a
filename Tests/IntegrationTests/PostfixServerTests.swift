import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// The transport and the reply parser against a real MTA: the loopback Postfix that
/// `Scripts/servers/postfix.sh` configures (mx.probe.test, mailboxes alice@ and bob@probe.test).
@Suite(
  .enabled(if: TestServers.postfixEnabled, "Postfix is not running (Scripts/test-servers start)"))
struct PostfixServerTests {
  @Test func greetingEHLOAndQuit() throws {
    let client = try SMTPTestClient(port: try TestServers.postfixPort())
    let greeting = try client.readReply()
    #expect(greeting == Reply(220, "mx.probe.test ESMTP smtpprobe-test"))

    let ehlo = try client.command("EHLO client.probe.test")
    #expect(ehlo.code == 250)
    #expect(ehlo.violations.isEmpty)
    #expect(ehlo.texts.first == "mx.probe.test")
    for keyword in ["PIPELINING", "SIZE 10485760", "ENHANCEDSTATUSCODES", "8BITMIME"] {
      #expect(ehlo.texts.contains(keyword), "EHLO lacks \(keyword)")
    }

    let quit = try client.command("QUIT")
    #expect(quit.code == 221)
    #expect(quit.enhanced == EnhancedStatusCode("2.0.0"))
    #expect(try client.transport.receive(deadline: .after(seconds: 10)) == [])
  }

  @Test func unknownUserAndRelayAreRejectedAtRCPT() throws {
    let client = try SMTPTestClient(port: try TestServers.postfixPort())
    _ = try client.readReply()
    _ = try client.command("EHLO client.probe.test")
    #expect(try client.command("MAIL FROM:<tester@example.org>").code == 250)

    let unknown = try client.command("RCPT TO:<nobody@probe.test>")
    #expect(unknown.code == 550)
    #expect(unknown.enhanced == EnhancedStatusCode("5.1.1"))
    #expect(unknown.text.contains("User unknown in virtual mailbox table"))

    let relay = try client.command("RCPT TO:<someone@example.com>")
    #expect(relay.code == 554)
    #expect(relay.enhanced == EnhancedStatusCode("5.7.1"))
    #expect(relay.text.contains("Relay access denied"))

    #expect(try client.command("RCPT TO:<bob@probe.test>").code == 250)
    #expect(try client.command("QUIT").code == 221)
  }

  @Test func aMessageToAliceIsDeliveredToHerMaildir() throws {
    let marker = "smtpprobe-test-\(UUID().uuidString)"
    let client = try SMTPTestClient(port: try TestServers.postfixPort())
    _ = try client.readReply()
    _ = try client.command("EHLO client.probe.test")
    #expect(try client.command("MAIL FROM:<tester@example.org>").code == 250)
    #expect(try client.command("RCPT TO:<alice@probe.test>").code == 250)
    #expect(try client.command("DATA").code == 354)
    let queued = try client.command("Subject: \(marker)\r\n\r\nhello\r\n.")
    #expect(queued.code == 250)
    #expect(queued.text.contains("queued as"))
    #expect(try client.command("QUIT").code == 221)

    // Delivery is asynchronous: poll the Maildir until the message shows up.
    let newDirectory = try TestServers.postfixMaildir().appendingPathComponent("alice/new")
    var delivered = false
    for _ in 0..<100 where !delivered {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: newDirectory.path)) ?? []
      delivered = files.contains { name in
        let text = try? String(
          contentsOf: newDirectory.appendingPathComponent(name), encoding: .utf8)
        return text?.contains(marker) == true
      }
      if !delivered { Thread.sleep(forTimeInterval: 0.1) }
    }
    #expect(delivered, "no message with \(marker) in \(newDirectory.path)")
  }

  @Test func theRejectListenerRefusesAtConnect() throws {
    let client = try SMTPTestClient(port: try TestServers.postfixRejectPort())
    let greeting = try client.readReply()
    #expect(greeting.code == 554)
    #expect(greeting.enhanced == EnhancedStatusCode("5.7.1"))
    #expect(try client.command("QUIT").code == 221)
  }
}
