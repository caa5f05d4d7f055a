/// The round trip's findings: the IMAP login, the message's arrival and its latency, the
/// authentication results the receiving server wrote, and the removal of the test message.
///
/// `imap` is CRITICAL when the mailbox could not be read (the password refused, no STARTTLS,
/// an untrusted certificate): the round trip says nothing then. `arrival` carries the
/// latency from the submission's 250 to the search that found the message as perfdata, judged
/// by the arrival thresholds, and is CRITICAL when `--arrival-timeout` passed first.
/// `auth-results` (one per `--expect-auth` method) reads the topmost Authentication-Results
/// field that reports the method (RFC 8601 7.1: the receiver's own field is the first), and
/// for SPF falls back to Received-SPF (RFC 7208 9.1); a missing or different result is
/// CRITICAL and names what the header said. `cleanup` is WARNING when the message stayed.
extension CheckJudgement {
  /// The findings of one round trip.
  public func roundTripFindings(_ record: RoundTripRecord, limits: RoundTripLimits)
    -> [CheckFinding]
  {
    let request = record.request
    var findings: [CheckFinding] = []
    guard record.authenticated else {
      let failure = record.failure?.description ?? "the IMAP session ended early"
      findings.append(
        CheckFinding(
          check: .imap, state: .critical, summary: "\(request.mailbox): \(failure)",
          explanation: "The round trip could not read the mailbox, so it cannot tell whether "
            + "the test message arrived.",
          fix: Self.imapFix(record.failure)))
      findings.append(.notApplicable(.arrival, because: "the mailbox could not be read"))
      for expectation in limits.expectations {
        findings.append(
          .notApplicable(
            .authResults, subject: expectation.method, because: "the mailbox could not be read"))
      }
      return findings
    }
    let over = record.tls.map { " over \($0.protocolVersion)" } ?? ""
    findings.append(
      CheckFinding(
        check: .imap, state: .ok, summary: "logged in to \(request.mailbox)\(over)"))
    var arrival = arrivalFinding(record, limits: limits)
    arrival.record = Self.roundTripFields(record)
    findings.append(arrival)
    let authentication = record.header.map(MessageAuthentication.init(header:))
    for expectation in limits.expectations {
      guard let authentication else {
        findings.append(
          .notApplicable(
            .authResults, subject: expectation.method, because: "no message header was read"))
        continue
      }
      findings.append(Self.authFinding(expectation, authentication))
    }
    switch record.cleanup {
    case .deleted(let command)?:
      let uids = record.uids.map(String.init).joined(separator: ",")
      findings.append(
        CheckFinding(
          check: .cleanup, state: .ok,
          summary: "test message deleted (UID \(uids), \(command))"))
    case .failed(let command, let text)?:
      findings.append(
        CheckFinding(
          check: .cleanup, state: .warning,
          summary: "test message left in \(request.mailbox.mailbox): \(command) refused: \(text)",
          explanation: "Every round trip leaves one more test message in the mailbox.",
          fix: "Let the account delete messages (\\Deleted and EXPUNGE), or clean up by hand."))
    case nil:
      findings.append(.notApplicable(.cleanup, because: "no test message to delete"))
    }
    return findings
  }

  /// `arrival`: the latency against the thresholds, or CRITICAL when it never came.
  func arrivalFinding(_ record: RoundTripRecord, limits: RoundTripLimits) -> CheckFinding {
    let request = record.request
    guard let seconds = record.arrivalSeconds else {
      let waited = DecimalText.text(record.waitedSeconds, places: 1)
      if let failure = record.failure {
        return CheckFinding(
          check: .arrival, state: .critical,
          summary:
            "test message \(request.token): the search stopped after \(waited) s: \(failure)",
          explanation: "The mailbox was opened, but looking for the message failed.",
          fix: "Check the IMAP server's log for the refused command.")
      }
      return CheckFinding(
        check: .arrival, state: .critical,
        summary: "test message \(request.token) not in \(request.mailbox.mailbox) after "
          + "\(waited) s (\(record.searches) searches)",
        explanation: "The submission server accepted the message, but it did not reach the "
          + "mailbox within --arrival-timeout: it is queued, deferred, bounced or filed as spam.",
        fix: "Look for the token in the submission server's log (the queue id is in the message "
          + "finding) and in the mailbox's spam folder.")
    }
    let state = limits.arrival.evaluate(seconds)
    let datum = PerfDatum(
      label: "arrival", value: seconds, unit: .seconds, warning: limits.arrival.warning,
      critical: limits.arrival.critical, minimum: 0)
    return CheckFinding(
      check: .arrival, state: state,
      summary: "test message \(request.token) arrived in \(request.mailbox.mailbox) after "
        + "\(DecimalText.text(seconds, places: 3)) s",
      explanation: state == .ok
        ? "" : "Delivery took longer than the --arrival-warn/--arrival-crit thresholds allow.",
      fix: state == .ok
        ? ""
        : "Look at the queue of the servers between (greylisting, "
          + "content filters, a busy queue).",
      value: seconds, unit: .seconds, perfdata: [datum])
  }

  /// One `--expect-auth` item against the message's headers.
  static func authFinding(_ expectation: AuthExpectation, _ authentication: MessageAuthentication)
    -> CheckFinding
  {
    let method = expectation.method
    let wanted = expectation.result
    var found: (result: String, source: String)?
    for header in authentication.authenticationResults {
      let results = header.results(for: method)
      guard !results.isEmpty else { continue }
      let result = results.first { $0.result == wanted } ?? results[0]
      var source = "Authentication-Results by \(header.authservID ?? "an unnamed server")"
      if let reason = result.reason { source += ", reason: \(reason)" }
      if let comment = result.comments.first, !comment.isEmpty {
        source += ", comment: \(comment)"
      }
      found = (result.result, source)
      break
    }
    if found == nil, method == "spf", let spf = authentication.receivedSPF.first {
      found = (spf.result, "Received-SPF" + (spf.comment.map { ", comment: \($0)" } ?? ""))
    }
    guard let found else {
      return CheckFinding(
        check: .authResults, subject: method, state: .critical,
        summary: "no Authentication-Results field reports \(method) (expected \(method)=\(wanted))",
        explanation: "The receiving server wrote no \(method) result into the message "
          + "(RFC 8601), so it did not check \(method) or does not say so.",
        fix: "Enable \(method) checking on the receiving server (for example a milter adding "
          + "Authentication-Results), or drop \(method) from --expect-auth.")
    }
    guard found.result == wanted else {
      return CheckFinding(
        check: .authResults, subject: method, state: .critical,
        summary: "\(method)=\(found.result), expected \(method)=\(wanted) (\(found.source))",
        explanation: "The receiving server judged the message's \(method) as "
          + "\(found.result); receivers that enforce DMARC may reject or quarantine it.",
        fix: "Check the sending domain's \(method) setup against the server that sent the test "
          + "message.")
    }
    return CheckFinding(
      check: .authResults, subject: method, state: .ok,
      summary: "\(method)=\(found.result) (\(found.source))")
  }

  /// What to do about a mailbox that could not be read.
  static func imapFix(_ failure: RoundTripFailure?) -> String {
    switch failure {
    case .loginRefused?:
      "Check the IMAP user and password (--imap-password-file or SMTPPROBE_IMAP_PASSWORD)."
    case .startTLSNotOffered?:
      "Use imaps:// (port 993), or enable STARTTLS on the IMAP server."
    case .untrustedCertificate?:
      "Fix the IMAP server's certificate, or pass --cafile with the CA that signed it."
    case .connect?:
      "Check the IMAP host and port, and that no firewall drops them."
    default:
      "Check the IMAP server's log for this session."
    }
  }
}

extension CheckID {
  /// The round trip's IMAP login (RFC 9051 6.2).
  public static let imap: CheckID = "imap"
  /// Whether and how fast the test message reached the mailbox.
  public static let arrival: CheckID = "arrival"
  /// One `--expect-auth` method against the message's Authentication-Results (RFC 8601).
  public static let authResults: CheckID = "auth-results"
  /// Whether the test message was deleted after the round trip.
  public static let cleanup: CheckID = "cleanup"
}
