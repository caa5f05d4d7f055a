import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// What a reply cut off by the timeout says about the port.
@Suite struct PartialReplyTests {
  typealias Runner = ProbeRunnerTests

  static func outcome(_ bytes: String?) -> ProbeOutcome {
    let items: [ScriptedTransport.Item] = (bytes.map { [.server($0)] } ?? []) + [.timeout]
    let connector = FakeConnector(["127.0.0.9": .script(items)])
    return Runner.runner(connector).run(
      Runner.request(.server(host: "127.0.0.9", port: 2525), port: 2525))
  }

  @Test func aGreetingCutByTheTimeoutIsKeptAndMarked() throws {
    let outcome = Self.outcome("220-mx.probe.test slow\r\n220 mx.pro")
    let session = try #require(outcome.sessions.first)
    #expect(session.transcript.partialLines == ["220-mx.probe.test slow", "220 mx.pro"])
    #expect(outcome.exitCode == 3)
    // SMTP-looking bytes: a slow server, not SMTPS.
    #expect(outcome.advice == [.greetingCutOff(host: nil)])
    let text = ProbeTextRenderer(now: UnixTime(seconds: 1_700_000_000)).render(outcome)
    #expect(text.contains("<- 220 mx.pro [partial reply]\n"))
    let json = ProbeJSONRenderer(now: UnixTime(seconds: 1_700_000_000)).jsonValue(outcome)
    #expect(json.pretty.contains("\"partial\": true"))
  }

  @Test func tlsBytesPointAtSMTPS() {
    let outcome = Self.outcome("\u{16}\u{03}\u{01}\u{00}")
    #expect(outcome.advice == [.maybeSMTPS(host: nil, port: 2525)])
  }

  @Test func silenceAdvisesAsBefore() {
    let outcome = Self.outcome(nil)
    #expect(outcome.sessions.first?.transcript.partialLines == [])
    #expect(
      outcome.advice == [.maybeSMTPS(host: nil, port: 2525), .greetingMayBeLate(host: nil)])
  }
}
