import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The binary against hostile surroundings: endless standard input, a full disk, signals,
/// and inputs refused before any connection is made.
@Suite struct CLISafetyTests {
  /// A finished run: how it ended and what it wrote to stderr.
  struct Ended {
    var reason: Process.TerminationReason
    var status: Int32
    var stderr: String
  }

  /// Runs the binary with the given standard streams and waits at most `limit` seconds; a run
  /// still going then is killed and reported as a failure.
  static func run(
    _ arguments: [String], stdin: Any? = nil, stdout: Any? = nil, limit: Double = 20,
    whileRunning: (Process) throws -> Void = { _ in }
  ) throws -> Ended {
    let process = Process()
    process.executableURL = try RunBinary.binaryURL()
    process.arguments = arguments
    process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
    // stderr goes to a file, not a pipe: a child another test starts at the same moment may
    // inherit a pipe's write end and hold its end-of-file back.
    let errorPath = NSTemporaryDirectory() + "smtpprobe-stderr-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errorPath) }
    let errors = try #require(FileHandle(forWritingAtPath: errorPath))
    defer { try? errors.close() }
    process.standardInput = stdin ?? FileHandle.nullDevice
    process.standardOutput = stdout ?? FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    try whileRunning(process)
    let deadline = Date().addingTimeInterval(limit)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      Issue.record("\(arguments) still ran after \(limit) s")
    }
    process.waitUntilExit()
    let text = String(
      decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self)
    return Ended(reason: process.terminationReason, status: process.terminationStatus, stderr: text)
  }

  // MARK: Bounded standard input

  @Test func endlessPipeIsCutAtTheLimit() throws {
    let yes = Process()
    yes.executableURL = URL(fileURLWithPath: "/usr/bin/yes")
    yes.arguments = ["550 5.1.1 user unknown"]
    let pipe = Pipe()
    yes.standardOutput = pipe
    try yes.run()
    defer {
      // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
      if yes.isRunning { kill(yes.processIdentifier, SIGKILL) }
      yes.waitUntilExit()
    }
    let ended = try Self.run(["explain", "-"], stdin: pipe.fileHandleForReading)
    #expect(ended.reason == .exit && ended.status == 64)
    #expect(
      ended.stderr
        == "smtpprobe: the text is over 1024 KiB; paste only the reply or the bounce message\n")
  }

  @Test func endlessZerosAreCutAtTheLimit() throws {
    let zero = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
    let ended = try Self.run(["explain", "-"], stdin: zero)
    #expect(ended.reason == .exit && ended.status == 64)
    #expect(ended.stderr.split(separator: "\n").count == 1)
  }

  // MARK: Output that cannot be written

  struct FullDiskCase: CustomTestStringConvertible, Sendable {
    var id: String
    var arguments: [String]
    var testDescription: String { id }
  }

  static let fullDiskCases: [FullDiskCase] = [
    FullDiskCase(id: "explain 550", arguments: ["explain", "550"]),
    FullDiskCase(id: "explain --json", arguments: ["explain", "--json", "421"]),
    FullDiskCase(id: "--version", arguments: ["--version"]),
    FullDiskCase(id: "--help", arguments: ["probe", "--help"]),
  ]

  @Test(arguments: fullDiskCases)
  func fullDiskExits74(_ c: FullDiskCase) throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let ended = try Self.run(c.arguments, stdout: full)
    #expect(ended.reason == .exit && ended.status == 74)
    #expect(ended.stderr == "smtpprobe: cannot write the output: No space left on device\n")
  }

  @Test func probeToAFullDiskExits74() throws {
    // Nothing listens: the probe ends at once with its report, which cannot be written.
    let port = try LoopbackListener.closedPort()
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let ended = try Self.run(
      ["probe", "--server", "127.0.0.1:\(port)", "--helo", "client.probe.test"], stdout: full)
    #expect(ended.reason == .exit && ended.status == 74)
    #expect(ended.stderr == "smtpprobe: cannot write the output: No space left on device\n")
  }

  // MARK: Signals

  struct SignalCase: CustomTestStringConvertible, Sendable {
    var name: String
    var number: Int32
    var testDescription: String { name }
  }

  static let signalCases: [SignalCase] = [
    SignalCase(name: "SIGINT", number: SIGINT), SignalCase(name: "SIGTERM", number: SIGTERM),
    SignalCase(name: "SIGHUP", number: SIGHUP), SignalCase(name: "SIGQUIT", number: SIGQUIT),
  ]

  /// A probe waiting for a greeting that never comes ends at the signal, with 128 + its number
  /// and no crash report, long before the 60 s greeting timeout.
  @Test(arguments: signalCases)
  func signalEndsAWaitingProbe(_ c: SignalCase) throws {
    let listener = try LoopbackListener()
    let started = Date()
    let ended = try Self.run(
      ["probe", "--server", "127.0.0.1:\(listener.port)", "--helo", "client.probe.test"],
      limit: 10
    ) { process in
      // Once the probe is connected, it is waiting for the greeting.
      let connection = try listener.accept()
      defer { close(connection) }
      kill(process.processIdentifier, c.number)
      process.waitUntilExit()
    }
    #expect(ended.reason == .exit && ended.status == 128 + c.number)
    #expect(!ended.stderr.contains("crashed"), "\(ended.stderr)")
    #expect(Date().timeIntervalSince(started) < 10)
  }

  // MARK: Refused before connecting

  /// Whether a connection waits in `listener`'s accept queue.
  static func hasPendingConnection(_ listener: LoopbackListener) -> Bool {
    var entry = pollfd(fd: listener.fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, 0) == 1
  }

  struct BeforeConnectCase: CustomTestStringConvertible, Sendable {
    var id: String
    var arguments: [String]
    var message: String
    var testDescription: String { id }
  }

  static let emptyCAFile: String = {
    let path = NSTemporaryDirectory() + "smtpprobe-ca-empty-\(getpid()).pem"
    _ = FileManager.default.createFile(atPath: path, contents: Data("not a certificate\n".utf8))
    return path
  }()

  static let brokenCAFile: String = {
    let path = NSTemporaryDirectory() + "smtpprobe-ca-broken-\(getpid()).pem"
    let text = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }()

  static let beforeConnectCases: [BeforeConnectCase] = [
    BeforeConnectCase(
      id: "CA file without a certificate", arguments: ["--cafile", emptyCAFile],
      message: "smtpprobe: cannot load CA file \(emptyCAFile): it holds no PEM certificate "
        + "(-----BEGIN CERTIFICATE-----) (--cafile)\n"),
    BeforeConnectCase(
      id: "CA file whose certificate does not parse", arguments: ["--cafile", brokenCAFile],
      message: "smtpprobe: cannot load CA file \(brokenCAFile): its first certificate does not "
        + "parse (--cafile)\n"),
    BeforeConnectCase(
      id: "SNI with CR LF", arguments: ["--sni", "mx.test\r\nQUIT"],
      message:
        "smtpprobe: TLS server name (--sni) \"mx.test\\r\\nQUIT\" contains the control "
        + "character CR; RFC 5321 allows none in a command (2.3.8, 4.1.2)\n"),
    BeforeConnectCase(
      id: "empty SNI", arguments: ["--sni", ""],
      message: "smtpprobe: TLS server name (--sni) is empty\n"),
    BeforeConnectCase(
      id: "300-octet SNI", arguments: ["--sni", String(repeating: "a.", count: 150) + "b"],
      message: "smtpprobe: TLS server name (--sni) \"\(String(repeating: "a.", count: 150))b\" "
        + "is not a host name: 301 octets, over 253 (RFC 1123 2.1)\n"),
    BeforeConnectCase(
      id: "huge timeout", arguments: ["--timeout", "1e300"],
      message: "smtpprobe: invalid value '1e300' for '--timeout': expected a number of seconds "
        + "above 0 and at most 86400 (one day)\n"),
    BeforeConnectCase(
      id: "timeout that overflows a deadline", arguments: ["--greeting-timeout", "18446744073"],
      message: "smtpprobe: invalid value '18446744073' for '--greeting-timeout': expected a "
        + "number of seconds above 0 and at most 86400 (one day)\n"),
  ]

  @Test(arguments: beforeConnectCases)
  func refusedBeforeConnecting(_ c: BeforeConnectCase) throws {
    let listener = try LoopbackListener()
    let result = try ProbeRun.run(
      ["--server", "127.0.0.1:\(listener.port)", "--tls", "require"] + c.arguments)
    #expect(result.status == 64, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr == c.message)
    #expect(result.stdout.isEmpty)
    #expect(!Self.hasPendingConnection(listener), "the probe connected")
  }

  @Test func legacyIPv4ServerIsNeverDialled() throws {
    let result = try ProbeRun.run(["--server", "0177.0.0.1:2525"])
    #expect(result.status == 64)
    #expect(
      result.stderr
        == "smtpprobe: server (--server) \"0177.0.0.1\" is not a dotted-quad IPv4 address: "
        + "write four decimal numbers 0-255 without leading zeros (RFC 6943 3.1.1)\n")
  }
}
