import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// TLS and AUTH against the private Postfix instance (Scripts/servers/postfix-tls.sh).
@Suite(.enabled(if: TLSTestServers.enabled, "TLS test servers not running"))
struct TLSTransportTests {
  @Test func startTLSUpgradesAndAuthAppearsAfterTLS() throws {
    let servers = try TLSTestServers.require()
    var (client, report, ehloBefore) = try startTLS(
      port: servers.starttlsPort, serverName: servers.hostName,
      configuration: TLSConfiguration(caFile: servers.caFile))
    defer { client.transport.close() }
    #expect(TestSMTPClient.keywords(ehloBefore).contains("STARTTLS"))
    #expect(!TestSMTPClient.keywords(ehloBefore).contains("AUTH"))

    #expect(["TLSv1.2", "TLSv1.3"].contains(report.protocolVersion))
    #expect(!report.cipher.isEmpty)
    #expect(report.cipherBits >= 128)
    #expect(report.serverName == servers.hostName)
    let leaf = try #require(report.leaf)
    #expect(leaf.commonName == "mx.probe.test")
    #expect(leaf.alternativeNames.contains(.dns("mx.probe.test")))
    #expect(leaf.alternativeNames.contains(.ip("127.0.0.1")))
    #expect(leaf.issuerCommonName == "smtpprobe Test CA")
    #expect(leaf.daysLeft(now: WallClock.now()) > 0)
    #expect(leaf.keyType == "RSA" && leaf.keyBits == 2048)
    #expect(report.verification.isTrusted, "\(report.verification.faults)")
    #expect(report.verification.trustStore == .caFile(servers.caFile))

    // RFC 3207 section 4.2: forget what we knew and EHLO again.
    let ehloAfter = try client.expect("EHLO probe.test", 250)
    let auth = try #require(ehloAfter.texts.first { $0.uppercased().hasPrefix("AUTH ") })
    #expect(auth.uppercased().contains("PLAIN"))
    #expect(auth.uppercased().contains("LOGIN"))
    #expect(!TestSMTPClient.keywords(ehloAfter).contains("STARTTLS"))
    try client.expect("QUIT", 221)
  }

  @Test func systemStoreDoesNotKnowTheTestCA() throws {
    let servers = try TLSTestServers.require()
    let (client, report, _) = try startTLS(
      port: servers.starttlsPort, serverName: servers.hostName,
      configuration: TLSConfiguration())
    defer { client.transport.close() }
    #expect(report.verification.faults == [.unknownCA])
    #expect(report.verification.trustStore == .system)
    #expect(report.isAcceptable)  // a warning unless --tls-verify
  }

  @Test func ipLiteralSendsNoSNIAndMatchesTheIPSAN() throws {
    let servers = try TLSTestServers.require()
    let (client, report, _) = try startTLS(
      port: servers.starttlsPort, serverName: "127.0.0.1",
      configuration: TLSConfiguration(caFile: servers.caFile))
    defer { client.transport.close() }
    #expect(report.serverName == nil)
    #expect(report.verification.isTrusted, "\(report.verification.faults)")
  }

  struct FaultCase: CustomTestStringConvertible, Sendable {
    var id: String
    var port: @Sendable (TLSTestServers) -> UInt16
    var expected: [TLSVerificationFault]
    var testDescription: String { id }
  }

  static let faultCases: [FaultCase] = [
    FaultCase(id: "expired certificate", port: { $0.expiredPort }, expected: [.expired]),
    FaultCase(
      id: "certificate for another host", port: { $0.wrongHostPort },
      expected: [.hostnameMismatch(expected: "mx.probe.test", presented: ["wrong.example.test"])]),
    FaultCase(
      id: "self-signed certificate", port: { $0.selfSignedPort }, expected: [.selfSigned]),
  ]

  @Test(arguments: faultCases)
  func namesTheCertificateFault(_ c: FaultCase) throws {
    let servers = try TLSTestServers.require()
    let (client, report, _) = try startTLS(
      port: c.port(servers), serverName: servers.hostName,
      configuration: TLSConfiguration(caFile: servers.caFile))
    defer { client.transport.close() }
    #expect(report.verification.faults == c.expected)
    #expect(report.isAcceptable)
  }

  @Test func verifyRequiredTurnsAFaultIntoAnError() throws {
    let servers = try TLSTestServers.require()
    #expect {
      _ = try startTLS(
        port: servers.expiredPort, serverName: servers.hostName,
        configuration: TLSConfiguration(caFile: servers.caFile, verifyRequired: true))
    } throws: { error in
      guard case TLSError.untrusted(let report) = error else { return false }
      return report.verification.faults == [.expired]
    }
  }

  @Test func legacyProtocolIsReachedAndFlagged() throws {
    let servers = try TLSTestServers.require()
    var (client, report, _) = try startTLS(
      port: servers.legacyPort, serverName: servers.hostName,
      configuration: TLSConfiguration(caFile: servers.caFile))
    defer { client.transport.close() }
    #expect(report.protocolVersion == "TLSv1")
    #expect(report.usesDeprecatedProtocol)
    #expect(
      report.warnings(now: WallClock.now()).contains(
        "TLSv1 is deprecated (RFC 8996); enable TLS 1.2 or 1.3 in the MTA."))
    try client.expect("EHLO probe.test", 250)
  }

  @Test func minimumVersionRefusesALegacyServer() throws {
    let servers = try TLSTestServers.require()
    #expect {
      _ = try startTLS(
        port: servers.legacyPort, serverName: servers.hostName,
        configuration: TLSConfiguration(caFile: servers.caFile, minimumVersion: .tls1_2))
    } throws: { error in
      guard case TLSError.handshakeFailed = error else { return false }
      return "\(error)".contains("no TLS version in common")
    }
  }

  @Test func implicitTLSHandshakesBeforeTheGreeting() throws {
    let servers = try TLSTestServers.require()
    let fd = try TestSocket.connect(port: servers.implicitPort)
    let upgrader = OpenSSLUpgrader(configuration: TLSConfiguration(caFile: servers.caFile))
    let (tls, report) = try upgrader.connectImplicitTLS(
      fd: fd, serverName: servers.hostName, deadline: .after(seconds: 10))
    var client = TestSMTPClient(tls)
    defer { tls.close() }
    #expect(report.verification.isTrusted, "\(report.verification.faults)")
    #expect(try client.reply().code == 220)
    let ehlo = try client.expect("EHLO probe.test", 250)
    #expect(ehlo.texts.contains { $0.uppercased().hasPrefix("AUTH ") })
    try client.expect("QUIT", 221)
    // After 221 the server closes: a clean end of stream, not an error.
    #expect(try tls.receive(deadline: .after(seconds: 10)) == [])
  }

  @Test func plainTextPortGivesAClearHandshakeError() throws {
    let servers = try TLSTestServers.require()
    // Handshake without STARTTLS: the server's "220 ..." greeting is no TLS record.
    let fd = try TestSocket.connect(port: servers.starttlsPort)
    #expect {
      _ = try TLSTransport.connect(
        fd: fd, serverName: servers.hostName, configuration: TLSConfiguration(),
        deadline: .after(seconds: 10))
    } throws: { error in
      "\(error)"
        == "TLS handshake failed: wrong version number (the server may not speak TLS on this port)"
    }
  }

  struct AuthCase: CustomTestStringConvertible, Sendable {
    var id: String
    var mechanism: SASLMechanism
    var wrongPassword: Bool
    var expectedCode: Int
    var testDescription: String { id }
  }

  static let authCases: [AuthCase] = [
    AuthCase(id: "PLAIN", mechanism: .plain, wrongPassword: false, expectedCode: 235),
    AuthCase(id: "LOGIN", mechanism: .login, wrongPassword: false, expectedCode: 235),
    AuthCase(id: "CRAM-MD5", mechanism: .cramMD5, wrongPassword: false, expectedCode: 235),
    AuthCase(
      id: "PLAIN, wrong password", mechanism: .plain, wrongPassword: true, expectedCode: 535),
    AuthCase(
      id: "LOGIN, wrong password", mechanism: .login, wrongPassword: true, expectedCode: 535),
  ]

  @Test(arguments: authCases)
  func authenticates(_ c: AuthCase) throws {
    let servers = try TLSTestServers.require()
    var (client, _, _) = try startTLS(
      port: servers.starttlsPort, serverName: servers.hostName,
      configuration: TLSConfiguration(caFile: servers.caFile))
    defer { client.transport.close() }
    let ehlo = try client.expect("EHLO probe.test", 250)
    let offered =
      ehlo.texts.first { $0.uppercased().hasPrefix("AUTH ") }?.split(separator: " ").dropFirst()
      .map(String.init) ?? []
    try SASL.checkTransportSecurity(encrypted: true, allowInsecure: false)
    let mechanism = try SASLMechanism.choose(
      offered: offered, encrypted: true, requested: c.mechanism)
    let password = c.wrongPassword ? "not-the-password" : servers.password
    var sasl = SASL(
      mechanism: mechanism, username: servers.user, password: Secret(password),
      hmacMD5: OpenSSLDigest.hmacMD5)
    var reply: Reply
    if let initial = sasl.start() {
      reply = try client.command("AUTH \(mechanism.rawValue) \(initial.revealedString)")
    } else {
      reply = try client.command("AUTH \(mechanism.rawValue)")
    }
    var rounds = 0
    while reply.code == 334 && rounds < 5 {
      let response = try sasl.next(base64Challenge: reply.text)
      reply = try client.command(response.revealedString)
      rounds += 1
    }
    #expect(reply.code == c.expectedCode, "\(reply.code) \(reply.text)")
    try client.expect("QUIT", 221)
  }
}

/// TLS failures that need no server but our own loopback listener.
@Suite struct TLSTransportPeerTests {
  @Test func peerClosingMidHandshakeIsAnErrorNotACrash() throws {
    let (listener, port) = try TestSocket.listen()
    defer { Glibc.close(listener) }
    let fd = try TestSocket.connect(port: port)
    let accepted = accept(listener, nil, nil)
    #expect(accepted >= 0)
    Glibc.close(accepted)  // gone before the ClientHello is answered
    #expect(throws: TLSError.closedDuringHandshake) {
      _ = try TLSTransport.connect(
        fd: fd, serverName: "mx.probe.test", configuration: TLSConfiguration(),
        deadline: .after(seconds: 10))
    }
  }

  @Test func silentPeerTimesOut() throws {
    let (listener, port) = try TestSocket.listen()
    defer { Glibc.close(listener) }
    let fd = try TestSocket.connect(port: port)
    let accepted = accept(listener, nil, nil)
    defer { Glibc.close(accepted) }
    #expect {
      _ = try TLSTransport.connect(
        fd: fd, serverName: "mx.probe.test", configuration: TLSConfiguration(),
        deadline: .after(seconds: 0.3))
    } throws: { error in
      if case TLSError.handshakeTimedOut = error { return true }
      return false
    }
  }

  @Test func unreadableCAFileIsNamed() throws {
    let (listener, port) = try TestSocket.listen()
    defer { Glibc.close(listener) }
    let fd = try TestSocket.connect(port: port)
    #expect {
      _ = try TLSTransport.connect(
        fd: fd, serverName: "mx.probe.test",
        configuration: TLSConfiguration(caFile: "/nonexistent/ca.pem"),
        deadline: .after(seconds: 10))
    } throws: { error in
      guard case TLSError.caFileUnreadable(let path, _) = error else { return false }
      return path == "/nonexistent/ca.pem"
        && "\(error)".hasPrefix("cannot load CA file /nonexistent/ca.pem: ")
    }
  }

  @Test func plainTransportWithoutASocketCannotBeUpgraded() {
    final class Memory: Transport {
      func send(_ bytes: [UInt8], deadline: Deadline) throws(TransportError) {}
      func receive(deadline: Deadline) throws(TransportError) -> [UInt8] { [] }
      func close() {}
    }
    #expect(throws: TLSError.transportNotUpgradable) {
      _ = try OpenSSLUpgrader().upgrade(
        Memory(), serverName: "mx.probe.test", deadline: .after(seconds: 1))
    }
  }
}
