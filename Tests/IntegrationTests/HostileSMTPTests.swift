import Foundation
import Testing

/// The real binary against SMTP servers that misbehave on purpose (HostileSMTPServer): each run
/// ends within its timeouts, prints valid JSON, exits 3 when it could not complete, and leaves
/// no connection open behind it.
@Suite struct HostileSMTPTests {
  typealias Action = HostileSMTPServer.Action

  /// What a probe of a hostile server gave, and how long it took.
  struct Outcome {
    var result: RunResult
    var seconds: Double
    var json: [String: Any]
  }

  /// Probes the server with `--json` and the extra arguments; checks the things every hostile
  /// run must keep: valid JSON, an exit code equal to its `exit_code`, and no connection left
  /// open once the probe exited.
  static func probe(
    _ server: HostileSMTPServer, _ arguments: [String] = [], environment: [String: String] = [:]
  ) throws -> Outcome {
    let started = Date()
    let result = try ProbeRun.run(
      ["--server", "127.0.0.1:\(server.port)", "--json", "--to", "alice@probe.test"] + arguments,
      environment: environment)
    let seconds = Date().timeIntervalSince(started)
    let json = try ProbeRun.json(result)
    #expect(json["exit_code"] as? Int == Int(result.status), "\(result.stdout)")
    #expect(server.waitUntilIdle(), "the probe left a connection open")
    return Outcome(result: result, seconds: seconds, json: json)
  }

  /// The greeting and the EHLO reply of an ordinary server, for scripts that misbehave later.
  static let greetingAndEHLO: [Action] = [
    .send("220 hostile.test ESMTP\r\n"), .expectLine, .send("250-hostile.test\r\n250 8BITMIME\r\n"),
  ]

  @Test func aSilentServerEndsAtTheGreetingTimeout() throws {
    let server = try HostileSMTPServer([.holdOpen])
    let outcome = try Self.probe(server, ["--greeting-timeout", "2"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
    #expect(outcome.seconds < 15)
    #expect(server.connectionCount == 1)
  }

  @Test func aDrippedGreetingEndsAtTheGreetingTimeout() throws {
    let server = try HostileSMTPServer([
      .drip("220 slow.test ESMTP drip drip drip drip drip\r\n", milliseconds: 250)
    ])
    let outcome = try Self.probe(server, ["--greeting-timeout", "2"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
    #expect(outcome.seconds < 15)
    #expect(server.connectionCount == 1)
  }

  /// A reply cut by the timeout keeps its bytes in the transcript, marked partial, and the
  /// advice reads them: SMTP-looking bytes mean a slow server, not an SMTPS port.
  @Test
  func aDrippedGreetingIsKeptAsAPartialReply() throws {
    let server = try HostileSMTPServer([
      .drip("220 slow.test ESMTP drip drip drip drip drip\r\n", milliseconds: 250)
    ])
    let outcome = try Self.probe(server, ["--greeting-timeout", "2"])
    #expect(outcome.result.status == 3)
    #expect(outcome.result.stdout.contains("220 slow"), "\(outcome.result.stdout)")
    #expect(outcome.result.stdout.contains("partial"), "\(outcome.result.stdout)")
    #expect(!outcome.result.stdout.contains("SMTPS"), "\(outcome.result.stdout)")
  }

  @Test func anEndlessMultilineReplyEndsAtTheLineBound() throws {
    let server = try HostileSMTPServer(
      [.send("220 hostile.test ESMTP\r\n"), .expectLine, .repeatForever("250-more\r\n")])
    let outcome = try Self.probe(server, ["--timeout", "10"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
    #expect(outcome.seconds < 20)
    #expect(server.connectionCount == 1)
  }

  @Test func aLineLongerThanTheBoundEndsTheSession() throws {
    let long = String(repeating: "x", count: 200_000)
    let server = try HostileSMTPServer([.send("220 \(long)\r\n")])
    let outcome = try Self.probe(server, ["--greeting-timeout", "10"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
    #expect(outcome.seconds < 20)
    #expect(outcome.result.stdout.utf8.count < 100_000, "the long line was printed whole")
  }

  /// A greeting `550-` then `220` breaks RFC 5321 4.2.1 (one code per reply): exit 3.
  ///
  /// Its last line is the one shown as the server's answer.
  @Test
  func aGreetingWhoseCodeChangesIsAViolation() throws {
    let server = try HostileSMTPServer([
      .send("550-hostile.test go away\r\n220 hostile.test ESMTP welcome after all\r\n"),
      .expectLine, .send("250 hostile.test\r\n"), .expectLine, .send("250 ok\r\n"),
    ])
    let outcome = try Self.probe(server, ["--quit-after", "ehlo"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
  }

  /// `250-` then `550` to EHLO is no "ok": exit 3, a protocol violation.
  @Test
  func anEHLOReplyWhoseCodeChangesIsAViolation() throws {
    let server = try HostileSMTPServer([
      .send("220 hostile.test ESMTP\r\n"), .expectLine,
      .send("250-hostile.test\r\n550 5.7.1 changed my mind\r\n"), .expectLine,
      .send("221 bye\r\n"),
    ])
    let outcome = try Self.probe(server, ["--quit-after", "ehlo"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
  }

  @Test func aResetMidReplyCannotComplete() throws {
    let server = try HostileSMTPServer([.send("220-hostile.test ESMTP\r\n220-still"), .reset])
    let outcome = try Self.probe(server, ["--greeting-timeout", "10"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
    #expect(outcome.seconds < 10, "a reset must end the session at once, not at a timeout")
    #expect(server.connectionCount == 1)
  }

  static let password = "S3cret-Pa55word!"

  /// Every form of the password the probe could have sent: plain, and base64 of it alone (LOGIN)
  /// and of the PLAIN blob.
  static var secretForms: [String] {
    [
      password, Data(password.utf8).base64EncodedString(),
      Data("\0alice@probe.test\0\(password)".utf8).base64EncodedString(),
    ]
  }

  static func authArguments(_ mechanism: String) -> [String] {
    [
      "--auth-user", "alice@probe.test", "--auth-mech", mechanism, "--auth-insecure", "--tls",
      "off",
    ]
  }

  /// A server whose LOGIN "Password:" step is followed by a challenge that is the base64 of
  /// the password it just received, then a 535 quoting it: nothing of it is printed.
  @Test
  func aLOGINChallengeEchoingThePasswordIsRedacted() throws {
    let server = try HostileSMTPServer([
      .send("220 hostile.test ESMTP\r\n"), .expectLine,
      .send("250-hostile.test\r\n250 AUTH LOGIN PLAIN\r\n"),
      .expectLine, .send("334 VXNlcm5hbWU6\r\n"),
      .expectLine, .send("334 UGFzc3dvcmQ6\r\n"),
      .reply { "334 \($0)" },
      .reply { "535 5.7.8 authentication failed for \($0)" },
      .expectLine, .send("221 bye\r\n"),
    ])
    let outcome = try Self.probe(
      server, Self.authArguments("LOGIN"), environment: ["SMTPPROBE_PASSWORD": Self.password])
    let printed = outcome.result.stdout + outcome.result.stderr
    for secret in Self.secretForms { #expect(!printed.contains(secret), "printed \(secret)") }
  }

  /// A 535 that quotes the PLAIN blob it received: the blob is not printed, nor decoded.
  @Test
  func a535QuotingThePLAINBlobIsRedacted() throws {
    let server = try HostileSMTPServer([
      .send("220 hostile.test ESMTP\r\n"), .expectLine,
      .send("250-hostile.test\r\n250 AUTH PLAIN\r\n"),
      .reply { "535 5.7.8 bad credentials: \($0.dropFirst("AUTH PLAIN ".count))" },
      .expectLine, .send("221 bye\r\n"),
    ])
    let outcome = try Self.probe(
      server, Self.authArguments("PLAIN"), environment: ["SMTPPROBE_PASSWORD": Self.password])
    #expect(outcome.result.status != 0)
    let printed = outcome.result.stdout + outcome.result.stderr
    for secret in Self.secretForms { #expect(!printed.contains(secret), "printed \(secret)") }
  }

  /// What holds today and must stay: the password the client sends is never printed.
  @Test func thePasswordSentIsNeverPrinted() throws {
    let server = try HostileSMTPServer([
      .send("220 hostile.test ESMTP\r\n"), .expectLine,
      .send("250-hostile.test\r\n250 AUTH PLAIN\r\n"),
      .expectLine, .send("535 5.7.8 bad credentials\r\n"),
      .expectLine, .send("221 bye\r\n"),
    ])
    let outcome = try Self.probe(
      server, Self.authArguments("PLAIN"), environment: ["SMTPPROBE_PASSWORD": Self.password])
    #expect(outcome.result.status != 0)
    let printed = outcome.result.stdout + outcome.result.stderr
    for secret in Self.secretForms { #expect(!printed.contains(secret), "printed \(secret)") }
    #expect(server.receivedLines.contains { $0.hasPrefix("AUTH PLAIN ") })
  }

  static let plaintextAfterSTARTTLS: [Action] = [
    .send("220 hostile.test ESMTP\r\n"), .expectLine,
    .send("250-hostile.test\r\n250 STARTTLS\r\n"), .expectLine,
    .send("220 2.0.0 Ready to start TLS\r\n"),
    .send("220 hostile.test ESMTP this is not a TLS record\r\n"),
  ]

  @Test func plaintextAfterSTARTTLSCannotComplete() throws {
    let server = try HostileSMTPServer(Self.plaintextAfterSTARTTLS)
    let outcome = try Self.probe(server, ["--tls", "require", "--timeout", "5"])
    #expect(outcome.result.status == 3, "\(outcome.result.stdout)")
    #expect(outcome.seconds < 20)
    #expect(server.connectionCount == 1)
  }

  /// The same garbage gives the same verdict every run.
  @Test func plaintextAfterSTARTTLSIsSaidTheSameWayEachRun() throws {
    var summaries: Set<String> = []
    for _ in 0..<3 {
      let server = try HostileSMTPServer(Self.plaintextAfterSTARTTLS)
      let outcome = try Self.probe(server, ["--tls", "require", "--timeout", "5"])
      summaries.insert((outcome.json["verdict"] as? [String: Any])?["summary"] as? String ?? "")
    }
    #expect(summaries.count == 1, "\(summaries)")
  }
}
