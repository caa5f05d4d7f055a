import Foundation
import Testing

/// `smtpprobe probe --server` against the loopback Postfix (Scripts/servers/postfix.sh):
/// probe.test with alice@ and bob@, unknown users 550 5.1.1, relaying 554 5.7.1.
@Suite(
  .enabled(if: TestServers.postfixEnabled, "Postfix is not running (Scripts/test-servers start)"))
struct ProbeServerTests {
  static func server() throws -> String { "127.0.0.1:\(try TestServers.postfixPort())" }

  @Test func aValidRecipientIsAcceptedAndEveryReplyExplained() throws {
    let result = try ProbeRun.run(
      ["--server", try Self.server(), "--from", "tester@example.org", "--to", "alice@probe.test"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let text = result.stdout
    #expect(text.contains("<- 220 mx.probe.test ESMTP smtpprobe-test\n"))
    #expect(text.contains("ok: The server is ready"))
    #expect(text.contains("-> RCPT TO:<alice@probe.test>\n"))
    #expect(text.contains("<- 250 2.1.5 Ok\n"))
    #expect(text.contains("capabilities: PIPELINING, SIZE 10485760"))
    #expect(text.contains("timings: connect "))
    #expect(text.contains("verdict: ok"))
    #expect(text.hasSuffix("(exit 0)\n"))
    // Every reply line is followed by its diagnosis.
    let lines = text.split(separator: "\n").map(String.init)
    var finalLines = 0
    for (index, line) in lines.enumerated() {
      guard let arrow = line.range(of: "] <- ") else { continue }
      let reply = Array(line[arrow.upperBound...])
      guard reply.count == 3 || (reply.count > 3 && reply[3] == " ") else { continue }
      finalLines += 1
      #expect(index + 1 < lines.count && lines[index + 1].hasPrefix("             "), "\(line)")
    }
    #expect(finalLines == 6)  // greeting, EHLO, MAIL, RCPT, RSET, QUIT
  }

  @Test func theJSONHasDesignKeys() throws {
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--to", "alice@probe.test", "--json",
    ])
    #expect(result.status == 0)
    #expect(
      Array(ProbeRun.topLevelKeys(result.stdout).prefix(5))
        == ["target", "mx", "sessions", "verdict", "exit_code"])
    let json = try ProbeRun.json(result)
    let server = try Self.server()
    #expect(json["target"] as? String == server)
    #expect(json["exit_code"] as? Int == 0)
    #expect((json["mx"] as? [Any])?.isEmpty == true)
    let verdict = try #require(json["verdict"] as? [String: Any])
    #expect(verdict["status"] as? String == "ok")
    #expect(verdict["summary"] is String)
    let session = try #require(ProbeRun.sessions(json).first)
    for key in ["host", "address", "port", "tls", "capabilities", "steps", "transcript"] {
      #expect(session.keys.contains(key), "session lacks \(key)")
    }
    #expect(session["address"] as? String == "127.0.0.1")
    #expect(session["tls"] is NSNull)
    #expect((session["capabilities"] as? [String])?.contains("PIPELINING") == true)
    let step = try #require(ProbeRun.steps(json).first)
    for key in ["command", "reply", "diagnosis", "elapsed_ms"] {
      #expect(step.keys.contains(key), "step lacks \(key)")
    }
    let reply = try #require(step["reply"] as? [String: Any])
    #expect(reply["code"] as? Int == 220)
    let transcript = try #require(session["transcript"] as? [[String: Any]])
    #expect(transcript.first?["dir"] as? String == "recv")
    #expect(transcript.first?["t_ms"] is Int)
    #expect(transcript.contains { $0["line"] as? String == "RCPT TO:<alice@probe.test>" })
    let timings = try #require(session["timings"] as? [String: Any])
    #expect(timings["connect_ms"] is Int && timings["greeting_ms"] is Int)
    #expect(ProbeRun.categories(json).allSatisfy { $0 == "ok" })
  }

  @Test func anUnknownRecipientIsAPermanentFailure() throws {
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--to", "nobody@probe.test", "--json",
    ])
    #expect(result.status == 1)
    let json = try ProbeRun.json(result)
    #expect(ProbeRun.categories(json).contains("mailbox-unknown"))
    let verdict = json["verdict"] as? [String: Any]
    #expect(verdict?["status"] as? String == "permanent-failure")
    #expect(json["exit_code"] as? Int == 1)
  }

  @Test func aRelayAttemptIsDenied() throws {
    let result = try ProbeRun.run(["--server", try Self.server(), "--to", "someone@example.com"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("relay-denied"))
    #expect(result.stdout.contains("<- 554 5.7.1"))
    #expect(result.stdout.contains("fix: "))
  }

  @Test func mixedRecipientsAreEachExplained() throws {
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--to", "alice@probe.test", "--to", "nobody@probe.test",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.contains("ok: Recipient accepted"))
    #expect(result.stdout.contains("mailbox-unknown: "))
    #expect(result.stdout.contains("1 of 2 recipients accepted"))
    let json = try ProbeRun.json(
      try ProbeRun.run([
        "--server", try Self.server(), "--to", "alice@probe.test", "--to", "nobody@probe.test",
        "--json",
      ]))
    let recipients = ProbeRun.sessions(json).first?["recipients"] as? [[String: Any]]
    #expect(recipients?.map { $0["accepted"] as? Bool } == [true, false])
  }

  @Test func aTestMessageIsQueuedAndDelivered() throws {
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--from", "tester@example.org", "--to", "alice@probe.test",
      "--send-test-message", "--json",
    ])
    #expect(result.status == 0, "\(result.stdout)")
    let json = try ProbeRun.json(result)
    let queueID = try #require(ProbeRun.sessions(json).first?["queue_id"] as? String)
    #expect(!queueID.isEmpty)
    #expect((json["verdict"] as? [String: Any])?["summary"] as? String ?? "" != "")
    let maildir = try TestServers.postfixMaildir().appendingPathComponent("alice/new")
    // Postfix writes its queue id into the Received header of the delivered message.
    let message = ProbeRun.delivered(in: maildir, containing: queueID)
    #expect(message != nil, "no message with queue id \(queueID) in \(maildir.path)")
    #expect(message?.contains("smtpprobe") == true)
  }

  @Test func aDataFileWithLeadingDotsArrivesIntact() throws {
    let marker = "smtpprobe-data-\(UUID().uuidString)"
    let body =
      "From: tester@example.org\nTo: alice@probe.test\nSubject: \(marker)\n\n"
      + "first line\n.a line that starts with a dot\n..two dots\n.\nlast line\n"
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(marker).eml")
    try body.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--from", "tester@example.org", "--to", "alice@probe.test",
      "--data", file.path,
    ])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("queued as"))
    let maildir = try TestServers.postfixMaildir().appendingPathComponent("alice/new")
    let message = try #require(ProbeRun.delivered(in: maildir, containing: marker))
    #expect(
      message.contains(
        "first line\n.a line that starts with a dot\n..two dots\n.\nlast line\n"))
  }

  @Test func anUnreadableDataFileIsAUsageError() throws {
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--to", "alice@probe.test", "--data", "/nonexistent/x.eml",
    ])
    #expect(result.status == 64)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("/nonexistent/x.eml"))
    #expect(result.stdout.isEmpty)
  }

  /// Each `--quit-after` stage: the last command before QUIT (and RSET inside a transaction).
  struct QuitCase: Sendable, CustomTestStringConvertible {
    var stage: String
    var extra: [String] = []
    var sent: [String]
    var testDescription: String { stage }
  }

  static let quitCases: [QuitCase] = [
    QuitCase(stage: "connect", sent: []),
    QuitCase(stage: "greeting", sent: ["QUIT"]),
    QuitCase(stage: "ehlo", sent: ["EHLO client.probe.test", "QUIT"]),
    QuitCase(
      stage: "mail", sent: ["EHLO client.probe.test", "MAIL FROM:<>", "RSET", "QUIT"]),
    QuitCase(
      stage: "rcpt",
      sent: [
        "EHLO client.probe.test", "MAIL FROM:<>", "RCPT TO:<alice@probe.test>", "RSET", "QUIT",
      ]),
  ]

  @Test(arguments: quitCases) func quitAfter(_ quit: QuitCase) throws {
    let result = try ProbeRun.run(
      [
        "--server", try Self.server(), "--to", "alice@probe.test", "--quit-after", quit.stage,
        "--json",
      ]
        + quit.extra)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let json = try ProbeRun.json(result)
    #expect(ProbeRun.sent(json) == quit.sent)
    let summary = (json["verdict"] as? [String: Any])?["summary"] as? String ?? ""
    #expect(summary.contains("stopped after \(quit.stage) as asked"))
  }

  @Test func quitAfterData() throws {
    let result = try ProbeRun.run([
      "--server", try Self.server(), "--to", "alice@probe.test", "--send-test-message",
      "--quit-after", "data", "--json",
    ])
    #expect(result.status == 0)
    let json = try ProbeRun.json(result)
    let sent = ProbeRun.sent(json)
    #expect(sent.first == "EHLO client.probe.test")
    #expect(sent.contains("DATA"))
    #expect(sent.last == "QUIT")
    #expect(ProbeRun.sessions(json).first?["queue_id"] is String)
  }

  @Test func pipeliningSavesRoundTrips() throws {
    let arguments = [
      "--server", try Self.server(), "--to", "alice@probe.test", "--to", "bob@probe.test", "--json",
    ]
    let piped = try ProbeRun.json(try ProbeRun.run(arguments))
    let plain = try ProbeRun.json(try ProbeRun.run(arguments + ["--no-pipelining"]))
    let pipedSession = try #require(ProbeRun.sessions(piped).first)
    let plainSession = try #require(ProbeRun.sessions(plain).first)
    #expect(pipedSession["pipelined"] as? Bool == true)
    #expect(plainSession["pipelined"] as? Bool == false)
    let pipedTrips = try #require(pipedSession["round_trips"] as? Int)
    let plainTrips = try #require(plainSession["round_trips"] as? Int)
    #expect(pipedTrips < plainTrips)
    #expect(ProbeRun.sent(piped) == ProbeRun.sent(plain))
  }

  @Test func theRejectListenerGetsQuitOnly() throws {
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(try TestServers.postfixRejectPort())", "--to", "alice@probe.test",
      "--json",
    ])
    #expect(result.status == 1)
    let json = try ProbeRun.json(result)
    #expect(ProbeRun.sent(json) == ["QUIT"])
    let first = ProbeRun.steps(json).first?["reply"] as? [String: Any]
    #expect(first?["code"] as? Int == 554)
  }
}
