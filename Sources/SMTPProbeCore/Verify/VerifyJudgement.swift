/// From the facts of one verification to its verdict: a pure function.
///
/// The order of questions: is the route usable (null MX, no mail host, NXDOMAIN: RFC 7505,
/// RFC 5321 5.1)? Did the session reach RCPT? If not, whatever stopped it was about the prober
/// or the server, never the address. If so, the RCPT reply's diagnosis decides: a 5xx that
/// names the mailbox or the domain is `undeliverable`; a refusal of the prober (its IP, rDNS,
/// sender, name, TLS, AUTH, rate, relay) is `unknown` with reason `prober-refused`, whatever
/// its code; an acceptance is `deliverable` unless the catch-all probe, a disposable domain or
/// a role account (RFC 2142) make it `risky`.
public enum VerifyJudgement {
  /// Categories that refuse the prober rather than the address: the client IP (blocklists,
  /// reverse DNS), its identity (sender, HELO name, SPF/DKIM/DMARC, content policy), its
  /// session (TLS, AUTH, rate), the syntax of what it sent (Postfix evaluates its HELO checks,
  /// such as "need fully-qualified hostname", at RCPT with 504 5.5.2), or a relay refusal,
  /// which means this server does not take the domain from us.
  public static let proberRefusals: Set<DiagnosisCategory> = [
    .blocklistedIP, .rdnsFail, .senderRejected, .relayDenied, .authRequired, .authFailed,
    .tlsRequired, .rateLimited, .spfFail, .dkimFail, .dmarcFail, .policySpamContent,
    .syntaxError,
  ]

  /// Categories of a permanent RCPT refusal that name the mailbox or the address itself.
  private static let mailboxRefusals: Set<DiagnosisCategory> = [
    .mailboxUnknown, .mailboxDisabled, .addressSyntax, .userNotLocal,
  ]

  /// Judges `facts`; `disposable` is the user's list of throwaway domains.
  public static func judge(_ facts: VerifyFacts, disposable: DisposableDomains = .none)
    -> VerifyResult
  {
    var result = VerifyResult(
      address: facts.address.input, verdict: .unknown, reason: .category(.other),
      catchAll: catchAllState(facts.catchAll), mxHost: facts.mxHost, tls: facts.tls,
      attempts: facts.attempts, roleAccount: RoleAccounts.isRole(facts.address),
      disposable: facts.address.domainName.map(disposable.contains) ?? false,
      elapsedMilliseconds: facts.elapsedMilliseconds)
    switch facts.route {
    case .nullMX: return decided(result, .undeliverable, .nullMX)
    case .noMailHost: return decided(result, .undeliverable, .noMailHost)
    case .domainUnknown: return decided(result, .undeliverable, .domainUnknown)
    case .dnsFailure(let timedOut):
      return decided(result, .unknown, timedOut ? .timeout : .category(.other))
    case .hosts, .addressLiteral: break
    }
    switch facts.session {
    case .notRun:
      return decided(result, .unknown, .connectionFailed)
    case .connectFailed(.port25Blocked):
      return decided(result, .unknown, .port25Blocked)
    case .connectFailed(.proxy(let failure)):
      result.proxyFailure = failure
      return decided(result, .unknown, .proxyFailed)
    case .connectFailed(.timeout), .dropped(_, timedOut: true):
      return decided(result, .unknown, .timeout)
    case .connectFailed(.refused), .dropped(_, timedOut: false):
      return decided(result, .unknown, .connectionFailed)
    case .refused(let step, let reply):
      let diagnosis = Classifier.diagnose(reply, after: step)
      result.reply = reply
      result.diagnosis = diagnosis
      // A refused sender or EHLO name refuses who we are, whatever category the text has.
      let refusesIdentity =
        step == .mail
        || ([.ehlo, .helo].contains(step) && reply.replyClass == .permanentNegative)
      if refusesIdentity || proberRefusals.contains(diagnosis.category) {
        result.refusalCategory = diagnosis.category
        return decided(result, .unknown, .proberRefused)
      }
      return decided(result, .unknown, .category(diagnosis.category))
    case .smtpUTF8NotOffered:
      // The recipient's own MX cannot take an internationalized mailbox (RFC 6531 3.2): no
      // sender can reach this address there, whoever probes it.
      return decided(result, .undeliverable, .smtpUTF8Unsupported)
    case .recipient(let reply):
      let diagnosis = Classifier.diagnose(reply, after: .rcpt)
      result.reply = reply
      result.diagnosis = diagnosis
      return recipient(result, reply: reply, diagnosis: diagnosis, retryAfter: facts.retryAfter)
    }
  }

  /// The result for text that is not an address: `undeliverable`, `address-syntax`.
  public static func syntaxResult(_ input: String, _ error: MailboxSyntaxError) -> VerifyResult {
    VerifyResult(
      address: input, verdict: .undeliverable, reason: .category(.addressSyntax),
      syntaxError: error)
  }

  /// The catch-all state from the random RCPT: only an acceptance is `yes`, only a 5xx that
  /// names the mailbox (and is not an X.7.X policy code) is `no`; a 4xx, "too many recipients", any other refusal or a
  /// dropped session is `inconclusive`.
  public static func catchAllState(_ probe: VerifyFacts.CatchAllProbe) -> CatchAllState {
    switch probe {
    case .notRun: return .notRun
    case .dropped: return .inconclusive
    case .reply(let reply):
      if reply.replyClass == .positiveCompletion { return .yes }
      // RFC 3463 X.7.X is security or policy: a refusal of the prober, not of the mailbox.
      guard reply.replyClass == .permanentNegative, reply.enhanced?.subject != 7 else {
        return .inconclusive
      }
      let category = Classifier.diagnose(reply, after: .rcpt).category
      return [.mailboxUnknown, .mailboxDisabled, .userNotLocal].contains(category)
        ? .no : .inconclusive
    }
  }

  /// The verdict from the RCPT reply.
  private static func recipient(
    _ result: VerifyResult, reply: Reply, diagnosis: Diagnosis, retryAfter: UnixTime?
  ) -> VerifyResult {
    var result = result
    let category = diagnosis.category
    if proberRefusals.contains(category) {
      result.refusalCategory = category
      return decided(result, .unknown, .proberRefused)
    }
    switch reply.replyClass {
    case .positiveCompletion:
      if result.catchAll == .yes { return decided(result, .risky, .catchAll) }
      if result.disposable { return decided(result, .risky, .disposable) }
      if result.roleAccount { return decided(result, .risky, .roleAccount) }
      return decided(result, .deliverable, .category(.ok))
    case .transientNegative:
      switch category {
      case .greylisted:
        result.retryAfter = retryAfter
        return decided(result, .risky, .category(.greylisted))
      case .mailboxFull, .mailboxDisabled:
        // The mailbox exists but takes no mail now (RFC 3463 X.2.1, X.2.2).
        return decided(result, .risky, .category(category))
      default:
        return decided(result, .unknown, .category(category))
      }
    case .permanentNegative:
      if mailboxRefusals.contains(category) {
        return decided(result, .undeliverable, .category(category))
      }
      if category == .domainUnknown {
        // RFC 3463 X.1.2 "bad destination system address": the domain does not exist.
        return decided(result, .undeliverable, .domainUnknown)
      }
      if category == .hostDoesNotAcceptMail {
        // RFC 3463 X.1.2 "bad destination system address"; RFC 7505 X.1.10 null MX.
        switch reply.enhanced.map({ ($0.subject, $0.detail) }) {
        case (1, 2)?: return decided(result, .undeliverable, .domainUnknown)
        case (1, 10)?: return decided(result, .undeliverable, .nullMX)
        default: return decided(result, .undeliverable, .category(category))
        }
      }
      if category == .mailboxFull {
        return decided(result, .risky, .category(category))
      }
      return decided(result, .unknown, .category(category))
    case .positiveIntermediate, nil:
      return decided(result, .unknown, .category(category))
    }
  }

  private static func decided(
    _ result: VerifyResult, _ verdict: VerifyVerdict, _ reason: VerifyReason
  ) -> VerifyResult {
    var result = result
    result.verdict = verdict
    result.reason = reason
    return result
  }
}
