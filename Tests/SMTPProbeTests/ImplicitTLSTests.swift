import Synchronization
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// TLS on connect (`--tls-on-connect`, RFC 8314 3.3) before any SMTP.
@Suite struct ImplicitTLSTests {
  /// A handshake that remembers the deadline it was given, then does what `FakeTLS` does.
  final class RecordingTLS: TLSUpgrading, Sendable {
    let deadlines = Mutex<[Deadline]>([])

    func upgrade(_ transport: any Transport, serverName: String, deadline: Deadline) throws
      -> (any Transport, TLSReport)
    {
      deadlines.withLock { $0.append(deadline) }
      return try FakeTLS().upgrade(transport, serverName: serverName, deadline: deadline)
    }
  }

  @Test func theHandshakeIsBoundedByTimeoutNotConnectTimeout() {
    let connector = FakeConnector(["127.0.0.9": .script([.tls, .close])])
    let tls = RecordingTLS()
    let runner = ProbeRunner(connector: connector, resolver: nil, tls: tls, clock: connector.clock)
    var request = ProbeRunnerTests.request(.server(host: "127.0.0.9", port: 465))
    request.tls.onConnect = true
    request.connectTimeout = 15
    request.plan.timeout = 7
    request.plan.quitAfter = .connect
    let start = connector.clock.nowNanoseconds()
    let outcome = runner.run(request)
    #expect(outcome.exitCode == 0)
    #expect(tls.deadlines.withLock { $0 } == [Deadline(nanoseconds: start + 7_000_000_000)])
    // --quit-after connect ends right after the handshake: nothing is read or sent.
    #expect(outcome.sessions.first?.transcript.entries.isEmpty == true)
  }
}
