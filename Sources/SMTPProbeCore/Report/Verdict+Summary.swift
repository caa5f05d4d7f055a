extension Verdict {
  /// The one line a person reads first, worded from the finding.
  public var summary: String { finding.summary }
}

extension VerdictFinding {
  /// The finding in one line.
  public var summary: String {
    switch self {
    case .session(let finding):
      return finding.summary
    case .problem(let problem):
      return problem.description
    case .implicitTLSFailed(let problem):
      return "implicit TLS (--tls-on-connect): \(problem)"
    case .connectFailed(let failure):
      return failure.description
    case .cannotResolve(let host, let error):
      return "cannot resolve \(host): \(error)"
    case .noResolver:
      return "no DNS resolver to find the MX hosts"
    case .nullMX(let domain):
      return "\(domain) accepts no mail: it publishes a null MX (RFC 7505); no connection made"
    case .routeFailed(let failure):
      return failure.description
    case .noMailHosts(let domain):
      return RouteFailure.noMailHosts(domain: domain, implicit: false).description
    case .noHostAnswered(let domain, let hosts):
      return "no MX host of \(domain) answered: "
        + hosts.map { "\($0.host): \($0.verdict.summary)" }.joined(separator: "; ")
    case .worstHost(let answered, let total, let worst):
      return "\(answered) of \(total) MX hosts answered; worst: \(worst.host): "
        + worst.verdict.summary
    case .noHostTried:
      return "no MX host tried"
    case .stopped(.timeLimit(let seconds, let step)):
      return "--max-time \(TimeText.seconds(seconds)) s reached while \(step);"
        + " the run was cut there"
    case .stopped(.interrupted(let step)):
      return "interrupted while \(step); what was seen until then is shown"
    }
  }
}

extension SessionFinding {
  /// "RCPT TO:<x> refused: 550 5.1.1 (mailbox-unknown): ...; 0 of 1 recipient accepted".
  public var summary: String {
    if let refusal {
      var summary = "\(refusal.subjectText) refused: \(Self.describe(refusal))"
      if let recipients { summary += "; \(recipients.summary)" }
      if let oversize { summary += "; \(oversize.summary)" }
      if messageAccepted {
        // Some recipients were refused, yet the message went to the others (RFC 5321 3.3).
        let accepted = recipients?.accepted ?? 0
        summary +=
          "; message accepted for the \(accepted) accepted recipient\(accepted == 1 ? "" : "s")"
          + " only" + (queueID.map { " (queued as \($0))" } ?? "")
      } else if let stage = stoppedBeforeMessage {
        summary += "; stopped after \(stage.rawValue) as asked, so the message was not sent"
      }
      return summary
    }
    if let oversize {
      // Our own refusal to send, not the server's answer: no "every reply was positive".
      return "\(oversize.summary), so it was not sent"
        + (recipients.map { "; \($0.summary)" } ?? "")
    }
    if stoppedAfter == .connect {
      // Nothing was read or sent (RFC 5321 3.1: a client says nothing before the greeting).
      return "connected; stopped after connect as asked"
    }
    var parts = ["every reply was positive"]
    if let recipients { parts.append(recipients.summary) }
    if messageAccepted {
      parts.append("message accepted" + (queueID.map { " (queued as \($0))" } ?? ""))
    }
    if let authenticated {
      parts.append("authenticated as \(authenticated.user) (\(authenticated.mechanism))")
    }
    if authSkipped {
      parts.append(
        "stopped before MAIL as --quit-after auth asks; no AUTH was sent (no --auth-user)")
    } else if let stoppedAfter {
      parts.append("stopped after \(stoppedAfter.rawValue) as asked")
    }
    return parts.joined(separator: "; ")
  }

  /// `550 5.1.1 (mailbox-unknown): The mailbox does not exist`.
  static func describe(_ refusal: Refusal) -> String {
    let reply = refusal.reply
    let diagnosis = Classifier.diagnose(reply, after: refusal.kind)
    let enhanced = reply.enhanced.map { " \($0)" } ?? ""
    return "\(reply.code)\(enhanced) (\(diagnosis.category.rawValue)): \(diagnosis.summary)"
  }
}

extension Refusal {
  /// What was refused, as the summary names it: the command line, "the greeting", ...
  var subjectText: String {
    switch subject {
    case .greeting: "the greeting"
    case .command(_, let line): line
    case .message: "the message"
    case .session(let before): "the session (before \(before))"
    }
  }
}

extension RecipientTally {
  /// "1 of 2 recipients accepted; 3 more got no answer (the session ended first)".
  var summary: String {
    let summary = "\(accepted) of \(answered) recipient\(answered == 1 ? "" : "s") accepted"
    // A 421 (Postfix's "too many errors") or a close can end the session mid-list.
    guard unanswered > 0 else { return summary }
    return summary + "; \(unanswered) more got no answer (the session ended first)"
  }
}

extension SizeExcess {
  /// "the message is N bytes; the server's SIZE limit is M (RFC 1870)".
  var summary: String {
    "the message is \(octets) bytes; the server's SIZE limit is \(limit) (RFC 1870)"
  }
}
