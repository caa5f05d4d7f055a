import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `probe`'s text output streams as the session happens; the verdict comes last.
@Suite struct LiveOutputTests {
  /// Reads `pipe` until `text` has been printed; everything read so far.
  static func read(_ pipe: Pipe, until text: String) -> String {
    var output = Data()
    while !String(decoding: output, as: UTF8.self).contains(text) {
      let chunk = pipe.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      output.append(chunk)
    }
    return String(decoding: output, as: UTF8.self)
  }

  static func start(_ port: Int, _ extra: [String]) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = try RunBinary.binaryURL()
    process.arguments =
      [
        "probe", "--server", "127.0.0.1:\(port)", "--helo", "client.probe.test", "--tls", "off",
        "--timeout", "15",
      ] + extra
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = Pipe()
    try process.run()
    return (process, stdout)
  }

  @Test func theGreetingIsPrintedBeforeTheServerAnswersEHLO() throws {
    // The server holds its EHLO reply until the test has read the greeting from the probe's
    // stdout: a probe that printed only at the end would time out waiting for it (exit 3).
    let greetingRead = DispatchSemaphore(value: 0)
    let server = try HostileSMTPServer([
      .send("220 live.test ESMTP\r\n"),
      .reply { _ in
        greetingRead.wait()
        return "250 live.test"
      },
      .reply { _ in "221 bye" },
    ])
    let (process, stdout) = try Self.start(server.port, ["--quit-after", "ehlo"])
    let early = Self.read(stdout, until: "<- 220 live.test ESMTP\n")
    greetingRead.signal()
    #expect(early.contains("<- 220 live.test ESMTP\n"))
    #expect(!early.contains("verdict:"))
    let rest = String(
      decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let all = early + rest
    #expect(process.terminationStatus == 0, "\(all)")
    // Each line once, in session order, the verdict last.
    #expect(all.components(separatedBy: "<- 220 live.test ESMTP\n").count == 2, "\(all)")
    #expect(all.components(separatedBy: "-> EHLO client.probe.test\n").count == 2)
    #expect(all.hasPrefix("probe 127.0.0.1:\(server.port)\n"), "\(all)")
    let last = all.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasPrefix("verdict: ok"), "\(all)")
  }

  @Test func aSignalKeepsWhatWasPrintedQuitsAndEndsWithTheVerdict() throws {
    let server = try ScriptedServer(script: RunLimitTests.silentAfterGreeting)
    let (process, stdout) = try Self.start(server.port, [])
    // The EHLO line on stdout means the probe is now waiting for its reply.
    let early = Self.read(stdout, until: "-> EHLO client.probe.test\n")
    kill(process.processIdentifier, SIGINT)
    let rest = String(
      decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let all = early + rest
    #expect(process.terminationStatus == 130, "\(all)")
    #expect(early.contains("<- 220 scripted.test ESMTP\n"))
    #expect(rest.contains("-> QUIT\n"), "\(all)")
    #expect(all.components(separatedBy: "-> EHLO client.probe.test\n").count == 2)
    let last = all.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasPrefix("verdict: incomplete"), "\(all)")
    #expect(last.contains("interrupted"), "\(all)")
  }
}
