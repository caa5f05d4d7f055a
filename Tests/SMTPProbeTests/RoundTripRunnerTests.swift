import Testing

@testable import SMTPProbeCore

/// Hands one scripted transport to the runner.
final class HandingConnector: Connector, @unchecked Sendable {
  let transport: ScriptedTransport

  init(_ transport: ScriptedTransport) {
    self.transport = transport
  }

  func connect(
    host: String, port: Int, addresses: [String]?, family: AddressFamilyPreference,
    timeout: Double
  ) throws(ConnectFailure) -> (any Transport, ConnectReport) {
    guard let address = SocketAddress(numericHost: "127.0.0.1", port: port) else {
      throw .resolution(.resolutionFailed(host: host, message: "not numeric"))
    }
    return (
      transport,
      ConnectReport(
        host: host, address: address, localAddress: nil, failedAttempts: [],
        connectMilliseconds: 0)
    )
  }
}

/// The round trip's IMAP session against scripted servers: exact client bytes in every
/// chunking, the password never in clear nor in the transcript, polling on a fake clock.
@Suite struct RoundTripRunnerTests {
  static let token = "1700000000.abc"
  static let header =
    "Authentication-Results: mx.probe.test; spf=pass smtp.mailfrom=probe.test\r\n"
    + "Subject: smtpprobe test message 1700000000.abc\r\n\r\n"

  static func request(_ url: String, password: String = "pw", timeout: Double = 5)
    -> RoundTripRequest
  {
    RoundTripRequest(
      mailbox: IMAPMailbox(valid: url), password: Secret(password), token: token,
      arrivalTimeout: timeout, commandTimeout: 10, connectTimeout: 10)
  }

  static func run(
    _ script: [ScriptedTransport.Item], _ request: RoundTripRequest,
    delivery: ScriptedTransport.Delivery = .whole
  ) -> (RoundTripRecord, ScriptedTransport) {
    let clock = FakeClock()
    let transport = ScriptedTransport(script, delivery: delivery, clock: clock)
    let runner = RoundTripRunner(
      connector: HandingConnector(transport), tls: FakeTLS(), clock: clock,
      pause: { clock.advance(milliseconds: Int($0 * 1000)) })
    return (runner.run(request, since: clock.nowNanoseconds()), transport)
  }

  static var arrivingScript: [ScriptedTransport.Item] {
    let plain = Base64.encode([0] + Array("alice@probe.test".utf8) + [0] + Array("pw".utf8))
    return [
      .tls,
      .server("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ AUTH=PLAIN] ready\r\n"),
      .client("a1 AUTHENTICATE PLAIN \(plain)\r\n"),
      .server("a1 OK [CAPABILITY IMAP4rev1 UIDPLUS LITERAL+] Logged in\r\n"),
      .client("a2 SELECT \"INBOX\"\r\n"),
      .server("* 0 EXISTS\r\na2 OK [READ-WRITE] Select completed\r\n"),
      .client("a3 UID SEARCH HEADER Subject \"\(token)\"\r\n"),
      .server("* SEARCH\r\na3 OK Search completed\r\n"),
      .client("a4 NOOP\r\n"),
      .server("* 1 EXISTS\r\na4 OK NOOP completed\r\n"),
      .client("a5 UID SEARCH HEADER Subject \"\(token)\"\r\n"),
      .server("* SEARCH 7\r\na5 OK Search completed\r\n"),
      .client("a6 UID FETCH 7 BODY.PEEK[HEADER]\r\n"),
      .server(
        "* 1 FETCH (UID 7 BODY[HEADER] {\(header.utf8.count)}\r\n\(header))\r\n"
          + "a6 OK Fetch completed\r\n"),
      .client("a7 UID STORE 7 +FLAGS.SILENT (\\Deleted)\r\n"),
      .server("a7 OK Store completed\r\n"),
      .client("a8 UID EXPUNGE 7\r\n"),
      .server("* 1 EXPUNGE\r\na8 OK Expunge completed\r\n"),
      .client("a9 LOGOUT\r\n"),
      .server("* BYE Logging out\r\na9 OK Logout completed\r\n"),
      .close,
    ]
  }

  @Test(arguments: ScriptedTransport.Delivery.allCases)
  func theMessageArrivesOnTheSecondSearchAndIsDeleted(_ delivery: ScriptedTransport.Delivery) {
    let (record, transport) = Self.run(
      Self.arrivingScript, Self.request("imaps://alice@probe.test@127.0.0.1/INBOX"),
      delivery: delivery)
    #expect(record.failure == nil)
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.authenticated)
    #expect(record.searches == 2)
    #expect(record.uids == [7])
    #expect(record.arrivalSeconds == 1)
    #expect(record.header == Array(Self.header.utf8))
    #expect(record.cleanup == .deleted(command: "UID EXPUNGE"))
    #expect(record.transcript.contains("C: a1 AUTHENTICATE PLAIN <redacted>"))
    #expect(!record.transcript.joined().contains(Base64.encode(Array("pw".utf8))))
  }

  @Test func withoutStartTLSThePasswordIsNeverSent() {
    let (record, transport) = Self.run(
      [.server("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN LOGIN] ready\r\n"), .close],
      Self.request("imap://alice@127.0.0.1/INBOX"))
    #expect(record.failure == .startTLSNotOffered)
    #expect(!record.authenticated)
    #expect(transport.sentText.isEmpty)
  }

  @Test func loginWithASynchronisingLiteralThenARefusedMailbox() {
    let password = "pässwörd"
    let (record, transport) = Self.run(
      [
        .server("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"),
        .client("a1 STARTTLS\r\n"),
        .server("a1 OK Begin TLS negotiation now\r\n"),
        .tls,
        .client("a2 CAPABILITY\r\n"),
        .server("* CAPABILITY IMAP4rev1\r\na2 OK done\r\n"),
        .client("a3 LOGIN \"alice\" {\(password.utf8.count)}\r\n"),
        .server("+ OK\r\n"),
        .client("\(password)\r\n"),
        .server("a3 OK Logged in\r\n"),
        .client("a4 SELECT \"Missing\"\r\n"),
        .server("a4 NO Mailbox doesn't exist: Missing\r\n"),
        .close,
      ],
      Self.request("imap://alice@127.0.0.1/Missing", password: password))
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.authenticated)
    #expect(
      record.failure == .selectRefused(mailbox: "Missing", text: "Mailbox doesn't exist: Missing"))
    #expect(!record.transcript.joined().contains(password))
  }

  @Test func aRefusedLoginIsTheFailure() {
    let (record, _) = Self.run(
      [
        .tls,
        .server("* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n"),
        .client("a1 LOGIN \"alice\" \"wrong\"\r\n"),
        .server("a1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"),
        .close,
      ],
      Self.request("imaps://alice@127.0.0.1/INBOX", password: "wrong"))
    #expect(record.failure == .loginRefused(text: "[AUTHENTICATIONFAILED] Authentication failed."))
    #expect(!record.authenticated)
  }

  @Test func aMessageThatNeverComesEndsAtTheArrivalTimeout() {
    var script: [ScriptedTransport.Item] = [
      .tls,
      .server("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n"),
      .client(
        "a1 AUTHENTICATE PLAIN "
          + Base64.encode([0] + Array("alice".utf8) + [0] + Array("pw".utf8)) + "\r\n"),
      .server("a1 OK Logged in\r\n"),
      .client("a2 SELECT \"INBOX\"\r\n"),
      .server("a2 OK Select completed\r\n"),
    ]
    var tag = 3
    for search in 0..<3 {
      if search > 0 {
        script += [.client("a\(tag) NOOP\r\n"), .server("a\(tag) OK NOOP completed\r\n")]
        tag += 1
      }
      script += [
        .client("a\(tag) UID SEARCH HEADER Subject \"\(Self.token)\"\r\n"),
        .server("* SEARCH\r\na\(tag) OK Search completed\r\n"),
      ]
      tag += 1
    }
    script += [.client("a\(tag) LOGOUT\r\n"), .server("a\(tag) OK bye\r\n"), .close]
    let (record, transport) = Self.run(
      script, Self.request("imaps://alice@127.0.0.1/INBOX", timeout: 2))
    #expect(transport.sentText == transport.expectedClient)
    #expect(record.failure == nil)
    #expect(record.arrivalSeconds == nil)
    #expect(record.searches == 3)
    #expect(record.waitedSeconds == 2)
    #expect(record.cleanup == nil)
  }
}

extension IMAPMailbox {
  /// A known-valid URL for test fixtures; traps on a typo in the test itself.
  init(valid url: String) {
    guard let mailbox = IMAPMailbox(url: url) else {
      fatalError("test fixture URL \(url) is invalid")
    }
    self = mailbox
  }
}
