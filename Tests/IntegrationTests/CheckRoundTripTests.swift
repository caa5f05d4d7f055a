import CheckOutputGrammars
import Foundation
import Testing

/// `check --roundtrip`: a real message through the test Postfix's submission listener
/// (postfix-submission.sh), read back over IMAP from Dovecot (dovecot.sh), then deleted.
@Suite(
  .enabled(
    if: SubmissionTestServers.enabled && IMAPTestServers.enabled,
    "submission or IMAP test server not running"))
struct CheckRoundTripTests {
  /// Runs check against the submission listener with `--roundtrip` and `extra`.
  static func check(_ extra: [String], environment: [String: String] = [:]) throws -> RunResult {
    let submission = try SubmissionTestServers.require()
    let tls = try TLSTestServers.require()
    return try RunBinary.run(
      [
        "check", "--cafile", tls.caFile, "--helo", "client.probe.test",
        "--submission", "127.0.0.1:\(submission.submissionPort)", "--auth-user", submission.user,
        "--auth-password-file", submission.passwordFile, "--from", submission.user,
        "--to", submission.user, "--roundtrip", "--arrival-timeout", "30",
      ] + extra, environment: environment)
  }

  /// Every file of the Maildir (new and cur) whose text holds `token`.
  static func files(holding token: String, in maildir: URL) -> [String] {
    var found: [String] = []
    for folder in ["new", "cur"] {
      let directory = maildir.appendingPathComponent(folder)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
        let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        if text?.contains(token) == true { found.append("\(folder)/\(name)") }
      }
    }
    return found
  }

  @Test func theMessageArrivesOverIMAPSIsMeasuredAndDeleted() throws {
    let imap = try IMAPTestServers.require()
    let submission = try SubmissionTestServers.require()
    let result = try Self.check([
      "--imap", "imaps://\(imap.user)@127.0.0.1:\(imap.imapsPort)/INBOX",
      "--imap-password-file", imap.passwordFile, "--expect-auth", "spf=pass",
      "--format", "json",
    ])
    let (_, _, findings) = try CheckJSONFinding.all(result.stdout)
    #expect(CheckJSONFinding.state(findings, "message") == "ok", "\(result.stdout)")
    #expect(CheckJSONFinding.state(findings, "imap") == "ok", "\(result.stdout)")
    #expect(CheckJSONFinding.state(findings, "arrival") == "ok", "\(result.stdout)")
    #expect(CheckJSONFinding.state(findings, "cleanup") == "ok", "\(result.stdout)")
    // The loopback Postfix runs no SPF check and writes no Authentication-Results: the
    // expectation cannot be met, and the report says so rather than guessing.
    #expect(CheckJSONFinding.state(findings, "auth-results") == "critical")
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let target = try #require((object["targets"] as? [[String: Any]])?.first)
    let arrival = try #require(
      (target["findings"] as? [[String: Any]])?.first { $0["check"] as? String == "arrival" })
    let seconds = try #require(arrival["value"] as? Double)
    #expect(seconds > 0 && seconds < 30)
    // The round trip as parsed: the latency, the token and the header fields (none here).
    let record = try #require(arrival["record"] as? [String: Any], "\(result.stdout)")
    #expect(record["arrival_seconds"] as? Double == seconds)
    #expect(record["token"] is String && record["searches"] is Int)
    #expect(record["authentication_results"] is [Any] && record["received_spf"] is [Any])
    let hosts = try #require(target["hosts"] as? [[String: Any]])
    let message = try #require(
      hosts.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.first {
        $0["check"] as? String == "message"
      })
    let queued = try #require(message["record"] as? [String: Any], "\(result.stdout)")
    #expect(queued["token"] as? String == record["token"] as? String)
    #expect(queued["queue_id"] is String)
    let summary = try #require(arrival["summary"] as? String)
    let token = try #require(summary.split(separator: " ").dropFirst(2).first.map(String.init))
    #expect(Self.files(holding: token, in: submission.maildir).isEmpty, "\(token) left behind")
  }

  /// The round trip's findings belong to the target, so the label is `TARGET arrival`.
  @Test func nagiosCarriesTheArrivalPerfdataOverSTARTTLS() throws {
    let imap = try IMAPTestServers.require()
    let result = try Self.check([
      "--imap", "imap://\(imap.user)@127.0.0.1:\(imap.imapPort)/INBOX",
      "--imap-password-file", imap.passwordFile, "--arrival-warn", "25", "--format", "nagios",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let output = try NagiosOutput.parse(result.stdout)
    #expect(
      output.perfdata.contains { $0.label.hasSuffix("arrival") && $0.unit == "s" },
      "\(result.stdout)")
  }

  @Test func aWrongIMAPPasswordIsCriticalAndNeverPrinted() throws {
    let imap = try IMAPTestServers.require()
    let wrong = "Wr0ng-imap-pässword"
    for format in ["json", "text", "nagios", "junit", "github", "prometheus"] {
      let result = try Self.check(
        [
          "--imap", "imaps://\(imap.user)@127.0.0.1:\(imap.imapsPort)/INBOX",
          "--format", format,
        ], environment: ["SMTPPROBE_IMAP_PASSWORD": wrong])
      #expect(result.status == 2, "\(format): \(result.stdout)\(result.stderr)")
      let output = result.stdout + result.stderr
      let plain = Data(([0] + Array(imap.user.utf8) + [0] + Array(wrong.utf8)))
        .base64EncodedString()
      #expect(!output.contains(wrong) && !output.contains(plain), "\(format)")
      if format == "json" {
        let (_, _, findings) = try CheckJSONFinding.all(result.stdout)
        #expect(CheckJSONFinding.state(findings, "imap") == "critical")
      }
    }
  }
}

/// `--roundtrip`'s usage errors: UNKNOWN, one line, before anything is sent.
@Suite struct CheckRoundTripUsageTests {
  @Test func roundtripWithoutAMailboxIsAUsageError() throws {
    let result = try RunBinary.run([
      "check", "--submission", "127.0.0.1:1", "--to", "a@probe.test", "--roundtrip",
    ])
    #expect(result.status == 3)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("--imap"))
  }

  @Test func anIMAPURLThatIsNotOneIsAUsageError() throws {
    let result = try RunBinary.run([
      "check", "--submission", "127.0.0.1:1", "--to", "a@probe.test", "--roundtrip",
      "--imap", "pop3://a@host/INBOX",
    ])
    #expect(result.status == 3)
    #expect(result.stderrLines.count == 1)
  }
}
