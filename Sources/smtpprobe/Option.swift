import SMTPProbeCore

/// Every option the tool knows; `declaration` is the single table parsing, help and errors
/// read (DESIGN.md, "Command line").
enum Option: CaseIterable, Hashable, Sendable {
  case after
  case server, port, from, to, helo, quitAfter, data, sendTestMessage, noPipelining, allMX
  case tls, tlsOnConnect, tlsVerify, sni, cafile, authUser, authPasswordFile, authMech
  case authInsecure
  case dnsServer, timeout, greetingTimeout, connectTimeout, maxTime, mxAddressLimit, ipv4, ipv6
  case format, report, warning, critical, phaseWarn, phaseCrit, certWarn, certCrit, rcpt
  case requireStartTLS
  case file, catchAll, rcptPerSession, greylistWait, greylistMax, failOn, disposableList
  case csv, verbose
  case json, color, lang, help, version
  case submission, targets, concurrency
  case proxy
  case roundtrip, imap, imapPasswordFile, arrivalWarn, arrivalCrit, arrivalTimeout, expectAuth
  case spfIP, clientIP, dkimSelector, dnsbl, noPosture
  case relayTest
  case mtaSTSPort
  case perHost, rate, state, forceIdentity, transactionsPerSession

  /// The option's names, value, help line and commands.
  var declaration: OptionDeclaration {
    typealias D = OptionDeclaration
    switch self {
    case .after:
      return D(
        "--after", .value(placeholder: CommandKind.placeholder), .explain, for: [.explain],
        help: "the command the reply answered: greeting, ehlo, mail, rcpt, data, . (end of data),"
          + " starttls, auth, ...")
    case .server:
      return D(
        "--server", .value(placeholder: "HOST[:PORT]"), .dialogue, for: [.probe, .check, .verify],
        help: "probe this host instead of a domain's MX hosts")
    case .port:
      return D(
        "--port", .value(placeholder: PortNumber.placeholder), .dialogue,
        for: [.probe, .check, .verify],
        help: "port (default 25; 465 with --tls-on-connect)")
    case .from:
      return D(
        "--from", .value(placeholder: "ADDR"), .dialogue, for: [.probe, .check, .verify],
        help: "envelope sender (default: the null sender <>)")
    case .to:
      return D(
        "--to", .repeatedValue(placeholder: "ADDR"), .dialogue, for: [.probe, .check],
        help: "recipient; repeat for several")
    case .helo:
      return D(
        "--helo", .value(placeholder: "NAME"), .dialogue, for: [.probe, .check, .verify],
        help: "name to send in EHLO/HELO (default: this host's name)")
    case .quitAfter:
      return D(
        "--quit-after", .value(placeholder: DialoguePlan.Stage.placeholder), .dialogue,
        for: [.probe], help: "stop after " + DialoguePlan.Stage.expected)
    case .data:
      return D(
        "--data", .value(placeholder: "FILE"), .dialogue, for: [.probe],
        help: "send FILE as the message, streamed from disk (- is standard input)")
    case .sendTestMessage:
      return D(
        "--send-test-message", .dialogue, for: [.probe, .check], help: "send a small test message")
    case .noPipelining:
      return D(
        "--no-pipelining", .dialogue, for: [.probe],
        help: "one command per round trip even with PIPELINING")
    case .allMX:
      return D(
        "--all-mx", .dialogue, for: [.probe],
        help: "probe every MX host, not only the first that answers")
    case .tls:
      return D(
        "--tls", .value(placeholder: DialoguePlan.TLSMode.placeholder), .tlsAndAuth,
        for: [.probe, .verify], help: "STARTTLS when offered (auto), insist on it, or never")
    case .tlsOnConnect:
      return D(
        "--tls-on-connect", .tlsAndAuth, for: [.probe, .check], help: "implicit TLS (port 465)")
    case .tlsVerify:
      return D(
        "--tls-verify", .tlsAndAuth, for: [.probe],
        help: "make certificate verification failures an error")
    case .sni:
      return D(
        "--sni", .value(placeholder: "NAME"), .tlsAndAuth, for: [.probe, .check],
        help: "send NAME (a host name, IDN as xn-- A-labels) as SNI and check the certificate"
          + " against it")
    case .cafile:
      return D(
        "--cafile", .value(placeholder: "PATH"), .tlsAndAuth, for: [.probe, .check],
        help: "trust the CA certificates in PATH (PEM)")
    case .authUser:
      return D(
        "--auth-user", .value(placeholder: "USER"), .tlsAndAuth, for: [.probe, .check],
        help: "authenticate as USER")
    case .authPasswordFile:
      return D(
        "--auth-password-file", .value(placeholder: "PATH|-"), .tlsAndAuth, for: [.probe, .check],
        help: "read the password from PATH, a FIFO or - (standard input); else"
          + " SMTPPROBE_PASSWORD")
    case .authMech:
      return D(
        "--auth-mech", .value(placeholder: "MECH"), .tlsAndAuth, for: [.probe, .check],
        help: "PLAIN, LOGIN or CRAM-MD5 (default: best offered)")
    case .authInsecure:
      return D(
        "--auth-insecure", .tlsAndAuth, for: [.probe, .check],
        help: "allow AUTH without TLS or over untrusted TLS")
    case .dnsServer:
      return D(
        "--dns-server", .value(placeholder: "IP[:PORT]"), .network, for: [.probe, .check, .verify],
        help: "send DNS queries to this server")
    case .timeout:
      return D(
        "--timeout", .value(placeholder: Seconds.placeholder), .network,
        for: [.probe, .check, .verify],
        help: "per command (default 30)")
    case .greetingTimeout:
      return D(
        "--greeting-timeout", .value(placeholder: Seconds.placeholder), .network,
        for: [.probe, .check, .verify],
        help: "wait for the greeting (default 60)")
    case .connectTimeout:
      return D(
        "--connect-timeout", .value(placeholder: Seconds.placeholder), .network,
        for: [.probe, .check, .verify],
        help: "TCP connect (default 15)")
    case .maxTime:
      return D(
        "--max-time", .value(placeholder: Seconds.placeholder), .network,
        for: [.probe, .check],
        help: "the whole run, DNS included (default: no limit; check: 50 per target)")
    case .mxAddressLimit:
      return D(
        "--mx-address-limit", .value(placeholder: AddressLimit.placeholder), .network,
        for: [.probe, .check], help: "addresses tried per MX host (default 5; 0: no limit)")
    case .ipv4:
      return D("-4", .network, for: [.probe, .check, .verify], help: "IPv4 only")
    case .ipv6:
      return D("-6", .network, for: [.probe, .check, .verify], help: "IPv6 only")
    case .format:
      return D(
        "--format", .value(placeholder: "nagios|text|json|junit|github|prometheus"), .check,
        for: [.check], help: "the report on stdout (default: text on a terminal, else nagios)")
    case .report:
      return D(
        "--report", .repeatedValue(placeholder: "FORMAT:PATH"), .check, for: [.check],
        help: "also write the report in FORMAT to PATH (replaced atomically); repeatable")
    case .warning:
      return D(
        "--warning", short: "-w", .value(placeholder: "RANGE"), .check, for: [.check],
        help: "WARNING when the whole session's seconds are outside RANGE (e.g. 5)")
    case .critical:
      return D(
        "--critical", short: "-c", .value(placeholder: "RANGE"), .check, for: [.check],
        help: "CRITICAL when the whole session's seconds are outside RANGE (e.g. 10)")
    case .phaseWarn:
      return D(
        "--phase-warn", .repeatedValue(placeholder: "PHASE=RANGE"), .check, for: [.check],
        help: "WARNING for one phase (connect, greeting, ehlo, tls, mail, rcpt); repeatable")
    case .phaseCrit:
      return D(
        "--phase-crit", .repeatedValue(placeholder: "PHASE=RANGE"), .check, for: [.check],
        help: "CRITICAL for one phase; repeatable")
    case .certWarn:
      return D(
        "--cert-warn", .value(placeholder: "DAYS"), .check, for: [.check],
        help: "WARNING when a certificate has fewer days left (default 20)")
    case .certCrit:
      return D(
        "--cert-crit", .value(placeholder: "DAYS"), .check, for: [.check],
        help: "CRITICAL when a certificate has fewer days left (default 10)")
    case .rcpt:
      return D(
        "--rcpt", .repeatedValue(placeholder: "ADDR=accept|reject"), .check, for: [.check],
        help: "assert the answer to RCPT TO for ADDR; repeatable")
    case .requireStartTLS:
      return D(
        "--require-starttls", .check, for: [.check],
        help: "also try MAIL FROM in a second session without TLS: accepted is CRITICAL")
    case .file:
      return D(
        "--file", .value(placeholder: "PATH|-"), .verify, for: [.verify],
        help: "addresses one a line (- is standard input); blank lines and # comments skipped")
    case .catchAll:
      return D(
        "--catch-all", .value(placeholder: CatchAllMode.placeholder), .verify, for: [.verify],
        help: "probe a random address at the domain after the real ones (default), or skip it")
    case .rcptPerSession:
      return D(
        "--rcpt-per-session", .value(placeholder: RecipientCount.placeholder), .verify,
        for: [.verify], help: "addresses checked in one session (default 50)")
    case .greylistWait:
      return D(
        "--greylist-wait", .value(placeholder: Seconds.placeholder), .verify, for: [.verify],
        help: "pause before retrying a greylisted address (default 60)")
    case .greylistMax:
      return D(
        "--greylist-max", .value(placeholder: Seconds.placeholder), .verify, for: [.verify],
        help: "stop retrying this long after the first greylisting (default 600)")
    case .failOn:
      return D(
        "--fail-on", .value(placeholder: "VERDICT,..."), .verify, for: [.verify],
        help: "a list exits 1 when an address got one of these verdicts")
    case .disposableList:
      return D(
        "--disposable-list", .value(placeholder: "FILE"), .verify, for: [.verify],
        help: "domains to flag as disposable, one a line")
    case .csv:
      return D("--csv", .output, for: [.verify], help: "CSV with a header (RFC 4180)")
    case .verbose:
      return D(
        "--verbose", short: "-v", .output, for: [.verify],
        help: "show each session's dialogue on stderr")
    case .json:
      return D("--json", .output, help: "machine-readable output (stable snake_case keys)")
    case .color:
      return D(
        "--color", .value(placeholder: ColorChoice.placeholder), .output,
        help: "colour on a terminal (auto; NO_COLOR turns it off)")
    case .lang:
      return D(
        "--lang", .value(placeholder: Language.placeholder), .output,
        help: "language of the section headings")
    case .help:
      return D("--help", short: "-h", .output, help: "show this help")
    case .version:
      return D("--version", .output, help: "print the version")
    case .submission:
      return D(
        "--submission", .repeatedValue(placeholder: "HOST[:PORT]"), .check, for: [.check],
        help: "check a submission server (587 STARTTLS; 465 with --tls-on-connect); repeatable")
    case .targets:
      return D(
        "--targets", .value(placeholder: "FILE|-"), .check, for: [.check],
        help: "targets one a line: DOMAIN, --server HOST[:PORT] or --submission HOST[:PORT];"
          + " # comments")
    case .concurrency:
      return D(
        "--concurrency", .value(placeholder: TargetConcurrency.placeholder), .network,
        for: [.check, .verify],
        help: "check: targets at the same time (default 8); verify: sessions (default 16)")
    case .proxy:
      return D(
        "--proxy", .value(placeholder: "socks5://[USER@]HOST:PORT"), .network,
        for: [.probe, .check, .verify],
        help: "connect through this SOCKS5 proxy (RFC 1928); the password of USER comes from"
          + " SMTPPROBE_PROXY_PASSWORD")
    case .roundtrip:
      return D(
        "--roundtrip", .check, for: [.check],
        help: "send the test message through --submission and wait for it in --imap's mailbox")
    case .imap:
      return D(
        "--imap", .value(placeholder: "imaps://USER@HOST[:PORT]/MAILBOX"), .check, for: [.check],
        help: "the mailbox --roundtrip reads (imap:// requires STARTTLS)")
    case .imapPasswordFile:
      return D(
        "--imap-password-file", .value(placeholder: "PATH|-"), .check, for: [.check],
        help: "read the IMAP password from PATH or - (standard input); else"
          + " SMTPPROBE_IMAP_PASSWORD")
    case .arrivalWarn:
      return D(
        "--arrival-warn", .value(placeholder: "RANGE"), .check, for: [.check],
        help: "WARNING when the round trip's seconds are outside RANGE (e.g. 30)")
    case .arrivalCrit:
      return D(
        "--arrival-crit", .value(placeholder: "RANGE"), .check, for: [.check],
        help: "CRITICAL when the round trip's seconds are outside RANGE (e.g. 120)")
    case .arrivalTimeout:
      return D(
        "--arrival-timeout", .value(placeholder: Seconds.placeholder), .check, for: [.check],
        help: "stop waiting for the test message (default 120): CRITICAL")
    case .expectAuth:
      return D(
        "--expect-auth", .value(placeholder: "METHOD=RESULT,..."), .check, for: [.check],
        help: "the arrived message's Authentication-Results must say so (e.g. spf=pass,dkim=pass)")
    case .spfIP:
      return D(
        "--spf-ip", .value(placeholder: "IP"), .check, for: [.check],
        help: "evaluate the domain's SPF record for this sending address (also DNSBL-checked)")
    case .clientIP:
      return D(
        "--client-ip", .repeatedValue(placeholder: "IP"), .check, for: [.check],
        help: "a sending address to look up in the DNS blocklists; repeatable")
    case .dkimSelector:
      return D(
        "--dkim-selector", .repeatedValue(placeholder: "SELECTOR"), .check, for: [.check],
        help: "check the DKIM key at SELECTOR._domainkey.DOMAIN; repeatable")
    case .dnsbl:
      return D(
        "--dnsbl", .repeatedValue(placeholder: "ZONE"), .check, for: [.check],
        help: "look addresses up in ZONE instead of the default blocklists; repeatable")
    case .noPosture:
      return D(
        "--no-posture", .check, for: [.check],
        help: "skip the DNS posture of a DOMAIN (SPF, DMARC, DKIM, TLS-RPT, DNSBL, null MX,"
          + " MTA-STS, DANE)")
    case .relayTest:
      return D(
        "--relay-test", .check, for: [.check],
        help: "also try the open-relay matrix in one session, never DATA: any accepted form is "
          + "CRITICAL")
    case .mtaSTSPort:
      return D(
        "--mta-sts-port", .value(placeholder: PortNumber.placeholder), .check, for: [.check],
        help: "for testing: the HTTPS port of mta-sts.DOMAIN (RFC 8461 fixes 443)")
    case .perHost:
      return D(
        "--per-host", .value(placeholder: SessionLimit.placeholder), .verify, for: [.verify],
        help: "sessions at once on one MX host (default 1)")
    case .rate:
      return D(
        "--rate", .value(placeholder: RecipientRate.placeholder), .verify, for: [.verify],
        help: "RCPT commands per second per MX host (default: no limit)")
    case .state:
      return D(
        "--state", .value(placeholder: "FILE"), .verify, for: [.verify],
        help: "record finished addresses here; a rerun skips them")
    case .forceIdentity:
      return D(
        "--force-identity", .verify, for: [.verify],
        help: "allow a big mail provider's domain as --helo or --from domain")
    case .transactionsPerSession:
      return D(
        "--transactions-per-session", .value(placeholder: SessionLimit.placeholder), .verify,
        for: [.verify], help: "chunks one session checks, RSET between them (default 10)")
    }
  }

  /// The option called `name` (long or short), or nil.
  static func named(_ name: String) -> Option? {
    allCases.first { $0.declaration.name == name || $0.declaration.short == name }
  }
}
