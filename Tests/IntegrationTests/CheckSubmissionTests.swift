import CheckOutputGrammars
import Foundation
import Testing

/// One finding of `check --format json`, with its target.
struct CheckJSONFinding {
  var target: String
  var check: String
  var state: String
  var applicable: Bool

  /// Every finding of the report in `json`, target by target, in order.
  static func all(_ json: String) throws -> (state: String, targets: [String], [CheckJSONFinding]) {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let targets = try #require(object["targets"] as? [[String: Any]])
    var findings: [CheckJSONFinding] = []
    for target in targets {
      let name = target["target"] as? String ?? ""
      let own = target["findings"] as? [[String: Any]] ?? []
      let hosts = (target["hosts"] as? [[String: Any]] ?? []).flatMap {
        $0["findings"] as? [[String: Any]] ?? []
      }
      for finding in own + hosts {
        findings.append(
          CheckJSONFinding(
            target: name, check: finding["check"] as? String ?? "",
            state: finding["state"] as? String ?? "",
            applicable: finding["applicable"] as? Bool ?? true))
      }
    }
    return (
      object["state"] as? String ?? "", targets.compactMap { $0["target"] as? String }, findings
    )
  }

  /// The state of `check` on `target` (the first such finding).
  static func state(_ findings: [CheckJSONFinding], _ check: String, target: String? = nil)
    -> String?
  {
    findings.first { $0.check == check && (target == nil || $0.target == target) }?.state
  }
}

/// `check --submission` and several targets against scripted peers: the faults Postfix will
/// not produce on demand, and one silent target among others.
@Suite struct CheckSubmissionScriptedTests {
  @Test func a530AtMailFromOnASubmissionServerIsCritical() throws {
    let server = try ScriptedServer(
      script: """
        send 220 scripted.test ESMTP
        expect EHLO
        send 250-scripted.test
        send 250 AUTH PLAIN
        expect MAIL
        send 530 5.7.0 Authentication required
        expect QUIT
        send 221 bye
        """)
    let result = try RunBinary.run([
      "check", "--submission", "127.0.0.1:\(server.port)", "--helo", "client.probe.test",
      "--format", "json",
    ])
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    let (state, _, findings) = try CheckJSONFinding.all(result.stdout)
    #expect(state == "critical")
    #expect(CheckJSONFinding.state(findings, "mail-from") == "critical")
    // AUTH offered on a connection without TLS, and no STARTTLS at all.
    #expect(CheckJSONFinding.state(findings, "auth-before-tls") == "critical")
    #expect(CheckJSONFinding.state(findings, "starttls-offered") == "critical")
  }

  static let plainSession = CheckScriptedTests.plainSession

  @Test func severalTargetsKeepTheirOrderAndASilentOneDoesNotHoldTheOthers() throws {
    let first = try ScriptedServer(script: Self.plainSession)
    let silent = try ScriptedServer(script: "delay 4000\nclose")
    let third = try ScriptedServer(script: Self.plainSession)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("check-targets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = ["nagios", "junit", "prometheus", "github", "text"].map {
      ($0, directory.appendingPathComponent("report.\($0)"))
    }
    let list = """
      # three servers, the second never answers
      --server 127.0.0.1:\(silent.port)
      --server 127.0.0.1:\(third.port)   # after the silent one
      """
    let start = Date()
    let result = try RunBinary.run(
      [
        "check", "--server", "127.0.0.1:\(first.port)", "--targets", "-", "--timeout", "1",
        "--helo", "client.probe.test", "--format", "json",
      ] + files.flatMap { ["--report", "\($0.0):\($0.1.path)"] }, stdin: list)
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < 2, "took \(elapsed) s")
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    let (_, targets, findings) = try CheckJSONFinding.all(result.stdout)
    #expect(
      targets == [first.port, silent.port, third.port].map { "127.0.0.1:\($0)" }, "\(targets)")
    let silentName = "127.0.0.1:\(silent.port)"
    #expect(CheckJSONFinding.state(findings, "greeting", target: silentName) == "critical")
    for port in [first.port, third.port] {
      #expect(CheckJSONFinding.state(findings, "mail-from", target: "127.0.0.1:\(port)") == "ok")
    }

    // Every other format of the same report passes its grammar.
    let nagios = try NagiosOutput.parse(String(contentsOf: files[0].1, encoding: .utf8))
    #expect(nagios.state == "CRITICAL")
    let labels = nagios.perfdata.map(\.label)
    #expect(Set(labels).count == labels.count, "\(labels)")
    #expect(labels.contains { $0.contains("127.0.0.1:\(third.port)") }, "\(labels)")
    let junit = try JUnitReader.read(String(contentsOf: files[1].1, encoding: .utf8))
    let suites = junit.filter { $0.name == "testsuite" }.compactMap { $0.attributes["name"] }
    #expect(suites.count == 3, "\(suites)")
    let exposition = try PrometheusExposition.parse(
      String(contentsOf: files[2].1, encoding: .utf8))
    let statuses = exposition.samples.filter { $0.name == "smtpprobe_check_target_status" }
    #expect(Set(statuses.compactMap { $0.labels["target"] }).count == 3)
    let annotations = try String(contentsOf: files[3].1, encoding: .utf8)
    for line in annotations.split(separator: "\n") {
      #expect(line.hasPrefix("::warning title=") || line.hasPrefix("::error title="))
    }
    let text = try String(contentsOf: files[4].1, encoding: .utf8)
    #expect(text.contains(silentName))
  }

  @Test func anEmptyTargetsFileIsUnknown() throws {
    let result = try RunBinary.run(["check", "--targets", "-"], stdin: "# nothing\n\n")
    #expect(result.status == 3)
    #expect(result.stderrLines.count == 1)
  }
}

/// `check --submission` and `--require-starttls` against the test Postfix instances
/// (Scripts/servers/postfix-tls.sh and postfix-submission.sh).
@Suite(.enabled(if: SubmissionTestServers.enabled, "submission test server not running"))
struct CheckSubmissionPostfixTests {
  /// Runs check with the test CA and `extra`, in JSON, with `environment`.
  static func check(_ extra: [String], environment: [String: String] = [:]) throws -> RunResult {
    let tls = try TLSTestServers.require()
    return try RunBinary.run(
      ["check", "--cafile", tls.caFile, "--helo", "client.probe.test", "--format", "json"]
        + extra, environment: environment)
  }

  @Test func submissionWithAuthIsOKOnTheSTARTTLSAndImplicitTLSListeners() throws {
    let tls = try TLSTestServers.require()
    for extra in [
      ["--submission", "127.0.0.1:\(tls.starttlsPort)"],
      ["--submission", "127.0.0.1:\(tls.implicitPort)", "--tls-on-connect"],
    ] {
      let result = try Self.check(
        extra + ["--auth-user", tls.user], environment: ["SMTPPROBE_PASSWORD": tls.password])
      #expect(result.status == 0, "\(extra): \(result.stdout)\(result.stderr)")
      let (state, _, findings) = try CheckJSONFinding.all(result.stdout)
      #expect(state == "ok")
      for check in ["auth-before-tls", "auth", "mail-from", "tls-verified", "tls-cipher"] {
        #expect(CheckJSONFinding.state(findings, check) == "ok", "\(check) \(extra)")
      }
      #expect(!result.stdout.contains(tls.password) && !result.stderr.contains(tls.password))
    }
  }

  @Test func aWrongPasswordIsCriticalAndNeverPrinted() throws {
    let tls = try TLSTestServers.require()
    let wrong = "Wrong-pw-\(UUID().uuidString.prefix(8))"
    let plain = Data("\0\(tls.user)\0\(wrong)".utf8).base64EncodedString()
    for format in ["json", "nagios", "text", "junit", "github", "prometheus"] {
      let result = try RunBinary.run(
        [
          "check", "--submission", "127.0.0.1:\(tls.starttlsPort)", "--cafile", tls.caFile,
          "--helo", "client.probe.test", "--auth-user", tls.user, "--auth-mech", "PLAIN",
          "--format", format,
        ], environment: ["SMTPPROBE_PASSWORD": wrong])
      #expect(result.status == 2, "\(format): \(result.stdout)")
      for output in [result.stdout, result.stderr] {
        #expect(!output.contains(wrong) && !output.contains(plain), "\(format)")
      }
      if format == "json" {
        let (_, _, findings) = try CheckJSONFinding.all(result.stdout)
        #expect(CheckJSONFinding.state(findings, "auth") == "critical")
      }
    }
  }

  @Test func authOfferedBeforeTLSIsCritical() throws {
    let servers = try SubmissionTestServers.require()
    let result = try Self.check(
      [
        "--submission", "127.0.0.1:\(servers.authBeforeTLSPort)", "--auth-user", servers.user,
        "--auth-password-file", servers.passwordFile,
      ])
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    let (_, _, findings) = try CheckJSONFinding.all(result.stdout)
    #expect(CheckJSONFinding.state(findings, "auth-before-tls") == "critical")
    // The credentials themselves still work, over TLS.
    #expect(CheckJSONFinding.state(findings, "auth") == "ok")
  }

  @Test func theTestMessageIsDeliveredWithItsTokenAndQueueID() throws {
    let servers = try SubmissionTestServers.require()
    let fileManager = FileManager.default
    let newMail = servers.maildir.appendingPathComponent("new")
    let before = Set((try? fileManager.contentsOfDirectory(atPath: newMail.path)) ?? [])
    let result = try Self.check([
      "--submission", "127.0.0.1:\(servers.submissionPort)", "--auth-user", servers.user,
      "--auth-password-file", servers.passwordFile, "--from", servers.user,
      "--send-test-message", "--to", servers.user,
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let (_, _, findings) = try CheckJSONFinding.all(result.stdout)
    #expect(CheckJSONFinding.state(findings, "message") == "ok")
    // Delivery is asynchronous: wait for the new file, at most 15 s.
    var delivered: String?
    for _ in 0..<150 where delivered == nil {
      let names = Set((try? fileManager.contentsOfDirectory(atPath: newMail.path)) ?? [])
      for name in names.subtracting(before) {
        let text = try String(
          contentsOf: newMail.appendingPathComponent(name), encoding: .utf8)
        if text.contains("Subject: smtpprobe test message ") { delivered = text }
      }
      if delivered == nil { Thread.sleep(forTimeInterval: 0.1) }
    }
    let message = try #require(delivered, "no test message in \(newMail.path)")
    // The token of the Subject and Postfix's queue id (in its Received header) are both in
    // the report.
    let subject = try #require(
      message.split(separator: "\n").first { $0.hasPrefix("Subject: ") })
    let token = try #require(subject.split(separator: " ").last)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(result.stdout.contains(token), "\(token)")
    let received = message.components(separatedBy: "\n\n")[0]
      .replacingOccurrences(of: "\n\t", with: " ").replacingOccurrences(of: "\n ", with: " ")
    let queueID = try #require(
      received.split(separator: "\n").first { $0.hasPrefix("Received:") && $0.contains(" id ") }
        .flatMap { line in
          let words = line.split(separator: " ")
          return words.firstIndex(of: "id").map { words[$0 + 1] }
        }
    ).trimmingCharacters(in: CharacterSet(charactersIn: ";"))
    #expect(result.stdout.contains(queueID), "\(queueID)")
  }

  @Test func starttlsEnforcedIsOKOnlyWhereTheServerRequiresIt() throws {
    let servers = try SubmissionTestServers.require()
    let tls = try TLSTestServers.require()
    let enforced = "127.0.0.1:\(servers.encryptPort)"
    let optional = "127.0.0.1:\(tls.starttlsPort)"
    let run = try RunBinary.run(
      [
        "check", "--cafile", tls.caFile, "--helo", "client.probe.test", "--format", "json",
        "--targets", "-", "--require-starttls",
      ], stdin: "--server \(enforced)\n--server \(optional)\n")
    #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
    let (_, targets, findings) = try CheckJSONFinding.all(run.stdout)
    #expect(targets == [enforced, optional])
    #expect(CheckJSONFinding.state(findings, "starttls-enforced", target: enforced) == "ok")
    #expect(CheckJSONFinding.state(findings, "starttls-enforced", target: optional) == "critical")
    // The enforcing listener is healthy otherwise.
    #expect(
      findings.filter { $0.target == enforced && $0.state != "ok" }.isEmpty,
      "\(findings.filter { $0.target == enforced && $0.state != "ok" }.map(\.check))")
  }
}

/// The `ptr` and `greeting-name` findings against the test zones of Scripts/servers/dnsmasq.sh
/// (127.0.0.1 is mx.probe.test both ways; 127.0.0.4 has PTR nowhere.test, which has no
/// address).
@Suite(.enabled(if: TestServers.variables["SMTPPROBE_TEST_DNS_PORT"] != nil, "no test DNS"))
struct CheckIdentityTests {
  static func check(listen: String) throws -> (RunResult, [CheckJSONFinding]) {
    let dns = try #require(TestServers.variables["SMTPPROBE_TEST_DNS_PORT"])
    let server = try ScriptedServer(
      script: CheckScriptedTests.plainSession.replacingOccurrences(
        of: "220 scripted.test", with: "220 mx.probe.test"), listen: "\(listen):0")
    let result = try RunBinary.run([
      "check", "--server", "\(listen):\(server.port)", "--dns-server", "127.0.0.1:\(dns)",
      "--helo", "client.probe.test", "--format", "json",
    ])
    return (result, try CheckJSONFinding.all(result.stdout).2)
  }

  @Test func aForwardConfirmedNameAndAMatchingGreetingAreOK() throws {
    let (result, findings) = try Self.check(listen: "127.0.0.1")
    #expect(CheckJSONFinding.state(findings, "ptr") == "ok", "\(result.stdout)")
    #expect(CheckJSONFinding.state(findings, "greeting-name") == "ok")
  }

  @Test func aPTRThatDoesNotResolveBackIsAWarning() throws {
    let (result, findings) = try Self.check(listen: "127.0.0.4")
    #expect(CheckJSONFinding.state(findings, "ptr") == "warning", "\(result.stdout)")
    // The greeting names mx.probe.test; the address's only name is nowhere.test.
    #expect(CheckJSONFinding.state(findings, "greeting-name") == "warning")
    // No STARTTLS on the scripted peer is a warning too; nothing is critical.
    #expect(result.status == 1, "\(result.stdout)")
  }
}
