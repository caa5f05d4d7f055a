import Foundation
import Testing

/// `smtpprobe probe` with STARTTLS, implicit TLS, certificate faults and AUTH against the TLS
/// Postfix instance (Scripts/servers/postfix-tls.sh) and scripted-smtpd.
///
/// Every AUTH test checks that stdout and stderr, text and `--json`, hold neither the password
/// nor any base64 form of it.
@Suite(
  .enabled(
    if: TLSTestServers.enabled, "the TLS Postfix is not running (Scripts/test-servers start)"))
struct ProbeTLSAuthTests {
  static func servers() throws -> TLSTestServers { try TLSTestServers.require() }

  static func server(_ port: UInt16) -> String { "127.0.0.1:\(port)" }

  /// The password and every base64 form that could carry it.
  static func secretForms(user: String, password: String) -> [String] {
    func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
    let login = base64(password)
    var forms = [password, base64("\0\(user)\0\(password)"), login]
    let unpadded = String(login.prefix { $0 != "=" })
    if unpadded.count >= 8 { forms.append(unpadded) }
    return forms
  }

  static func expectNoSecret(
    _ result: RunResult, user: String, password: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for form in secretForms(user: user, password: password) {
      #expect(
        !result.stdout.contains(form), "stdout holds a form of the password: \(form)",
        sourceLocation: sourceLocation)
      #expect(
        !result.stderr.contains(form), "stderr holds a form of the password: \(form)",
        sourceLocation: sourceLocation)
    }
  }

  /// Writes `password` and a newline to a fresh file; the caller removes it.
  static func passwordFile(_ password: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("smtpprobe-pw-\(UUID().uuidString)")
    try Data((password + "\n").utf8).write(to: url)
    return url
  }

  // MARK: STARTTLS and certificates

  @Test func startTLSWithTheTestCAIsTrustedAndShowsTheCertificate() throws {
    let s = try Self.servers()
    let result = try ProbeRun.run([
      "--server", Self.server(s.starttlsPort), "--cafile", s.caFile, "--tls", "require",
      "--to", "alice@probe.test",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let text = result.stdout
    #expect(text.contains("-> STARTTLS\n"))
    #expect(text.contains("TLS: TLSv1.3, TLS_"))
    #expect(text.contains("subject: CN = mx.probe.test, O = smtpprobe tests"))
    #expect(text.contains("issuer: O = smtpprobe tests, CN = smtpprobe Test CA"))
    #expect(text.contains("names: DNS:mx.probe.test, DNS:localhost, IP:127.0.0.1"))
    #expect(text.contains(" days left)"))
    // Certificate lines wrap at 80 columns: the long CA path goes on a line of its own.
    #expect(text.contains("verification: trusted for 127.0.0.1 (CA file"))
    #expect(text.contains(" \(s.caFile))\n"))
    // RFC 3207 4.2: EHLO again after TLS; Postfix offers AUTH only then (smtpd_tls_auth_only).
    #expect(text.components(separatedBy: "-> EHLO client.probe.test\n").count == 3)
    #expect(text.contains("capabilities after STARTTLS: +AUTH "))
    #expect(text.contains("-STARTTLS"))
    #expect(text.contains("verdict: ok"))
  }

  @Test func theJSONCarriesTheTLSReport() throws {
    let s = try Self.servers()
    let result = try ProbeRun.run([
      "--server", Self.server(s.starttlsPort), "--cafile", s.caFile, "--to", "alice@probe.test",
      "--json",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let json = try ProbeRun.json(result)
    let session = try #require(ProbeRun.sessions(json).first)
    let tls = try #require(session["tls"] as? [String: Any])
    #expect((tls["version"] as? String)?.hasPrefix("TLSv1.") == true)
    #expect((tls["cipher"] as? String)?.isEmpty == false)
    let chain = try #require(tls["chain"] as? [[String: Any]])
    #expect((chain.first?["days_left"] as? Int ?? 0) > 0)
    #expect((chain.first?["sans"] as? [String])?.contains("DNS:mx.probe.test") == true)
    let verification = try #require(tls["verification"] as? [String: Any])
    #expect(verification["trusted"] as? Bool == true)
    #expect(verification["expected_name"] as? String == "127.0.0.1")
  }

  @Test func withoutTheCAFileTheUnknownCAIsAWarning() throws {
    let s = try Self.servers()
    let result = try ProbeRun.run([
      "--server", Self.server(s.starttlsPort), "--sni", "mx.probe.test",
      "--to", "alice@probe.test",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("NOT trusted for mx.probe.test (the system CA store)"))
    #expect(result.stdout.contains(" [warning]\n"))
    #expect(result.stdout.contains("unknown-ca: The certificate was not issued by a CA"))
    #expect(result.stdout.contains("fix: Configure the MTA to send the full chain"))
    #expect(result.stdout.contains("-> RCPT TO:<alice@probe.test>"))
  }

  @Test func tlsVerifyMakesAnUntrustedCertificateAnError() throws {
    let s = try Self.servers()
    let result = try ProbeRun.run([
      "--server", Self.server(s.starttlsPort), "--tls-verify", "--to", "alice@probe.test",
    ])
    #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
    // The handshake is refused, yet the certificate and the fix are still shown.
    #expect(result.stdout.contains("names: DNS:mx.probe.test, DNS:localhost, IP:127.0.0.1"))
    #expect(result.stdout.contains("NOT trusted for 127.0.0.1 (the system CA store)"))
    #expect(result.stdout.contains(" [error]\n"))
    #expect(result.stdout.contains("fix: Configure the MTA to send the full chain"))
    #expect(!result.stdout.contains("-> MAIL FROM"))
    #expect(
      result.stdout.contains(
        "verdict: incomplete — the TLS certificate is not trusted for 127.0.0.1 (unknown-ca) "
          + "and --tls-verify makes that an error; stopped before MAIL (exit 3)"))
  }

  struct FaultCase: CustomTestStringConvertible, Sendable {
    var id: String
    var port: KeyPath<TLSTestServers, UInt16> & Sendable
    var extra: [String]
    var expected: [String]
    var testDescription: String { id }
  }

  static let faultCases: [FaultCase] = [
    FaultCase(
      id: "expired", port: \.expiredPort, extra: ["--cafile"],
      expected: [
        "expired: The certificate has expired", "fix: Renew the certificate",
        "(expired 2", "to 2021-01-01",
      ]),
    FaultCase(
      id: "wrong host", port: \.wrongHostPort, extra: ["--cafile", "--sni", "mx.probe.test"],
      expected: [
        "hostname-mismatch: The certificate is for wrong.example.test,", "not for mx.probe.test.",
        "fix: Install a certificate whose subject alternative names", "include mx.probe.test",
      ]),
    FaultCase(
      id: "self-signed", port: \.selfSignedPort, extra: [],
      expected: [
        "(self-signed)", "self-signed: The certificate is self-signed",
        "fix: Install a certificate from a public CA",
      ]),
    FaultCase(
      id: "TLS 1.0 only", port: \.legacyPort, extra: ["--cafile"],
      expected: ["TLS: TLSv1, ", "TLSv1 is deprecated (RFC 8996)"]),
  ]

  @Test(arguments: faultCases)
  func eachCertificateFaultIsNamedWithAFix(_ c: FaultCase) throws {
    let s = try Self.servers()
    var arguments = ["--server", Self.server(s[keyPath: c.port]), "--to", "alice@probe.test"]
    for option in c.extra {
      arguments.append(option)
      if option == "--cafile" { arguments.append(s.caFile) }
    }
    let result = try ProbeRun.run(arguments)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    for text in c.expected {
      #expect(result.stdout.contains(text), "missing \(text) in\n\(result.stdout)")
    }
    let strict = try ProbeRun.run(arguments + ["--tls-verify"])
    let deprecatedOnly = c.id == "TLS 1.0 only"
    #expect(strict.status == (deprecatedOnly ? 0 : 3), "\(strict.stdout)\(strict.stderr)")
  }

  @Test func implicitTLSOnConnect() throws {
    let s = try Self.servers()
    let result = try ProbeRun.run([
      "--server", Self.server(s.implicitPort), "--tls-on-connect", "--cafile", s.caFile,
      "--to", "alice@probe.test",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("TLS on connect: TLSv1.3"))
    #expect(result.stdout.contains("verification: trusted for 127.0.0.1"))
    #expect(!result.stdout.contains("-> STARTTLS"))
    #expect(result.stdout.contains("AUTH"))
    let strict = try ProbeRun.run([
      "--server", Self.server(s.implicitPort), "--tls-on-connect", "--tls-verify",
      "--to", "alice@probe.test",
    ])
    #expect(strict.status == 3, "\(strict.stdout)\(strict.stderr)")
    #expect(strict.stdout.contains("TLS on connect: TLSv1.3"))
    #expect(strict.stdout.contains("unknown-ca: The certificate was not issued by a CA"))
    #expect(!strict.stdout.contains("-> EHLO"))
  }

  @Test(arguments: PasswordSource.allCases)
  func implicitTLSAuthenticates(_ source: PasswordSource) throws {
    let s = try Self.servers()
    for json in [false, true] {
      var arguments = [
        "--server", Self.server(s.implicitPort), "--tls-on-connect", "--cafile", s.caFile,
        "--quit-after", "auth",
      ]
      if json { arguments.append("--json") }
      let result = try Self.probeWithAuth(
        arguments, user: s.user, password: s.password, source: source)
      #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
      if !json { #expect(result.stdout.contains("-> AUTH PLAIN <redacted>")) }
      Self.expectNoSecret(result, user: s.user, password: s.password)
    }
  }

  @Test func tlsRequireWithoutSTARTTLSStopsBeforeMAIL() throws {
    let server = try ScriptedServer(
      script: """
        send 220 plain.test ESMTP
        expect EHLO
        send 250-plain.test
        send 250 8BITMIME
        expect QUIT
        send 221 2.0.0 bye
        """)
    defer { server.stop() }
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(server.port)", "--tls", "require", "--to", "alice@probe.test",
    ])
    #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("does not offer STARTTLS"))
    #expect(server.clientLines() == ["EHLO client.probe.test", "QUIT"])
  }

  // MARK: AUTH

  enum PasswordSource: String, CaseIterable, Sendable {
    case file, environment, standardInput, fifo
  }

  struct AuthCase: CustomTestStringConvertible, Sendable {
    var mechanism: String
    var source: PasswordSource
    var json: Bool
    var testDescription: String { "\(mechanism) \(source.rawValue)\(json ? " json" : "")" }
  }

  static let authCases: [AuthCase] = ["PLAIN", "LOGIN", "CRAM-MD5"].flatMap { mechanism in
    PasswordSource.allCases.flatMap { source in
      [false, true].map { AuthCase(mechanism: mechanism, source: source, json: $0) }
    }
  }

  /// Runs a probe with `--auth-user` and the password from `source`.
  static func probeWithAuth(
    _ arguments: [String], user: String, password: String, source: PasswordSource
  ) throws -> RunResult {
    switch source {
    case .file:
      let file = try passwordFile(password)
      defer { try? FileManager.default.removeItem(at: file) }
      return try ProbeRun.run(
        arguments + ["--auth-user", user, "--auth-password-file", file.path])
    case .environment:
      return try ProbeRun.run(
        arguments + ["--auth-user", user], environment: ["SMTPPROBE_PASSWORD": password])
    case .standardInput:
      // `pass show mail | smtpprobe …`: the password line, then lines that are not part of it.
      return try ProbeRun.run(
        arguments + ["--auth-user", user, "--auth-password-file", "-"],
        stdin: password + "\nlogin: \(user)\nurl: smtp.example\n")
    case .fifo:
      let fifo = FileManager.default.temporaryDirectory
        .appendingPathComponent("smtpprobe-fifo-\(UUID().uuidString)")
      guard mkfifo(fifo.path, 0o600) == 0 else {
        throw RunBinaryError(description: "mkfifo failed: errno \(errno)")
      }
      defer { try? FileManager.default.removeItem(at: fifo) }
      let writer = Thread {
        if let handle = FileHandle(forWritingAtPath: fifo.path) {
          handle.write(Data((password + "\n").utf8))
          try? handle.close()
        }
      }
      writer.start()
      return try ProbeRun.run(
        arguments + ["--auth-user", user, "--auth-password-file", fifo.path])
    }
  }

  @Test(arguments: authCases)
  func authSucceedsAndNeverShowsThePassword(_ c: AuthCase) throws {
    let s = try Self.servers()
    var arguments = [
      "--server", Self.server(s.starttlsPort), "--cafile", s.caFile, "--auth-mech", c.mechanism,
      "--from", "alice@probe.test", "--to", "bob@example.org", "--quit-after", "rcpt",
    ]
    if c.json { arguments.append("--json") }
    let result = try Self.probeWithAuth(
      arguments, user: s.user, password: s.password, source: c.source)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    Self.expectNoSecret(result, user: s.user, password: s.password)
    if c.json {
      let json = try ProbeRun.json(result)
      let sent = ProbeRun.sent(json)
      #expect(sent.contains { $0.hasPrefix("AUTH \(c.mechanism)") })
      #expect(ProbeRun.categories(json).allSatisfy { $0 == "ok" })
      // Relaying to another domain is allowed only once authenticated.
      #expect(sent.contains("RCPT TO:<bob@example.org>"))
      let auth = try #require(ProbeRun.sessions(json).first?["auth"] as? [String: Any])
      #expect(auth["user"] as? String == s.user)
      #expect(auth["mechanism"] as? String == c.mechanism)
      #expect(auth["authenticated"] as? Bool == true)
    } else {
      #expect(result.stdout.contains("-> AUTH \(c.mechanism)"))
      #expect(result.stdout.contains("<- 235 2.7.0 Authentication successful"))
      #expect(result.stdout.contains("authenticated as \(s.user) (\(c.mechanism))"))
      if c.mechanism != "PLAIN" { #expect(result.stdout.contains("-> <redacted>")) }
    }
  }

  @Test(arguments: [false, true])
  func aWrongPasswordIs535Explained(_ json: Bool) throws {
    let s = try Self.servers()
    let wrong = "Wrong-Password-42"
    var arguments = [
      "--server", Self.server(s.starttlsPort), "--cafile", s.caFile, "--to", "alice@probe.test",
    ]
    if json { arguments.append("--json") }
    let result = try Self.probeWithAuth(
      arguments, user: s.user, password: wrong, source: .environment)
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    Self.expectNoSecret(result, user: s.user, password: wrong)
    Self.expectNoSecret(result, user: s.user, password: s.password)
    if json {
      let parsed = try ProbeRun.json(result)
      #expect(ProbeRun.categories(parsed).contains("auth-failed"))
      #expect(!ProbeRun.sent(parsed).contains { $0.hasPrefix("MAIL") })
    } else {
      #expect(result.stdout.contains("<- 535 5.7.8"))
      #expect(result.stdout.contains("auth-failed"))
      #expect(result.stdout.contains("AUTH PLAIN refused: 535 5.7.8 (auth-failed)"))
      #expect(!result.stdout.contains("-> MAIL"))
    }
  }

  @Test func authWithoutTLSIsRefusedUnlessAllowed() throws {
    let script = """
      send 220 plain.test ESMTP
      expect EHLO
      send 250-plain.test
      send 250 AUTH PLAIN LOGIN
      expect QUIT
      send 221 2.0.0 bye
      """
    let server = try ScriptedServer(script: script, connections: 2)
    defer { server.stop() }
    let user = "carol@plain.test"
    let password = "Plain-Text-Secret-7"
    for json in [false, true] {
      var arguments = ["--server", "127.0.0.1:\(server.port)", "--to", "alice@probe.test"]
      if json { arguments.append("--json") }
      let result = try Self.probeWithAuth(
        arguments, user: user, password: password, source: .environment)
      #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
      #expect(result.stdout.contains("refusing to send credentials over a connection without TLS"))
      Self.expectNoSecret(result, user: user, password: password)
    }
    #expect(!server.clientLines().contains { $0.hasPrefix("AUTH") })
  }

  @Test func authInsecureSendsOverPlainText() throws {
    let server = try ScriptedServer(
      script: """
        send 220 plain.test ESMTP
        expect EHLO
        send 250-plain.test
        send 250 AUTH PLAIN
        expect AUTH PLAIN
        send 235 2.7.0 ok
        expect QUIT
        send 221 2.0.0 bye
        """)
    defer { server.stop() }
    let password = "Plain-Text-Secret-7"
    let result = try Self.probeWithAuth(
      [
        "--server", "127.0.0.1:\(server.port)", "--auth-insecure", "--quit-after", "auth",
      ], user: "carol@plain.test", password: password, source: .file)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("sending credentials without TLS"))
    #expect(result.stdout.contains("-> AUTH PLAIN <redacted>"))
    Self.expectNoSecret(result, user: "carol@plain.test", password: password)
  }

  @Test func untrustedCertificateKeepsTheCredentials() throws {
    let s = try Self.servers()
    let result = try Self.probeWithAuth(
      ["--server", Self.server(s.starttlsPort), "--to", "alice@probe.test"], user: s.user,
      password: s.password, source: .environment)
    #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("refusing to send credentials: the TLS certificate"))
    #expect(!result.stdout.contains("-> AUTH"))
    Self.expectNoSecret(result, user: s.user, password: s.password)
  }

  struct UsageCase: CustomTestStringConvertible, Sendable {
    var id: String
    var arguments: [String]
    var environment: [String: String] = [:]
    var message: String
    var testDescription: String { id }
  }

  /// A sparse file of `size` bytes (zeros, no newline), for passwords far over the bound.
  static let hugePasswordFile: String = {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("smtpprobe-huge-pw-\(getpid())")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    if let handle = try? FileHandle(forWritingTo: url) {
      try? handle.truncate(atOffset: 50 * 1024 * 1024)
      try? handle.close()
    }
    return url.path
  }()

  /// A password file holding `contents`, named after the case.
  static func writtenFile(_ contents: [UInt8], name: String) -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("smtpprobe-pw-\(name)-\(getpid())")
    try? Data(contents).write(to: url)
    return url.path
  }

  static let usageCases: [UsageCase] = [
    UsageCase(
      id: "no password source", arguments: ["--auth-user", "a@probe.test"],
      message: "--auth-user needs a password"),
    UsageCase(
      id: "unreadable password file",
      arguments: ["--auth-user", "a@probe.test", "--auth-password-file", "/nonexistent/pw"],
      message: "cannot read the password file"),
    UsageCase(
      id: "unknown mechanism",
      arguments: ["--auth-user", "a@probe.test", "--auth-mech", "XOAUTH2"],
      environment: ["SMTPPROBE_PASSWORD": "x"], message: "--auth-mech \"XOAUTH2\""),
    UsageCase(
      id: "AUTH with --tls off", arguments: ["--auth-user", "a@probe.test", "--tls", "off"],
      environment: ["SMTPPROBE_PASSWORD": "x"], message: "--auth-insecure"),
    UsageCase(
      id: "empty SMTPPROBE_PASSWORD", arguments: ["--auth-user", "a@probe.test"],
      environment: ["SMTPPROBE_PASSWORD": ""],
      message: "smtpprobe: the password from SMTPPROBE_PASSWORD is empty\n"),
    UsageCase(
      id: "empty password file",
      arguments: [
        "--auth-user", "a@probe.test", "--auth-password-file", writtenFile([0x0A], name: "empty"),
      ],
      message: "is empty\n"),
    UsageCase(
      id: "NUL in the password file",
      arguments: [
        "--auth-user", "a@probe.test", "--auth-password-file",
        writtenFile(Array("hunter2".utf8) + [0, 0x41, 0x0A], name: "nul"),
      ],
      message: "contains a NUL byte, which AUTH PLAIN cannot carry (RFC 4616 2)\n"),
    UsageCase(
      id: "password over 8192 octets in SMTPPROBE_PASSWORD",
      arguments: ["--auth-user", "a@probe.test"],
      environment: ["SMTPPROBE_PASSWORD": String(repeating: "p", count: 8193)],
      message: "smtpprobe: the password from SMTPPROBE_PASSWORD is longer than 8192 octets\n"),
    UsageCase(
      id: "50 MB password file",
      arguments: ["--auth-user", "a@probe.test", "--auth-password-file", hugePasswordFile],
      message: "is longer than 8192 octets (--auth-password-file)\n"),
    UsageCase(
      id: "AUTH line over 12,288 octets",
      arguments: ["--auth-user", String(repeating: "u", count: 2000) + "@probe.test"],
      environment: ["SMTPPROBE_PASSWORD": String(repeating: "p", count: 8000)],
      message: "-octet AUTH PLAIN line, over the 12288 octets RFC 4954 4 allows\n"),
    UsageCase(
      id: "no --auth-password option",
      arguments: ["--auth-user", "a@probe.test", "--auth-password", "hunter2"],
      message: "--auth-password"),
  ]

  @Test(arguments: usageCases)
  func usageErrorsExit64(_ c: UsageCase) throws {
    let result = try ProbeRun.run(
      ["--server", "127.0.0.1:9"] + c.arguments, environment: c.environment)
    #expect(result.status == 64, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains(c.message), "\(result.stderr)")
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(!result.stderr.contains("hunter2"))
  }
}
