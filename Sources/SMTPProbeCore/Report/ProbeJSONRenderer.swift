/// Renders a probe as DESIGN.md's probe JSON, keys in the documented order.
///
/// DESIGN.md's keys come first and are never renamed: `target`, `mx [{host, preference,
/// addresses}]`, `sessions [{host, address, port, tls, capabilities, steps [{command, reply,
/// diagnosis, elapsed_ms}], transcript [{t_ms, dir, line}]}]`, `verdict {status, summary}`,
/// `exit_code`. Added keys: per step `command_line` (redacted); per session `timings`, `round_trips`, `pipelined`, `queue_id`,
/// `recipients`, `capabilities_before_tls`, `auth {user, mechanism, authenticated}` (never
/// the password), `notes`, `identity`, `verdict`; top level `route`, `connect_failures`,
/// `warnings`, `notes`, `advice`, `interrupted` (a signal ended the run early); per connect
/// failure `proxy_hop` (`proxy`, `authentication` or `destination` when `--proxy` failed).
public struct ProbeJSONRenderer: Sendable {
  /// The wall clock for certificate days left.
  public var now: UnixTime

  public init(now: UnixTime) {
    self.now = now
  }

  /// The whole probe, pretty-printed, with a final newline.
  public func render(_ outcome: ProbeOutcome) -> String {
    jsonValue(outcome).pretty + "\n"
  }

  /// The probe as a JSON value.
  public func jsonValue(_ outcome: ProbeOutcome) -> JSONValue {
    let mx: [JSONValue] = (outcome.route?.mx ?? []).map { host in
      [
        "host": .string(host.host), "preference": .int(Int(host.preference)),
        "addresses": JSONValue(host.addresses), "problems": JSONValue(host.problems),
      ]
    }
    var failures: [JSONValue] = []
    for attempt in outcome.attempts {
      for failed in attempt.failedConnects {
        var hop: String?
        if case .proxy(let failure) = failed.error { hop = failure.hop.rawValue }
        failures.append([
          "host": .string(attempt.host), "address": .string(failed.address.host),
          "port": .int(failed.address.port), "error": .string(failed.error.reason),
          "proxy_hop": JSONValue(hop),
        ])
      }
      if case .resolution(let error)? = attempt.connectFailure {
        failures.append([
          "host": .string(attempt.host), "address": nil, "port": .int(attempt.port),
          "error": .string(error.description), "proxy_hop": nil,
        ])
      }
      if let problem = attempt.implicitTLSProblem {
        failures.append([
          "host": .string(attempt.host), "address": nil, "port": .int(attempt.port),
          "error": .string("implicit TLS failed: \(ProbeTextRenderer.implicitTLSText(problem))"),
          "proxy_hop": nil,
        ])
      }
    }
    let route: JSONValue =
      outcome.route.map { route in
        [
          "domain": .string(route.domain), "kind": .string(route.kind.rawValue),
          "failure": JSONValue(route.failure?.description), "notes": JSONValue(route.notes),
          "warnings": JSONValue(route.warnings),
        ]
      } ?? .null
    return [
      "target": .string(outcome.target),
      "mx": .array(mx),
      "sessions": .array(
        zip(outcome.attempts, outcome.hostVerdicts).compactMap { attempt, verdict in
          attempt.session.map { session(attempt, $0, verdict: verdict) }
        }),
      "verdict": verdict(outcome.verdict),
      "exit_code": .int(Int(outcome.exitCode)),
      "route": route,
      "connect_failures": .array(failures),
      "warnings": JSONValue(outcome.warnings.map(\.description)),
      "notes": JSONValue(outcome.notes.map(\.description)),
      "advice": JSONValue(outcome.advice.map(\.description)),
      "interrupted": .bool(outcome.record.stop?.isInterruption ?? false),
    ]
  }

  private func verdict(_ verdict: Verdict) -> JSONValue {
    ["status": .string(verdict.status.rawValue), "summary": .string(verdict.summary)]
  }

  private func session(_ attempt: HostAttempt, _ session: SessionRecord, verdict: Verdict)
    -> JSONValue
  {
    let steps: [JSONValue] = session.steps.map { step in
      [
        "command": .string(step.command.rawValue),
        "reply": step.reply.jsonValue,
        "diagnosis": step.diagnosis.jsonValue,
        "elapsed_ms": .int(step.elapsedMilliseconds),
        "command_line": JSONValue(step.commandLine),
      ]
    }
    let transcript: [JSONValue] = session.transcript.entries.map { entry in
      let value: JSONValue = [
        "t_ms": .int(entry.milliseconds), "dir": .string(entry.direction.rawValue),
        "line": .string(entry.line),
      ]
      guard entry.partial, case .object(let members) = value else { return value }
      // A reply cut off before it completed (a timeout, a failure).
      return .object(members + [("partial", .bool(true))])
    }
    let recipients: [JSONValue] = session.recipients.map { recipient in
      [
        "address": .string(recipient.address.mailbox), "accepted": .bool(recipient.accepted),
        "code": .int(recipient.reply.code),
        "enhanced": JSONValue(recipient.reply.enhanced?.description),
      ]
    }
    return [
      "host": JSONValue(session.host ?? attempt.host),
      "address": JSONValue(session.address),
      "port": JSONValue(session.port ?? attempt.port),
      "tls": session.tls.map { $0.jsonValue(now: now) } ?? .null,
      "capabilities": JSONValue(session.capabilityLines),
      "steps": .array(steps),
      "transcript": .array(transcript),
      "preference": attempt.preference.map { .int(Int($0)) } ?? .null,
      "timings": [
        "connect_ms": JSONValue(session.connectMilliseconds),
        "greeting_ms": JSONValue(session.greetingMilliseconds),
        "total_ms": .int(session.totalMilliseconds),
      ],
      "round_trips": .int(session.roundTrips),
      "pipelined": .bool(session.pipelined),
      "queue_id": JSONValue(session.queueID),
      "message_accepted": .bool(session.messageAccepted),
      "recipients": .array(recipients),
      "capabilities_before_tls": session.capabilitiesBeforeTLS.map {
        JSONValue($0.keywords.map(\.line))
      } ?? .null,
      "auth": session.auth.map { auth -> JSONValue in
        [
          "user": .string(auth.user), "mechanism": .string(auth.mechanism),
          "authenticated": .bool(auth.authenticated),
        ]
      } ?? .null,
      "notes": JSONValue(session.notes.map(\.description)),
      "identity": attempt.identity.map(identity) ?? .null,
      "verdict": self.verdict(verdict),
      "message": session.facts.content.map(message) ?? .null,
    ]
  }

  /// What went out as the message content: RFC 1870 octets, lines, and its faults.
  private func message(_ report: ContentReport) -> JSONValue {
    func fault(_ fault: LineFault) -> JSONValue {
      ["count": .int(fault.count), "first_line": JSONValue(fault.firstLine)]
    }
    return [
      "octets": .int(report.octets), "lines": .int(report.lines),
      "eight_bit": .bool(report.has8BitOctets), "long_lines": fault(report.longLines),
      "nul_octets": fault(report.nulOctets),
    ]
  }

  private func identity(_ report: IdentityReport) -> JSONValue {
    [
      "address": .string(report.address),
      "ptr": JSONValue(report.ptrNames),
      "ptr_error": JSONValue(report.ptrError?.description),
      "fcrdns": report.isForwardConfirmed.map { .bool($0) } ?? .null,
      "fcrdns_name": JSONValue(report.forwardConfirmedName),
      "greeting_name": JSONValue(report.greetingName),
      "greeting_matches": report.greetingMatches.map { .bool($0) } ?? .null,
      "warnings": JSONValue(report.warnings),
    ]
  }
}
