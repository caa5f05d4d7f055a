import Foundation
import Testing

/// The whole-run limit (`--max-time`) and signals during a probe: both end the run early,
/// keep what was seen and say where it stopped.
@Suite struct RunLimitTests {
  /// A server that answers each command 1.5 s late: inside a 2 s `--timeout`, so only the
  /// whole-run limit can cut it short.
  static let slowServer = """
    send 220 scripted.test ESMTP
    expect EHLO
    delay 1500
    send 250 scripted.test
    expect MAIL
    delay 1500
    send 250 2.1.0 ok
    expect RCPT
    delay 1500
    send 250 2.1.5 ok
    expect RSET
    delay 1500
    send 250 ok
    expect QUIT
    send 221 bye
    """

  @Test func maxTimeCutsASessionOfSlowRepliesAndNamesTheStep() throws {
    let server = try ScriptedServer(script: Self.slowServer)
    let start = Date()
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(server.port)", "--from", "a@probe.test", "--to", "b@probe.test",
      "--tls", "off", "--timeout", "2", "--max-time", "2.5",
    ])
    let elapsed = Date().timeIntervalSince(start)
    // Without the limit this run takes four slow replies (6 s) and exits 0.
    #expect(result.status == 3, "\(result.stdout)")
    #expect(elapsed < 5, "took \(elapsed) s")
    #expect(
      result.stdout.contains("--max-time 2.5 s reached while waiting for the reply to MAIL FROM"),
      "\(result.stdout)")
    // What was seen before the cut is kept.
    #expect(result.stdout.contains("250 scripted.test"))
  }

  @Test func maxTimeKeepsTheJSONValidAndTheTranscript() throws {
    let server = try ScriptedServer(script: Self.slowServer)
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(server.port)", "--from", "a@probe.test", "--to", "b@probe.test",
      "--tls", "off", "--timeout", "2", "--max-time", "2.5", "--json",
    ])
    #expect(result.status == 3)
    let json = try ProbeRun.json(result)
    #expect(json["interrupted"] as? Bool == false)
    #expect(ProbeRun.sent(json).first?.hasPrefix("EHLO") == true)
    let summary = (json["verdict"] as? [String: Any])?["summary"] as? String ?? ""
    #expect(summary.contains("MAIL FROM"), "\(summary)")
  }

  /// A server that greets and then never answers EHLO: it waits for a NOOP nobody sends,
  /// logging every line it reads meanwhile.
  static let silentAfterGreeting = """
    send 220 scripted.test ESMTP
    expect EHLO
    expect NOOP
    send 250 ok
    """

  /// Starts the probe, waits until the server has the EHLO, then sends `signal`.
  static func interrupt(with signal: Int32) throws -> (RunResult, TimeInterval, ScriptedServer) {
    let server = try ScriptedServer(script: silentAfterGreeting)
    let process = Process()
    process.executableURL = try RunBinary.binaryURL()
    process.arguments = [
      "probe", "--server", "127.0.0.1:\(server.port)", "--helo", "client.probe.test",
      "--tls", "off", "--timeout", "15", "--json",
    ]
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = Pipe()
    let start = Date()
    try process.run()
    // Poll the server's log (bounded), not the clock: the probe is waiting once EHLO is in.
    var waited = 0
    while !server.clientLines().contains(where: { $0.hasPrefix("EHLO") }), waited < 2000 {
      usleep(5000)
      waited += 1
    }
    kill(process.processIdentifier, signal)
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let result = RunResult(
      status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
      stderr: "")
    return (result, Date().timeIntervalSince(start), server)
  }

  @Test(arguments: zip([SIGINT, SIGTERM, SIGHUP], [Int32(130), 143, 129]))
  func aSignalWhileWaitingEndsTheRunWithWhatWasSeen(signal: Int32, status: Int32) throws {
    let (result, elapsed, server) = try Self.interrupt(with: signal)
    // Without the signal wired, the probe waits out its 15 s --timeout (or dies printing nothing).
    #expect(result.status == status, "\(result.stdout)")
    #expect(elapsed < 8, "took \(elapsed) s")
    let json = try ProbeRun.json(result)
    #expect(json["interrupted"] as? Bool == true)
    let sent = ProbeRun.sent(json)
    #expect(sent.first?.hasPrefix("EHLO") == true)
    #expect(sent.last == "QUIT", "\(sent)")
    // The server got the QUIT (its log is written as it reads; poll it, bounded).
    var polls = 0
    while !server.clientLines().contains("QUIT"), polls < 400 {
      usleep(5000)
      polls += 1
    }
    #expect(server.clientLines().contains("QUIT"), "\(server.clientLines())")
  }
}
