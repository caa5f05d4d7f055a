import Foundation
import Testing

/// `smtpprobe probe` against scripted servers that imitate real MTAs and look-alike services.
///
/// The scripts send what real MTAs, and the services people mistake for them, send. Each case runs twice against the same script, once for
/// the text output and once for `--json` (which must parse and carry DESIGN.md's keys), and
/// cites where the behaviour comes from.
@Suite struct RealWorldBehaviourTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// Where real servers behave like this.
    var source: String
    var script: String
    var arguments: [String] = ["--to", "alice@probe.test"]
    var exit: Int32
    /// Text that must appear in the text output.
    var text: [String] = []
    /// Text that must not appear in the text output.
    var absent: [String] = []
    /// Diagnosis categories that must appear among the JSON steps.
    var categories: [String] = []
    var testDescription: String { name }
  }

  /// A Gmail-like EHLO block (as seen in published transcripts of `EHLO` to gmail-smtp-in).
  static let gmailEHLO = """
    expect EHLO
    send 250-mx.google.com at your service, [203.0.113.5]
    send 250-SIZE 157286400
    send 250-8BITMIME
    send 250-STARTTLS
    send 250-ENHANCEDSTATUSCODES
    send 250-PIPELINING
    send 250-CHUNKING
    send 250 SMTPUTF8
    """

  static let plainEHLO = """
    send 220 mx.probe.test ESMTP
    expect EHLO
    send 250-mx.probe.test
    send 250-PIPELINING
    send 250-SIZE 1000
    send 250 ENHANCEDSTATUSCODES
    """

  static let acceptOne = """
    expect MAIL
    send 250 2.1.0 Ok
    expect RCPT
    send 250 2.1.5 Ok
    expect RSET
    send 250 2.0.0 Ok
    expect QUIT
    send 221 2.0.0 Bye
    """

  static let cases: [Case] = [
    Case(
      name: "multi-line greeting and a Gmail-like EHLO block",
      source: "RFC 5321 4.2.1 multi-line replies; Gmail's published EHLO keywords",
      script: """
        send 220-mx.example ESMTP
        send 220-Unauthorized use prohibited
        send 220 ready
        \(gmailEHLO)
        \(acceptOne)
        """,
      arguments: ["--to", "alice@probe.test", "--tls", "off"], exit: 0,
      text: ["<- 220-Unauthorized use prohibited", "SMTPUTF8", "(pipelined)", "verdict: ok"]),
    Case(
      name: "Exchange banner, lowercase keywords, AUTH=LOGIN, a tab and a bare 250",
      source: "Exchange 2016+ banner and EHLO as seen in Microsoft docs and transcripts",
      script: """
        send 220 EX01.contoso.com Microsoft ESMTP MAIL Service ready at Sun, 22 Nov 2026 10:00:00 +0000
        expect EHLO
        send 250-EX01.contoso.com Hello [127.0.0.1]
        send 250-size 37748736
        send 250-pipelining
        send 250-AUTH=LOGIN
        send 250-AUTH\\tGSSAPI NTLM LOGIN
        send 250-8bitmime
        send 250 
        \(acceptOne)
        """,
      exit: 0, text: ["(pipelined)", "capabilities: size 37748736, pipelining, AUTH=LOGIN"],
      absent: ["8bitmime, \n"]),
    Case(
      name: "slow banner within the default greeting timeout",
      source: "RFC 5321 4.5.3.2.1: wait 5 minutes for the greeting; tarpitting MTAs",
      script: "delay 3000\n\(plainEHLO)\n\(acceptOne)", exit: 0, text: ["verdict: ok"]),
    Case(
      name: "tarpit delaying every reply",
      source: "Exim smtp_enforce_sync/tarpit ACL 'delay', Postfix smtpd_error_sleep_time",
      script: """
        delay 700
        send 220 mx.probe.test ESMTP
        expect EHLO
        delay 700
        send 250 mx.probe.test
        expect MAIL
        delay 700
        send 250 2.1.0 Ok
        expect RCPT
        delay 700
        send 250 2.1.5 Ok
        expect RSET
        delay 700
        send 250 2.0.0 Ok
        expect QUIT
        send 221 2.0.0 Bye
        """,
      exit: 0, text: ["verdict: ok"]),
    Case(
      name: "421 too many errors after RCPT",
      source: "Postfix smtpd_hard_error_limit: '421 4.7.0 host Error: too many errors'",
      script: """
        \(plainEHLO)
        expect MAIL
        send 250 2.1.0 Ok
        expect RCPT
        send 421 4.7.0 mx.probe.test Error: too many errors
        close
        """,
      exit: 2, text: ["<- 421 4.7.0"], categories: ["service-unavailable"]),
    Case(
      name: "closes right after the greeting",
      source: "overloaded or blocking MTAs that drop the connection",
      // The server reads EHLO before closing: a close with EHLO still unread would be a reset
      // (RFC 793 3.5: unread data discarded), a race between two outcomes.
      script: "send 220 mx.probe.test ESMTP\nexpect EHLO\nclose", exit: 3,
      text: ["closed the connection while we waited for the reply to EHLO"]),
    Case(
      name: "reset in the middle of a reply",
      source: "a crashing smtpd or a middlebox cutting the connection",
      script: "send 220 mx.probe.test ESMTP\nexpect EHLO\nsendraw 250-mx.pro\nclose", exit: 3,
      text: ["protocol violation"]),
    Case(
      name: "TCP reset after EHLO",
      source: "a crashing smtpd or a firewall dropping the session (RST)",
      script: "send 220 mx.probe.test ESMTP\nexpect EHLO\nreset", exit: 3,
      text: ["the server reset the connection while we waited for the reply to EHLO"]),
    Case(
      name: "pregreeting server: the client waits for the last greeting line",
      source: "Postfix postscreen_greet_action: a client that talks before the 220 is a bot",
      script: """
        send 220-mx.probe.test ESMTP (postscreen pregreet test)
        delay 1000
        send 220 mx.probe.test ESMTP
        expect EHLO
        send 250 mx.probe.test
        \(acceptOne)
        """,
      exit: 0, text: ["verdict: ok"]),
    Case(
      name: "doubled greeting in one segment: stopped before EHLO",
      source: "misconfigured banners and SMTP-inspecting firewalls that add their own 220",
      script: """
        sendraw 220 mx.probe.test ESMTP\r\n220 mx.probe.test ESMTP ready\r\n
        expect EHLO
        send 250 mx.probe.test
        \(acceptOne)
        """,
      exit: 3, text: ["before we sent EHLO"], absent: ["-> EHLO", "verdict: ok"]),
    Case(
      name: "doubled greeting arriving late: the extra 220 is not the EHLO reply",
      source: "misconfigured banners and SMTP-inspecting firewalls that add their own 220",
      script: """
        send 220 mx.probe.test ESMTP
        expect EHLO
        send 220 mx.probe.test ESMTP ready
        send 250-mx.probe.test
        send 250 PIPELINING
        \(acceptOne)
        """,
      exit: 3, text: ["out of step"], absent: ["-> MAIL", "verdict: ok"]),
    Case(
      name: "EHLO refused with 554 5.7.1",
      source: "Postfix smtpd_helo_restrictions reject: '554 5.7.1 <client>: Client host rejected'",
      script: """
        send 220 mx.probe.test ESMTP
        expect EHLO
        send 554 5.7.1 <unknown[203.0.113.5]>: Client host rejected: Access denied
        expect QUIT
        send 221 2.0.0 Bye
        """,
      exit: 1, absent: ["-> MAIL"]),
    Case(
      name: "QUIT answered with nothing",
      source: "servers that close on QUIT without the 221 (RFC 5321 4.1.1.10 requires it)",
      script: """
        \(plainEHLO)
        expect MAIL
        send 250 2.1.0 Ok
        expect RCPT
        send 250 2.1.5 Ok
        expect RSET
        send 250 2.0.0 Ok
        expect QUIT
        close
        """,
      exit: 0, text: ["verdict: ok"]),
    Case(
      name: "pipelined replies in odd chunks",
      source: "RFC 2920 3.2: replies may arrive in any segmentation",
      script: """
        \(plainEHLO)
        expect MAIL
        expect RCPT
        expect RCPT
        expect RSET
        expect QUIT
        sendraw 25
        delay 150
        sendraw 0 2.1.0 Ok\\r\\n250 2.1.5
        delay 150
        sendraw  Ok\\r\\n550-5.1.1 no such\\r\\n
        delay 150
        sendraw 550 5.1.1 user here\\r\\n250 2.0.0 Ok\\r
        delay 150
        sendraw \\n221 2.0.0 Bye\\r\\n
        """,
      arguments: ["--to", "alice@probe.test", "--to", "bob@probe.test"], exit: 1,
      text: ["<- 550-5.1.1 no such", "<- 550 5.1.1 user here", "1 of 2 recipients accepted"],
      categories: ["mailbox-unknown"]),
    Case(
      name: "PIPELINING offered, replies one by one, slowly",
      source: "RFC 2920 3.1: the server may still process commands one at a time",
      script: """
        \(plainEHLO)
        expect MAIL
        delay 300
        send 250 2.1.0 Ok
        expect RCPT
        delay 300
        send 250 2.1.5 Ok
        expect RSET
        delay 300
        send 250 2.0.0 Ok
        expect QUIT
        send 221 2.0.0 Bye
        """,
      exit: 0, text: ["(pipelined)", "verdict: ok"]),
    Case(
      name: "message rejected after the end of data",
      source: "rspamd/SpamAssassin milters: '554 5.7.1 Message rejected' after the final dot",
      script: """
        \(plainEHLO)
        expect MAIL
        send 250 2.1.0 Ok
        expect RCPT
        send 250 2.1.5 Ok
        expect DATA
        send 354 End data with <CR><LF>.<CR><LF>
        expect-data
        send 554 5.7.1 Message rejected: spam content detected
        expect QUIT
        send 221 2.0.0 Bye
        """,
      arguments: ["--to", "alice@probe.test", "--send-test-message"], exit: 1,
      text: ["the message refused: 554 5.7.1"], categories: ["policy-spam-content"]),
    Case(
      name: "too many recipients on the third RCPT",
      source: "Postfix smtpd_recipient_limit: '452 4.5.3 Error: too many recipients'",
      script: """
        \(plainEHLO)
        expect MAIL
        expect RCPT
        expect RCPT
        expect RCPT
        expect RSET
        expect QUIT
        send 250 2.1.0 Ok
        send 250 2.1.5 Ok
        send 250 2.1.5 Ok
        send 452 4.5.3 Error: too many recipients
        send 250 2.0.0 Ok
        send 221 2.0.0 Bye
        """,
      arguments: ["--to", "a@probe.test", "--to", "b@probe.test", "--to", "c@probe.test"],
      exit: 2, text: ["2 of 3 recipients accepted"], categories: ["too-many-recipients"]),
    Case(
      name: "greylisting on RCPT",
      source: "postgrey's default reply text",
      script: """
        \(plainEHLO)
        expect MAIL
        send 250 2.1.0 Ok
        expect RCPT
        send 451 4.7.1 <alice@probe.test>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/probe.test.html
        expect RSET
        send 250 2.0.0 Ok
        expect QUIT
        send 221 2.0.0 Bye
        """,
      exit: 2, text: ["verdict: transient-failure"], categories: ["greylisted"]),
    Case(
      name: "251 and 252 to RCPT are acceptances",
      source: "RFC 5321 3.4 (251 forwarding) and 3.5.3 (252 cannot verify)",
      script: """
        \(plainEHLO)
        expect MAIL
        expect RCPT
        expect RCPT
        expect RSET
        expect QUIT
        send 250 2.1.0 Ok
        send 251 2.1.5 User not local; will forward to <bob@elsewhere.test>
        send 252 2.1.5 Cannot VRFY user, but will accept message and attempt delivery
        send 250 2.0.0 Ok
        send 221 2.0.0 Bye
        """,
      arguments: ["--to", "a@probe.test", "--to", "b@probe.test"], exit: 0,
      text: ["2 of 2 recipients accepted"]),
    Case(
      name: "554 greeting",
      source: "RFC 5321 3.1: 554 instead of 220 means no SMTP service here",
      script: "send 554 5.7.1 mx.probe.test No SMTP service here\nexpect QUIT\nsend 221 Bye",
      exit: 1, absent: ["-> EHLO"]),
    Case(
      name: "an HTTP server on the port",
      source: "nginx and Apache answer a stray line with 'HTTP/1.1 400 Bad Request'",
      script: """
        sendraw HTTP/1.1 400 Bad Request\\r\\nServer: nginx\\r\\nConnection: close\\r\\n\\r\\n
        close
        """,
      exit: 3, text: ["this port speaks HTTP, not SMTP", "check the port", "not SMTP: HTTP"],
      absent: ["-> EHLO", "-> QUIT", "Temporary refusal"]),
    Case(
      name: "an SSH server on the port",
      source: "RFC 4253 4.2 identification string",
      script: "send SSH-2.0-OpenSSH_9.6p1 Ubuntu-3\nclose", exit: 3,
      text: ["this port speaks SSH, not SMTP"], absent: ["-> EHLO", "syntax-error"]),
    Case(
      name: "a TLS-only port probed in plain text (TLS alert)",
      source: "RFC 8314 3.3 implicit TLS; OpenSSL answers plain text with a TLS alert record",
      script: "sendraw \\x15\\x03\\x01\\x00\\x02\\x02\\x50\nclose", exit: 3,
      text: ["retry with --tls-on-connect"]),
    Case(
      name: "a TLS-only port probed in plain text (silence)",
      source: "RFC 8314 3.3: the server waits for the ClientHello",
      script: "delay 3000\nclose", arguments: ["--greeting-timeout", "1"], exit: 3,
      text: ["waiting for the greeting", "retry with --tls-on-connect", "--greeting-timeout"]),
    Case(
      name: "submission port without AUTH",
      source: "Postfix smtpd_sender_restrictions on 587: '530 5.7.0 Authentication required'",
      script: """
        send 220 mx.probe.test ESMTP
        expect EHLO
        send 250-mx.probe.test
        send 250 AUTH PLAIN LOGIN
        expect MAIL
        send 530 5.7.0 Authentication required
        expect QUIT
        send 221 2.0.0 Bye
        """,
      exit: 1, text: ["--auth-user"], categories: ["auth-required"]),
    Case(
      name: "control characters in replies never reach the terminal",
      source: "hostile banners with ANSI escapes (CVE-class terminal injection)",
      script: """
        send 220 mx.probe.test \\x1b[2J\\x1b]0;owned\\x07 ESMTP
        expect EHLO
        send 250 mx.probe.test
        \(acceptOne)
        """,
      exit: 0, text: ["\\x1B[2J"]),
  ]

  @Test(arguments: cases) func behaves(_ testCase: Case) throws {
    let server = try ScriptedServer(script: testCase.script, connections: 2)
    let target = ["--server", "127.0.0.1:\(server.port)"]
    let text = try ProbeRun.run(target + testCase.arguments)
    #expect(text.status == testCase.exit, "\(testCase.source)\n\(text.stdout)\(text.stderr)")
    for expected in testCase.text {
      #expect(text.stdout.contains(expected), "\(expected)\n\(text.stdout)")
    }
    for unwanted in testCase.absent {
      #expect(!text.stdout.contains(unwanted), "\(unwanted)\n\(text.stdout)")
    }
    #expect(!text.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })

    let jsonRun = try ProbeRun.run(target + testCase.arguments + ["--json"])
    #expect(jsonRun.status == testCase.exit)
    let json = try ProbeRun.json(jsonRun)
    #expect(
      ProbeRun.topLevelKeys(jsonRun.stdout).starts(with: [
        "target", "mx", "sessions", "verdict", "exit_code",
      ]))
    #expect(json["exit_code"] as? Int == Int(testCase.exit))
    #expect((json["verdict"] as? [String: Any])?["status"] is String)
    let categories = ProbeRun.categories(json)
    for category in testCase.categories {
      #expect(categories.contains(category), "\(category) not in \(categories)")
    }
    for step in ProbeRun.steps(json) {
      let keys = Set(step.keys)
      #expect(keys.isSuperset(of: ["command", "reply", "diagnosis", "elapsed_ms"]))
    }
  }

  @Test func thePregreetingClientSendsOnlyAfterTheLastGreetingLine() throws {
    let server = try ScriptedServer(
      script: """
        send 220-mx.probe.test ESMTP
        delay 800
        send 220 mx.probe.test ESMTP
        expect EHLO
        send 250 mx.probe.test
        expect QUIT
        send 221 Bye
        """)
    let run = try ProbeRun.run(["--server", "127.0.0.1:\(server.port)", "--json"])
    #expect(run.status == 0)
    let sessions = ProbeRun.sessions(try ProbeRun.json(run))
    let transcript = sessions.first?["transcript"] as? [[String: Any]] ?? []
    let lines = transcript.compactMap { $0["line"] as? String }
    let lastGreeting = try #require(lines.firstIndex(of: "220 mx.probe.test ESMTP"))
    let ehlo = try #require(lines.firstIndex { $0.hasPrefix("EHLO") })
    #expect(lastGreeting < ehlo)
  }

  @Test func aDataFileOverTheAdvertisedSizeIsNamedAndNotSent() throws {
    let server = try ScriptedServer(
      script: """
        \(Self.plainEHLO)
        expect MAIL
        send 552 5.3.4 Message size exceeds fixed limit
        expect RCPT
        send 503 5.5.1 Error: need MAIL command
        expect RSET
        send 250 2.0.0 Ok
        expect QUIT
        send 221 2.0.0 Bye
        """)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("smtpprobe-big-\(UUID().uuidString).eml")
    try String(repeating: "A line of the test message.\r\n", count: 100)
      .write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try ProbeRun.run([
      "--server", "127.0.0.1:\(server.port)", "--to", "alice@probe.test", "--data", file.path,
    ])
    #expect(run.status == 1, "\(run.stdout)")
    #expect(run.stdout.contains("the server's SIZE limit is 1000 (RFC 1870)"))
    #expect(!server.clientLines().contains("DATA"))
    #expect(run.stdout.contains("SIZE="))
    #expect(run.stdout.contains("message-too-large"))
  }

  /// Command-line habits of swaks and check_smtp users.
  struct Usage: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var exit: Int32
    var stderr: String
    var testDescription: String { name }
  }

  static let usages: [Usage] = [
    Usage(
      name: "display name in --to", arguments: ["--to", "Alice <alice@probe.test>"], exit: 64,
      stderr: "give the address alone: alice@probe.test"),
    Usage(name: "--timeout 0", arguments: ["--timeout", "0"], exit: 64, stderr: "above 0"),
    Usage(name: "--timeout -5", arguments: ["--timeout", "-5"], exit: 64, stderr: "above 0"),
    Usage(
      name: "unknown --quit-after", arguments: ["--quit-after", "helo"], exit: 64,
      stderr: "expected connect, greeting, ehlo"),
    Usage(
      name: "-6 with an IPv4 literal", arguments: ["-6"], exit: 64,
      stderr: "is an IPv4 address; -6 cannot be used with it"),
  ]

  @Test(arguments: usages) func usageErrors(_ usage: Usage) throws {
    let run = try ProbeRun.run(["--server", "127.0.0.1:9"] + usage.arguments)
    #expect(run.status == usage.exit)
    #expect(run.stderr.contains(usage.stderr), "\(run.stderr)")
    #expect(run.stderrLines.count == 1)
  }

  @Test func angleFormNullSenderAndNoRecipient() throws {
    let server = try ScriptedServer(script: "\(Self.plainEHLO)\n\(Self.acceptOne)")
    let target = ["--server", "127.0.0.1:\(server.port)"]
    let angle = try ProbeRun.run(target + ["--to", "<alice@probe.test>", "--from", ""])
    #expect(angle.status == 0, "\(angle.stdout)\(angle.stderr)")
    #expect(angle.stdout.contains("-> MAIL FROM:<>"))
    #expect(angle.stdout.contains("-> RCPT TO:<alice@probe.test>"))
    // No --to: an EHLO-only check, as check_smtp does.
    let ehloOnly = try ScriptedServer(
      script: "\(Self.plainEHLO)\nexpect QUIT\nsend 221 2.0.0 Bye")
    let noRecipient = try ProbeRun.run(["--server", "127.0.0.1:\(ehloOnly.port)"])
    #expect(noRecipient.status == 0, "\(noRecipient.stdout)")
    #expect(!noRecipient.stdout.contains("-> MAIL"))
  }

  /// swaks and check_smtp default to port 25 when `--server` has none.
  @Test func aServerWithoutPortMeansPort25() throws {
    let run = try ProbeRun.run([
      "--server", "127.0.0.1", "--quit-after", "connect", "--connect-timeout", "2", "--json",
    ])
    let sessions = ProbeRun.sessions(try ProbeRun.json(run))
    if let session = sessions.first {
      #expect(session["port"] as? Int == 25)
    } else {
      #expect(run.status == 3)
      #expect(run.stdout.contains("port 25"), "\(run.stdout)")
    }
  }

  @Test func helpNamesEveryDesignOption() throws {
    let run = try RunBinary.run(["probe", "--help"])
    #expect(run.status == 0)
    for option in [
      "--port", "--from", "--to", "--helo", "--quit-after", "--tls ", "--tls-on-connect",
      "--cafile", "--auth-user", "--auth-password-file", "--data", "--send-test-message",
      "--dns-server", "--timeout", "--greeting-timeout", "-4", "-6", "--no-pipelining", "--json",
      "--color", "--lang", "--help", "--version",
    ] {
      #expect(run.stdout.contains(option), "\(option)")
    }
    let version = try RunBinary.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("smtpprobe "))
  }
}

/// The wrong TLS mode for a port, against the test Postfix: what a user mixing up 465 and 587
/// sees.
@Suite(.enabled(if: TLSTestServers.enabled, "TLS test servers not running"))
struct WrongTLSModeTests {
  @Test func plainTextToTheImplicitTLSPortSuggestsTLSOnConnect() throws {
    let servers = try TLSTestServers.require()
    let run = try ProbeRun.run([
      "--server", "127.0.0.1:\(servers.implicitPort)", "--greeting-timeout", "2",
    ])
    #expect(run.status == 3, "\(run.stdout)")
    #expect(run.stdout.contains("retry with --tls-on-connect"))
  }

  @Test func tlsOnConnectToAPlainPortSaysItMayNotSpeakTLS() throws {
    let servers = try TLSTestServers.require()
    let run = try ProbeRun.run([
      "--server", "127.0.0.1:\(servers.starttlsPort)", "--tls-on-connect",
    ])
    #expect(run.status == 3, "\(run.stdout)")
    #expect(run.stdout.contains("may not speak TLS on this port"))
  }
}

/// `smtpprobe explain` on real reply texts not in RealReplyCases: every one is explained with
/// valid JSON; where the category is settled it is checked too (category "" = not asserted;
/// see the QA report for the texts whose category is still wrong).
@Suite struct ExplainRealTextTests {
  struct Text: Sendable, CustomTestStringConvertible {
    var reply: String
    var category: String
    var source: String
    var testDescription: String { String(reply.prefix(40)) }
  }

  static let texts: [Text] = [
    Text(
      reply: "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
      category: "relay-denied", source: "qmail-smtpd.c (also bouncehammer RelayingDenied.pm)"),
    Text(
      reply: "550 5.7.1 <bob@apache.org>: Recipient address rejected: ASF gnomes rejected your "
        + "message: SPF fail - not authorized. See https://infra.apache.org/mail-rejection.html",
      category: "spf-fail", source: "apache/infrastructure-website mail-rejection.md"),
    Text(
      reply: "550 mail from 212.153.111.69 rejected: administrative prohibition (host is "
        + "blacklisted)",
      category: "blocklisted-ip", source: "zmailer report quoted on linux-kernel, May 2001"),
    Text(
      reply: "452 4.5.3 Service unavailable, batch limit reached", category: "too-many-recipients",
      source: "SparkPost Momentum responses-by-message"),
    Text(
      reply: "552 5.2.2 <alice@example.com> Quota exceeded (mailbox for user is full)",
      category: "mailbox-full", source: "Dovecot LMTP quota reply"),
    Text(
      reply: "421 4.4.5 Service unavailable, concurrency limit reached",
      category: "service-unavailable", source: "SparkPost Momentum responses-by-message"),
    Text(
      reply: "550 5.7.1 Message rejected per sender's SPF policy - OXSUS001_514",
      category: "spf-fail",
      source: "404andmore.com: Proofpoint Essentials SPF rejection"),
    Text(
      reply: "550 5.6.0 Lone CR or LF in body (see RFC2822 section 2.3)",
      category: "syntax-error",
      source: "SparkPost Momentum responses-by-message"),
    Text(
      reply: "550 Relaying not permitted", category: "relay-denied",
      source: "qpsmtpd/Haraka test transcript"),
    Text(
      reply: "550 we do not accept mail from dynamic ips", category: "blocklisted-ip",
      source: "mail.ru, via bouncehammer NotAccept.pm"),
    Text(
      reply: "550 we do not accept mail from hosts with dynamic ip or generic dns ptr-records",
      category: "rdns-fail", source: "mail.ru, via bouncehammer NotAccept.pm"),
    Text(
      reply: "550 Domain Blocked - Spam. Contact abuse@infra.apache.org",
      category: "sender-rejected", source: "Apache infra mail relay (QA report)"),
    Text(
      reply: "550 5.6.0 Missing required RFC2822 Date field", category: "syntax-error",
      source: "SparkPost Momentum responses-by-message"),
    Text(
      reply: "550 5.1.0 <a@example.cz> policy violation, see https://support.forpsi.com/kb/a4081",
      category: "policy-spam-content", source: "https://support.forpsi.com/kb/a4081"),
    Text(
      reply: "550 permanent failure for one or more recipients (bob@example.org:blocked)",
      category: "policy-spam-content", source: "Barracuda, via suped.com"),
    Text(
      reply: "554 Message rejected: Email address is not verified. The following identities "
        + "failed the check in region US-EAST-1: a@example.com",
      category: "sender-rejected", source: "Amazon SES (repost.aws knowledge center)"),
  ]

  @Test(arguments: texts) func explains(_ text: Text) throws {
    let run = try RunBinary.run(["explain", text.reply, "--json"])
    #expect(run.status == 0, "\(text.source): \(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    let diagnosis = (object as? [String: Any])?["diagnosis"] as? [String: Any]
    let expectedClass = text.reply.hasPrefix("4") ? "transient-negative" : "permanent-negative"
    #expect(diagnosis?["class"] as? String == expectedClass)
    #expect((diagnosis?["summary"] as? String)?.isEmpty == false)
    if !text.category.isEmpty {
      #expect(diagnosis?["category"] as? String == text.category, "\(text.source)")
    }
  }
}
