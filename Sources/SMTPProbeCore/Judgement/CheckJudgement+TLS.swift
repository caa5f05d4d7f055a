/// The TLS checks of one session: STARTTLS offered, negotiated and verified, the protocol
/// version and every certificate's days left.
extension CheckJudgement {
  /// Appends the TLS findings; the later ones are skipped when an earlier one failed.
  func tlsFindings(_ session: SessionRecord, into findings: inout CheckFindingList) {
    let onConnect = session.tlsOnConnect
    if !onConnect {
      let capabilities = session.capabilitiesBeforeTLS ?? session.capabilities
      guard capabilities?.offers(.startTLS) == true else {
        findings.append(
          profile == .submission
            ? Self.submissionWithoutTLS
            : CheckFinding(
              check: .startTLSOffered, state: .warning, summary: "STARTTLS is not offered",
              explanation:
                "Mail to this server travels in clear text; senders that insist on TLS (MTA-STS,"
                + " DANE, RFC 8461, RFC 7672) cannot deliver (RFC 3207 4).",
              fix: "Install a certificate and enable STARTTLS."))
        for check in [
          CheckID.startTLSNegotiated, .tlsVerified, .tlsProtocol, .certDays, .tlsCipher,
        ] {
          findings.append(.notApplicable(check, because: "STARTTLS is not offered"))
        }
        return
      }
      findings.append(
        CheckFinding(check: .startTLSOffered, state: .ok, summary: "STARTTLS is offered"))
    }
    guard let tls = session.tls else {
      let refusal = session.steps.first { $0.command == .startTLS && !$0.reply.isPositive }
      if let refusal {
        findings.append(replyFinding(.startTLSNegotiated, refusal, what: "STARTTLS"))
      } else if let problem = session.problem, !findings.problemReported {
        findings.problemReported = true
        findings.append(
          CheckFinding(
            check: .startTLSNegotiated, state: .critical, summary: problem.description,
            explanation: "STARTTLS was accepted but no TLS session came up (RFC 3207 4.1).",
            fix: "Check the server's TLS configuration: certificate, key, protocols, ciphers."))
      } else {
        findings.append(.notApplicable(.startTLSNegotiated, because: "not reached"))
      }
      return
    }
    findings.append(
      CheckFinding(
        check: .startTLSNegotiated, state: .ok,
        summary: "\(tls.protocolVersion) \(tls.cipher)"))
    findings.append(verification(tls))
    if tls.usesDeprecatedProtocol {
      findings.append(
        CheckFinding(
          check: .tlsProtocol, state: .warning, summary: "\(tls.protocolVersion) negotiated",
          explanation: "RFC 8996 deprecates TLS 1.0 and 1.1; current clients refuse them.",
          fix: "Enable TLS 1.2 and 1.3 on the server."))
    } else {
      findings.append(
        CheckFinding(check: .tlsProtocol, state: .ok, summary: tls.protocolVersion))
    }
    findings.append(cipherFinding(tls))
    for (depth, certificate) in tls.chain.enumerated() {
      findings.append(lifetime(certificate, depth: depth))
    }
  }

  /// Whether the chain is trusted and matches the name dialled (RFC 6125).
  func verification(_ tls: TLSReport) -> CheckFinding {
    let verification = tls.verification
    guard let first = verification.faults.first else {
      return CheckFinding(
        check: .tlsVerified, state: .ok,
        summary: "certificate trusted for \(verification.expectedName)")
    }
    return CheckFinding(
      check: .tlsVerified, state: .critical,
      summary: "certificate not trusted for \(verification.expectedName): "
        + verification.faults.map(\.name).joined(separator: ", "),
      explanation: verification.faults.map(\.explanation).joined(separator: " "),
      fix: first.fix)
  }

  /// The days left of the certificate at `depth` (0 is the server's own).
  func lifetime(_ certificate: CertificateInfo, depth: Int) -> CheckFinding {
    let days = certificate.daysLeft(now: now)
    let name = certificate.commonName ?? certificate.subject
    let state = limits.certificateState(daysLeft: days)
    let label = depth == 0 ? "cert_days" : "cert_days_\(depth)"
    let summary =
      days < 0
      ? "\(name) expired \(-days) days ago (\(certificate.notAfter.iso8601))"
      : "\(name) expires in \(days) days (\(certificate.notAfter.iso8601))"
    return CheckFinding(
      check: .certDays, subject: "depth \(depth)", state: state, summary: summary,
      explanation: state == .ok
        ? ""
        : "A certificate past its notAfter date is refused by every verifying client "
          + "(RFC 5280 4.1.2.5); limits: warning below \(limits.certWarningDays) days, "
          + "critical below \(limits.certCriticalDays).",
      fix: state == .ok ? "" : "Renew the certificate and reload the server.",
      value: Double(days), unit: PerfUnit.none,
      perfdata: [limits.certificatePerfDatum(daysLeft: days, label: label)])
  }
}
