@testable import SMTPProbeCore

/// Check reports for the renderer tests, with the text a hostile or careless server could put
/// in front of each format: `|`, quotes, `<&>`, `%`, `:`, `,`, line breaks and control bytes.
enum CheckReportFixtures {
  static let limits = CheckLimits(
    total: Thresholds(warning: .above(10), critical: .above(20)),
    phases: [.greeting: Thresholds(warning: .above(5), critical: .above(15))])

  static let relayReply = Reply(250, "2.1.5 Ok | \"quoted\" <relay-test@example.net> 100% a:b,c")

  /// An MX host with an open relay, a certificate close to expiry and a skipped check.
  static let mx1 = CheckHostReport(
    host: "mx1.example.org", address: "192.0.2.1", port: 25,
    findings: [
      CheckFinding(
        check: .connect, state: .ok, summary: "connected in 12 ms", value: 0.012,
        unit: .seconds,
        perfdata: [limits.perfDatum(for: PhaseTiming(.connect, seconds: 0.012), label: "connect")]),
      CheckFinding(
        check: .greeting, state: .warning, summary: "greeting took 6.5 s",
        explanation: "A slow greeting is often a tarpit.", fix: "Look at the server's load.",
        value: 6.5, unit: .seconds,
        perfdata: [limits.perfDatum(for: PhaseTiming(.greeting, seconds: 6.5), label: "greeting")]),
      CheckFinding(
        check: .certDays, subject: "mx1.example.org", state: .warning,
        summary: "certificate expires in 12 days", fix: "Renew it.", value: 12, unit: PerfUnit.none,
        perfdata: [limits.certificatePerfDatum(daysLeft: 12, label: "cert_days")]),
      CheckFinding(
        check: .relay, state: .critical,
        summary: "open relay: accepted 1 of 9 forms (percent hack) | 50% <&> \"it's\"",
        explanation: "Line one\nline two\r\nwith \u{1}control\u{7} bytes",
        fix: "Set smtpd_relay_restrictions: permit_mynetworks, reject_unauth_destination",
        evidence: CheckEvidence(
          answered: .rcpt, commandLine: "RCPT TO:<relay-test%example.net@example.org>",
          reply: relayReply)),
      .notApplicable(.startTLSEnforced, because: "--require-starttls was not given"),
    ],
    timings: [PhaseTiming(.connect, seconds: 0.012), PhaseTiming(.greeting, seconds: 6.5)],
    certificates: [
      CertificateInfo(
        commonName: "mx1.example.org", subject: "CN=mx1.example.org",
        issuerCommonName: "Test CA", issuer: "CN=Test CA", alternativeNames: [],
        notBefore: UnixTime(seconds: 1_700_000_000), notAfter: UnixTime(seconds: 1_800_000_000),
        serialNumber: "01", keyType: "EC", keyBits: 256, signatureAlgorithm: "ecdsa-with-SHA256",
        isSelfSigned: false)
    ])

  /// A second MX host, all well, reached over IPv6.
  static let mx2 = CheckHostReport(
    host: "mx2.example.org", address: "2001:db8::25", port: 25,
    findings: [
      CheckFinding(
        check: .connect, state: .ok, summary: "connected in 20 ms",
        perfdata: [limits.perfDatum(for: PhaseTiming(.connect, seconds: 0.02), label: "connect")]),
      CheckFinding(check: .relay, state: .ok, summary: "relay refused for all 9 forms"),
    ],
    timings: [PhaseTiming(.connect, seconds: 0.02)])

  /// A second target whose check could not run at all.
  static let broken = CheckTargetReport(
    target: "smtp.example.com:587",
    findings: [
      CheckFinding(
        check: "resolve", state: .unknown, summary: "no resolver configured",
        explanation: "/etc/resolv.conf names no server.", fix: "Pass --dns-server.")
    ],
    hosts: [])

  static let report = CheckReport(targets: [
    CheckTargetReport(
      target: "example.org",
      findings: [CheckFinding(check: "mx", state: .ok, summary: "2 MX hosts")],
      hosts: [mx1, mx2]),
    broken,
  ])

  static let healthy = CheckReport(targets: [
    CheckTargetReport(target: "example.org", hosts: [mx2])
  ])
}
