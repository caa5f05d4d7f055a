import Foundation
import Testing

/// `--proxy socks5://...` through a real Dante (Scripts/servers/dante.sh) to the test Postfix,
/// and through misbehaving SOCKS5 peers started here on ephemeral ports.
@Suite(
  .enabled(
    if: SOCKSTestServers.enabled && TestServers.postfixEnabled,
    "dante or Postfix is not running (Scripts/test-servers start)"))
struct ProxyTests {
  static func postfix() throws -> String { "127.0.0.1:\(try TestServers.postfixPort())" }

  /// The transcript of the first session without times: direction and line.
  static func transcript(_ result: RunResult) throws -> [String] {
    let json = try ProbeRun.json(result)
    let session = try #require(ProbeRun.sessions(json).first)
    let lines = try #require(session["transcript"] as? [[String: Any]])
    return lines.map { "\($0["dir"] ?? "") \($0["line"] ?? "")" }
  }

  /// The `connect_failures` errors of a JSON probe.
  static func connectErrors(_ result: RunResult) throws -> [String] {
    let json = try ProbeRun.json(result)
    let failures = try #require(json["connect_failures"] as? [[String: Any]])
    return failures.compactMap { $0["error"] as? String }
  }

  // MARK: Through Dante

  @Test func theTranscriptThroughTheProxyIsTheDirectOne() throws {
    let arguments = [
      "--server", try Self.postfix(), "--from", "tester@example.org", "--to", "alice@probe.test",
      "--to", "nobody@probe.test", "--json",
    ]
    let direct = try ProbeRun.run(arguments)
    let proxied = try ProbeRun.run(arguments + ["--proxy", try SOCKSTestServers.plain()])
    #expect(direct.status == 1)
    #expect(proxied.status == direct.status, "\(proxied.stdout)\(proxied.stderr)")
    #expect(proxied.stderr.isEmpty)
    let lines = try Self.transcript(proxied)
    #expect(lines == (try Self.transcript(direct)))
    #expect(lines.contains("send RCPT TO:<alice@probe.test>"))
    // The session names the MX address we asked the proxy for, not the proxy.
    let session = try #require(ProbeRun.sessions(try ProbeRun.json(proxied)).first)
    #expect(session["address"] as? String == "127.0.0.1")
    #expect(session["port"] as? Int == (try TestServers.postfixPort()))
    let notes = try ProbeRun.json(proxied)["notes"] as? [String] ?? []
    #expect(notes.contains { $0.contains("SOCKS5 proxy socks5://127.0.0.1:") })
  }

  @Test func aServerNameIsResolvedHereAndTheProxyGetsTheAddress() throws {
    let result = try ProbeRun.run([
      "--server", "localhost:\(try TestServers.postfixPort())", "-4", "--quit-after", "ehlo",
      "--proxy", try SOCKSTestServers.plain(),
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("<- 220 mx.probe.test ESMTP smtpprobe-test"))
  }

  @Test func aRefusedDestinationNamesTheProxyHop() throws {
    let closed = try LoopbackListener.closedPort()
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(closed)", "--proxy", try SOCKSTestServers.plain(), "--json",
    ])
    #expect(result.status == 3)
    let errors = try Self.connectErrors(result)
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasPrefix("the proxy 127.0.0.1:") == true
        && errors.first?.hasSuffix(
          "could not reach the host: connection refused by destination host (SOCKS5 reply 0x05)")
          == true,
      "\(errors)")
    let advice = try ProbeRun.json(result)["advice"] as? [String] ?? []
    #expect(!advice.contains { $0.contains("port") && $0.contains("blocked") })
  }

  @Test func theProxysRulesetRefusingTheDestinationIsTheProxysWord() throws {
    // dante.sh blocks CONNECT to 127.0.0.9 (SOCKS5 reply 0x02).
    let result = try ProbeRun.run([
      "--server", "127.0.0.9:25", "--proxy", try SOCKSTestServers.plain(),
    ])
    #expect(result.status == 3)
    #expect(
      result.stdout.contains(
        "cannot connect to 127.0.0.9:25: proxy failed: 127.0.0.1:"),
      "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "connection not allowed by the proxy's ruleset (SOCKS5 reply 0x02)"))
  }

  @Test func aWrongProxyPortIsProxyUnreachable() throws {
    let closed = try LoopbackListener.closedPort()
    let result = try ProbeRun.run([
      "--server", try Self.postfix(), "--proxy", "socks5://127.0.0.1:\(closed)",
    ])
    #expect(result.status == 3)
    #expect(
      result.stdout.contains(
        "proxy unreachable: 127.0.0.1:\(closed): connection refused"), "\(result.stdout)")
  }

  // MARK: TLS over the tunnel

  @Test(
    .enabled(if: TLSTestServers.enabled, "the TLS Postfix is not running"))
  func startTLSRunsOverTheTunnel() throws {
    let s = try TLSTestServers.require()
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(s.starttlsPort)", "--cafile", s.caFile, "--tls", "require",
      "--sni", s.hostName, "--quit-after", "mail", "--proxy", try SOCKSTestServers.plain(),
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("-> STARTTLS\n"))
    #expect(result.stdout.contains("TLS: TLSv1."))
    // The certificate of the server behind the proxy, trusted for its name (RFC 6125).
    #expect(result.stdout.contains("capabilities after STARTTLS: +AUTH"))
    #expect(result.stdout.contains("verification: trusted for mx.probe.test"))
  }

  @Test(
    .enabled(if: TLSTestServers.enabled, "the TLS Postfix is not running"))
  func tlsOnConnectRunsOverTheTunnel() throws {
    let s = try TLSTestServers.require()
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(s.implicitPort)", "--tls-on-connect", "--cafile", s.caFile,
      "--sni", s.hostName, "--quit-after", "ehlo", "--proxy", try SOCKSTestServers.plain(),
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("TLS on connect: TLSv1."))
    #expect(result.stdout.contains("<- 220 mx.probe.test ESMTP"))
  }

  // MARK: Authentication (RFC 1929)

  @Test(.enabled(if: SOCKSTestServers.authEnabled, "dante with username auth needs root"))
  func theRightPasswordGoesThrough() throws {
    let auth = try SOCKSTestServers.authenticating()
    let result = try ProbeRun.run(
      ["--server", try Self.postfix(), "--quit-after", "ehlo", "--proxy", auth.proxy],
      environment: ["SMTPPROBE_PROXY_PASSWORD": auth.password])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(!result.stdout.contains(auth.password) && !result.stderr.contains(auth.password))
  }

  @Test(.enabled(if: SOCKSTestServers.authEnabled, "dante with username auth needs root"))
  func aWrongPasswordIsProxyAuthenticationRefused() throws {
    let auth = try SOCKSTestServers.authenticating()
    let wrong = "not-" + auth.password
    let result = try ProbeRun.run(
      ["--server", try Self.postfix(), "--proxy", auth.proxy, "--json"],
      environment: ["SMTPPROBE_PROXY_PASSWORD": wrong])
    #expect(result.status == 3)
    let errors = try Self.connectErrors(result)
    #expect(
      errors.first?.hasPrefix("proxy authentication refused: 127.0.0.1:") == true, "\(errors)")
    #expect(errors.first?.contains("RFC 1929 status") == true)
    let failures = try ProbeRun.json(result)["connect_failures"] as? [[String: Any]]
    #expect(failures?.first?["proxy_hop"] as? String == "authentication")
    for output in [result.stdout, result.stderr] {
      #expect(!output.contains(wrong))
    }
  }

  @Test(.enabled(if: SOCKSTestServers.authEnabled, "dante with username auth needs root"))
  func noUserWhereOneIsRequiredSaysHowToGiveIt() throws {
    let auth = try SOCKSTestServers.authenticating()
    let anonymous = auth.proxy.replacingOccurrences(of: "\(auth.user)@", with: "")
    let result = try ProbeRun.run(["--server", try Self.postfix(), "--proxy", anonymous])
    #expect(result.status == 3)
    #expect(result.stdout.contains("proxy authentication refused: 127.0.0.1:"))
    #expect(result.stdout.contains("SMTPPROBE_PROXY_PASSWORD"))
  }

  // MARK: verify and check

  @Test func verifyThroughTheProxyGivesTheDirectVerdicts() throws {
    let arguments = [
      "verify", "alice@probe.test", "nobody@probe.test", "--server", try Self.postfix(),
      "--helo", "client.probe.test", "--catch-all", "skip", "--json",
    ]
    let direct = try RunBinary.run(arguments)
    let proxied = try RunBinary.run(arguments + ["--proxy", try SOCKSTestServers.plain()])
    #expect(proxied.status == direct.status, "\(proxied.stdout)\(proxied.stderr)")
    func verdicts(_ result: RunResult) -> [String] {
      result.stdout.split(separator: "\n").compactMap { line in
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return (object?["verdict"] as? String).map { "\($0)/\(object?["reason"] ?? "")" }
      }
    }
    #expect(verdicts(proxied) == ["deliverable/ok", "undeliverable/mailbox-unknown"])
    #expect(verdicts(proxied) == verdicts(direct))
  }

  @Test func verifyCallsAFailedProxyUnknownNeverUndeliverable() throws {
    let closed = try LoopbackListener.closedPort()
    let result = try RunBinary.run([
      "verify", "alice@probe.test", "--server", try Self.postfix(), "--helo",
      "client.probe.test", "--proxy", "socks5://127.0.0.1:\(closed)", "--json",
    ])
    #expect(result.status == 3)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["verdict"] as? String == "unknown")
    #expect(object["reason"] as? String == "proxy-failed")
    #expect((object["proxy_failure"] as? String)?.hasPrefix("proxy unreachable: ") == true)
  }

  @Test func checkIsUnknownWhenTheProxyFails() throws {
    let closed = try LoopbackListener.closedPort()
    let result = try RunBinary.run([
      "check", "--server", try Self.postfix(), "--helo", "client.probe.test", "--format",
      "nagios", "--proxy", "socks5://127.0.0.1:\(closed)",
    ])
    #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.hasPrefix("SMTP UNKNOWN"), "\(result.stdout)")
    #expect(result.stdout.contains("proxy unreachable"))
  }
}

/// `--proxy` against SOCKS5 peers that misbehave, in this process, on ephemeral ports.
@Suite struct HostileProxyTests {
  static let mx = "127.0.0.1:25"

  @Test func aSilentProxyIsUnreachableWithinTheConnectTimeout() throws {
    let proxy = try HostileSMTPServer([.holdOpen])
    let result = try ProbeRun.run([
      "--server", Self.mx, "--connect-timeout", "1", "--proxy", "socks5://127.0.0.1:\(proxy.port)",
    ])
    #expect(result.status == 3)
    #expect(
      result.stdout.contains(
        "proxy unreachable: 127.0.0.1:\(proxy.port) did not answer the method selection within"
          + " 1 s"), "\(result.stdout)")
    #expect(!result.stdout.contains("blocked"))
    #expect(proxy.waitUntilIdle())
  }

  @Test func aProxyThatAnswersHTTPDoesNotSpeakSOCKS5() throws {
    let proxy = try HostileSMTPServer([.send("HTTP/1.1 400 Bad Request\r\n\r\n")])
    let result = try ProbeRun.run([
      "--server", Self.mx, "--proxy", "socks5://127.0.0.1:\(proxy.port)",
    ])
    #expect(result.status == 3)
    #expect(
      result.stdout.contains(
        "proxy failed: 127.0.0.1:\(proxy.port) does not speak SOCKS5: its reply to the method"
          + " selection starts 0x48 0x54"), "\(result.stdout)")
    #expect(proxy.waitUntilIdle())
  }

  @Test func replyCode5NamesTheDestinationHop() throws {
    // Method "no authentication", then CONNECT answered with REP 0x05 (RFC 1928 6).
    let proxy = try HostileSMTPServer([
      .send("\u{05}\u{00}"), .send("\u{05}\u{05}\u{00}\u{01}\0\0\0\0\0\0"),
    ])
    let result = try ProbeRun.run([
      "--server", Self.mx, "--proxy", "socks5://127.0.0.1:\(proxy.port)", "--json",
    ])
    #expect(result.status == 3)
    let json = try ProbeRun.json(result)
    let failures = try #require(json["connect_failures"] as? [[String: Any]])
    #expect(failures.first?["address"] as? String == "127.0.0.1")
    #expect(failures.first?["proxy_hop"] as? String == "destination")
    #expect(
      failures.first?["error"] as? String
        == "the proxy 127.0.0.1:\(proxy.port) could not reach the host: connection refused by"
        + " destination host (SOCKS5 reply 0x05)")
    #expect(proxy.waitUntilIdle())
  }

  @Test func theGreetingSentWithTheConnectReplyIsLeftForTheSession() throws {
    // The proxy's replies and the server's greeting arrive in one segment: the SOCKS5 reply
    // is read to its exact length (RFC 1928 6), so the greeting is still there for SMTP.
    let proxy = try HostileSMTPServer([
      .send("\u{05}\u{00}"),
      .send("\u{05}\u{00}\u{00}\u{01}\u{7F}\0\0\u{01}\0\u{19}220 peer.test ESMTP\r\n"),
      .reply { _ in "250 peer.test" }, .reply { _ in "221 bye" },
    ])
    let result = try ProbeRun.run([
      "--server", Self.mx, "--quit-after", "ehlo", "--proxy", "socks5://127.0.0.1:\(proxy.port)",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("<- 220 peer.test ESMTP\n"))
    #expect(result.stdout.contains("<- 250 peer.test\n"))
    #expect(proxy.waitUntilIdle())
  }

  @Test func usageErrorsAreOneLineBeforeAnyConnection() throws {
    let probe = try RunBinary.run([
      "probe", "--server", Self.mx, "--proxy", "socks5://u\u{1B}[31m@127.0.0.1:1080",
    ])
    #expect(probe.status == 64)
    #expect(
      probe.stderrLines == [
        "smtpprobe: invalid --proxy: the user name contains the control character \\u{1B}"
      ], "\(probe.stderr)")
    #expect(!probe.stderr.contains("\u{1B}"))
    let check = try RunBinary.run([
      "check", "--server", Self.mx, "--proxy", "socks5://127.0.0.1:0",
    ])
    #expect(check.status == 3)
    #expect(check.stderrLines.count == 1)
    let noPassword = try RunBinary.run([
      "verify", "a@probe.test", "--server", Self.mx, "--proxy", "socks5://me@127.0.0.1:1080",
    ])
    #expect(noPassword.status == 64)
    #expect(
      noPassword.stderrLines.count == 1
        && noPassword.stderr.contains("needs the password in SMTPPROBE_PROXY_PASSWORD"))
  }
}
