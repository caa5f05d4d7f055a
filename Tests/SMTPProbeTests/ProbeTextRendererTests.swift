import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

@Suite struct ProbeTextRendererTests {
  static func session() -> SessionResult {
    let script: [ScriptedTransport.Item] = [
      .delay(12), .server("220 mx.probe.test ESMTP\r\n"),
      .client("EHLO probe.test\r\n"), .delay(2),
      .server("250-mx.probe.test\r\n250-PIPELINING\r\n250 SIZE 1000\r\n"),
      .client("MAIL FROM:<>\r\nRCPT TO:<nobody@y.test>\r\nRSET\r\nQUIT\r\n"), .delay(3),
      .server(
        "250 2.1.0 Ok\r\n550 5.1.1 <nobody@y.test>: Recipient address rejected: User unknown\r\n250 Ok\r\n221 Bye\r\n"
      ),
      .close,
    ]
    let clock = FakeClock()
    let transport = ScriptedTransport(script, clock: clock)
    let plan = DialoguePlan(ehloName: "probe.test", recipients: [Address(valid: "nobody@y.test")])
    var result = SessionDriver(plan: plan, clock: clock).run(over: transport)
    result.host = "mx.probe.test"
    result.address = "127.0.0.1"
    result.port = 2525
    result.connectMilliseconds = 1
    return result
  }

  @Test func rendersTranscriptDiagnosesAndVerdict() {
    let session = Self.session()
    let outcome = ProbeOutcome(
      target: "mx.probe.test",
      attempts: [
        HostAttempt(host: "mx.probe.test", port: 2525, session: session, verdict: session.verdict)
      ], verdict: session.verdict)
    let text = ProbeTextRenderer(color: false, now: UnixTime(seconds: 1_700_000_000)).render(
      outcome)
    #expect(text.hasPrefix("probe mx.probe.test\n"))
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("session mx.probe.test (127.0.0.1) port 2525\n"))
    #expect(text.contains("[   12 ms] <- 220 mx.probe.test ESMTP\n"))
    #expect(text.contains("[   12 ms] -> EHLO probe.test\n"))
    #expect(text.contains("capabilities: PIPELINING, SIZE 1000\n"))
    #expect(
      text.contains(
        "[   17 ms] <- 550 5.1.1 <nobody@y.test>: Recipient address rejected: User unknown\n"))
    // The timings wrap at 80 columns.
    #expect(
      text.contains(
        "timings: connect 1 ms, greeting 12 ms, EHLO 2 ms, MAIL 3 ms, RCPT 3 ms,\n"
          + "  RSET 3 ms, QUIT 3 ms, total 17 ms; 2 round trips (pipelined)"))
    #expect(text.hasSuffix("(exit 1)\n"))
    #expect(
      text.contains("verdict: permanent-failure — RCPT TO:<nobody@y.test> refused: 550 5.1.1"))
    // The 550 gets more than its summary: the lines under it are indented deeper.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let index = lines.firstIndex { $0.hasPrefix("[   17 ms] <- 550") }
    #expect(index != nil)
    if let index {
      #expect(lines[index + 1].hasPrefix("             "))
    }
  }

  @Test func colourOnlyWhenAsked() {
    let text = ProbeTextRenderer(color: true, now: UnixTime(seconds: 1_700_000_000)).render(
      Self.session())
    #expect(text.contains("\u{1B}[31m"))
    #expect(text.contains("\u{1B}[32m"))
  }
}

extension ProbeTextRendererTests {
  @Test func showsTLSAndTheCapabilityChange() {
    let script: [ScriptedTransport.Item] = [
      .server("220 mx.probe.test ESMTP\r\n"),
      .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n250-STARTTLS\r\n250 SIZE\r\n"),
      .client("STARTTLS\r\n"), .server("220 2.0.0 Ready to start TLS\r\n"), .tls,
      .client("EHLO probe.test\r\n"),
      .server("250-mx.probe.test\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE\r\n"),
      .client("QUIT\r\n"), .server("221 Bye\r\n"), .close,
    ]
    let clock = FakeClock()
    let transport = ScriptedTransport(script, clock: clock)
    let plan = DialoguePlan(ehloName: "probe.test", quitAfter: .starttls, tls: .require)
    let result = SessionDriver(plan: plan, clock: clock, tls: FakeTLS()).run(over: transport)
    let text = ProbeTextRenderer(now: UnixTime(seconds: 1_700_000_000)).render(result)
    #expect(text.contains("capabilities: STARTTLS, SIZE\n"))
    #expect(text.contains("TLS: TLSv1.3, TLS_AES_256_GCM_SHA384\n"))
    #expect(text.contains("capabilities after STARTTLS: +AUTH PLAIN LOGIN, -STARTTLS\n"))
    #expect(
      text.contains(
        "verdict: ok — every reply was positive; stopped after starttls as asked (exit 0)"))
  }
}

extension ProbeTextRendererTests {
  @Test func serverControlCharactersCannotReachTheTerminal() {
    let script: [ScriptedTransport.Item] = [
      .server("220 mx \u{1B}]0;owned\u{07}\u{1B}[2J ESMTP\r\n"), .client("QUIT\r\n"),
      .server("221 Bye\r\n"), .close,
    ]
    let clock = FakeClock()
    let transport = ScriptedTransport(script, clock: clock)
    let plan = DialoguePlan(ehloName: "probe.test", quitAfter: .greeting)
    let result = SessionDriver(plan: plan, clock: clock).run(over: transport)
    let text = ProbeTextRenderer(color: false, now: UnixTime(seconds: 1_700_000_000)).render(result)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(text.contains("<- 220 mx \\x1B]0;owned\\x07\\x1B[2J ESMTP\n"))
  }
}

extension ProbeTextRendererTests {
  static let phraseCases: [(name: String, text: String, pieces: [String])] = [
    ("short parenthesis whole", "to 2035 (12 days left)", ["to", "2035", "(12 days left)"]),
    ("one-word parenthesis", "sha256 (RSA) key", ["sha256", "(RSA)", "key"]),
    (
      "long parenthesis split", "file (CA file /a/very/long/path/to/the/ca.crt)",
      ["file", "(CA", "file", "/a/very/long/path/to/the/ca.crt)"]
    ),
    ("unclosed parenthesis", "a (b c", ["a", "(b", "c"]),
  ]

  @Test(arguments: phraseCases.indices) func certificateLinesBreakBetweenPhrases(_ index: Int) {
    let testCase = Self.phraseCases[index]
    #expect(ProbeTextRenderer.phrases(testCase.text) == testCase.pieces, "\(testCase.name)")
  }
}
