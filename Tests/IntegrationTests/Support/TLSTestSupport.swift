import Foundation

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// The TLS and AUTH Postfix instance of `Scripts/servers/postfix-tls.sh`, from the
/// `SMTPPROBE_TEST_*` variables (process environment first, then `.test-servers/env`).
struct TLSTestServers: Sendable {
  var starttlsPort: UInt16
  var implicitPort: UInt16
  var expiredPort: UInt16
  var wrongHostPort: UInt16
  var selfSignedPort: UInt16
  var legacyPort: UInt16
  var caFile: String
  var hostName: String
  var user: String
  var password: String

  /// The running servers, or nil when they are not configured or not answering.
  static let current: TLSTestServers? = load()

  /// In CI a missing server fails the tests; elsewhere they are skipped.
  static var enabled: Bool { current != nil || isCI }

  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// The servers, or a recorded failure (only reached in CI, see `enabled`).
  static func require() throws -> TLSTestServers {
    guard let current else { throw TestSupportError.serversMissing }
    return current
  }

  private static func load() -> TLSTestServers? {
    let env = environment()
    func port(_ name: String) -> UInt16? { env[name].flatMap { UInt16($0) } }
    guard let starttls = port("SMTPPROBE_TEST_TLS_PORT"),
      let implicit = port("SMTPPROBE_TEST_TLS_IMPLICIT_PORT"),
      let expired = port("SMTPPROBE_TEST_TLS_EXPIRED_PORT"),
      let wrongHost = port("SMTPPROBE_TEST_TLS_WRONGHOST_PORT"),
      let selfSigned = port("SMTPPROBE_TEST_TLS_SELFSIGNED_PORT"),
      let legacy = port("SMTPPROBE_TEST_TLS_LEGACY_PORT"),
      let caFile = env["SMTPPROBE_TEST_TLS_CAFILE"],
      let user = env["SMTPPROBE_TEST_AUTH_USER"],
      let passwordFile = env["SMTPPROBE_TEST_AUTH_PASSWORD_FILE"],
      let password = try? String(contentsOfFile: passwordFile, encoding: .utf8)
    else { return nil }
    guard let fd = try? TestSocket.connect(port: starttls) else { return nil }
    Glibc.close(fd)
    return TLSTestServers(
      starttlsPort: starttls, implicitPort: implicit, expiredPort: expired,
      wrongHostPort: wrongHost, selfSignedPort: selfSigned, legacyPort: legacy, caFile: caFile,
      hostName: env["SMTPPROBE_TEST_TLS_HOSTNAME"] ?? "mx.probe.test", user: user,
      password: password.trimmingCharacters(in: .newlines))
  }

  private static func environment() -> [String: String] {
    var values: [String: String] = [:]
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = root.appendingPathComponent(".test-servers/env")
    if let text = try? String(contentsOf: file, encoding: .utf8) {
      for line in text.split(separator: "\n") {
        guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
        values[String(line[..<equals])] = String(line[line.index(after: equals)...])
      }
    }
    for (key, value) in ProcessInfo.processInfo.environment where key.hasPrefix("SMTPPROBE_TEST_") {
      values[key] = value
    }
    return values
  }
}

enum TestSupportError: Error, CustomStringConvertible {
  case serversMissing
  case system(String, Int32)
  case unexpectedReply(String)
  case closed

  var description: String {
    switch self {
    case .serversMissing:
      "the TLS test servers are not running (Scripts/servers/postfix-tls.sh start)"
    case .system(let call, let code): "\(call) failed: errno \(code)"
    case .unexpectedReply(let text): "unexpected reply: \(text)"
    case .closed: "the server closed the connection"
    }
  }
}

/// Tiny test-only TCP helpers over Glibc, for loopback only.
enum TestSocket {
  /// A blocking TCP connection to 127.0.0.1:`port`.
  static func connect(port: UInt16) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestSupportError.system("socket", errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      let code = errno
      Glibc.close(fd)
      throw TestSupportError.system("connect", code)
    }
    return fd
  }

  /// A listening socket on 127.0.0.1 with an ephemeral port.
  static func listen() throws -> (fd: Int32, port: UInt16) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestSupportError.system("socket", errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && Glibc.listen(fd, 4) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    guard bound else {
      let code = errno
      Glibc.close(fd)
      throw TestSupportError.system("bind/listen", code)
    }
    return (fd, UInt16(bigEndian: address.sin_port))
  }
}

/// A minimal plain transport over a connected socket, standing in for `SocketTransport`.
final class TestPlainTransport: FileDescriptorTransport {
  private var fd: Int32

  init(fd: Int32) { self.fd = fd }

  deinit { close() }

  func send(_ bytes: [UInt8], deadline: Deadline) throws(TransportError) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if sent < 0 {
        throw .system(call: "send", errno: errno, message: String(cString: strerror(errno)))
      }
      offset += sent
    }
  }

  func receive(deadline: Deadline) throws(TransportError) -> [UInt8] {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    guard poll(&entry, 1, deadline.remainingMilliseconds()) > 0 else {
      throw .timedOut(phase: "the server", seconds: 0)
    }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    if count < 0 {
      throw .system(call: "recv", errno: errno, message: String(cString: strerror(errno)))
    }
    return Array(buffer[0..<count])
  }

  func releaseDescriptor() -> Int32 {
    defer { fd = -1 }
    return fd
  }

  func close() {
    if fd >= 0 { Glibc.close(fd) }
    fd = -1
  }
}

/// Sends commands and reads replies over any transport, for hand-driven SMTP in tests.
struct TestSMTPClient {
  var transport: any Transport
  private var parser = ReplyParser()

  init(_ transport: any Transport) { self.transport = transport }

  /// The next complete reply.
  mutating func reply() throws -> Reply {
    while true {
      if let reply = try parser.next() { return reply }
      let bytes = try transport.receive(deadline: .after(seconds: 10))
      if bytes.isEmpty { throw TestSupportError.closed }
      parser.append(bytes)
    }
  }

  /// Sends `line` plus CRLF and reads the reply.
  mutating func command(_ line: String) throws -> Reply {
    try transport.send(Array((line + "\r\n").utf8), deadline: .after(seconds: 10))
    return try reply()
  }

  /// Sends a command and requires a reply with `code`.
  @discardableResult
  mutating func expect(_ line: String, _ code: Int) throws -> Reply {
    let reply = try command(line)
    guard reply.code == code else {
      throw TestSupportError.unexpectedReply("\(line) -> \(reply.code) \(reply.text)")
    }
    return reply
  }

  /// The EHLO keywords (first word of each line after the first), upper-cased.
  static func keywords(_ reply: Reply) -> [String] {
    reply.texts.dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
      .map { $0.uppercased() }
  }
}

/// Connects to the STARTTLS port, says EHLO, sends STARTTLS and upgrades with `configuration`.
func startTLS(
  port: UInt16, serverName: String, configuration: TLSConfiguration
) throws -> (client: TestSMTPClient, report: TLSReport, ehloBefore: Reply) {
  let plain = TestPlainTransport(fd: try TestSocket.connect(port: port))
  var client = TestSMTPClient(plain)
  let greeting = try client.reply()
  guard greeting.code == 220 else { throw TestSupportError.unexpectedReply(greeting.text) }
  let ehlo = try client.expect("EHLO probe.test", 250)
  try client.expect("STARTTLS", 220)
  let upgrader = OpenSSLUpgrader(configuration: configuration)
  let (tls, report) = try upgrader.upgrade(
    plain, serverName: serverName, deadline: .after(seconds: 10))
  return (TestSMTPClient(tls), report, ehlo)
}
