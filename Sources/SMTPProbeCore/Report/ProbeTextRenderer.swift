/// Renders a probe for a person: the MX table, each host tried, the transcript with arrows and
/// milliseconds since the start, each reply's diagnosis, the capabilities once, TLS, the
/// timings, identity and other warnings, then the verdict.
///
/// Every reply gets its diagnosis summary; a reply that is not 2yz or 3yz also gets the
/// explanation and the fix, indented beneath. Colour and width are the caller's decision
/// (`TerminalStyle`): with colours off the output has no escape sequences. Every byte that came
/// from the network is shown through `UntrustedText`.
public struct ProbeTextRenderer: Sendable {
  /// Colours and the wrap width.
  public var style: TerminalStyle
  /// The wall clock, for certificate days left.
  public var now: UnixTime

  public init(style: TerminalStyle = .plain, now: UnixTime) {
    self.style = style
    self.now = now
  }

  /// The column prose wraps at.
  var width: Int { style.width ?? LineWrap.width }

  /// A whole probe: the MX table (for a domain), each host tried, warnings, then the verdict.
  ///
  /// After `live` printed the probe as it happened (`ProbeLiveText`), what it showed (the
  /// title, the MX table, each host tried) is left out; a host's verdict is then named by
  /// its host, since it no longer follows the host's lines.
  public func render(_ outcome: ProbeOutcome, after live: ProbeLiveText? = nil) -> String {
    var out = live == nil ? title(outcome.target) : ""
    if let route = outcome.route, live?.routeShown != true { out += mxTable(route) }
    if !outcome.notes.isEmpty {
      out += "notes:\n" + outcome.notes.map { bullet($0.description) }.joined()
    }
    let several = outcome.attempts.count > 1
    for (index, (attempt, verdict)) in zip(outcome.attempts, outcome.hostVerdicts).enumerated() {
      guard let live, index < live.attemptsShown else {
        out += "\n" + renderAttempt(attempt, verdict: several ? verdict : nil)
        continue
      }
      if several {
        let mx = attempt.preference.map { "MX \($0) " } ?? ""
        out += "\(mx)\(UntrustedText.shown(attempt.host)): " + hostVerdictLine(verdict)
      }
    }
    if live != nil, !out.isEmpty { out = "\n" + String(out.drop(while: { $0 == "\n" })) }
    if !outcome.warnings.isEmpty {
      out +=
        "\n" + style.paint("warnings:", .warn) + "\n"
        + outcome.warnings.map { bullet($0.description) }.joined()
    }
    if !outcome.advice.isEmpty {
      out += "\nadvice:\n" + outcome.advice.map { bullet($0.description) }.joined()
    }
    out += "\n" + verdictLine(outcome.verdict) + "\n"
    return out
  }

  /// The first line of a probe's report: what is probed.
  public func title(_ target: String) -> String {
    "probe \(UntrustedText.shown(target))\n"
  }

  /// One session with its own verdict line.
  public func render(_ session: SessionRecord) -> String {
    renderSession(session) + "\n" + verdictLine(SessionJudgement.verdict(session)) + "\n"
  }

  /// The MX hosts in the order tried: preference, host, addresses (or why there are none).
  func mxTable(_ route: MailRoute) -> String {
    switch route.kind {
    case .nullMX:
      return "MX of \(route.domain): null MX (0 .): the domain accepts no mail\n"
    case .implicit:
      var out = "MX of \(route.domain): none; implicit MX (the domain's own address)\n"
      out += route.mx.map { "  \($0.host): \(addressText($0))\n" }.joined()
      return out
    case .mx:
      guard !route.mx.isEmpty else {
        return "MX of \(route.domain): \(route.failure?.description ?? "none")\n"
      }
      let width = max(4, route.mx.map { $0.host.count }.max() ?? 4)
      var out = "MX of \(route.domain):\n"
      out +=
        "  pref  " + Self.padded("host", to: width) + "  addresses\n"
      for host in route.mx {
        let pref = String(host.preference)
        out +=
          "  " + String(repeating: " ", count: max(0, 4 - pref.count)) + pref + "  "
          + Self.padded(UntrustedText.shown(host.host), to: width)
          + "  " + addressText(host) + "\n"
      }
      return out
    }
  }

  private func addressText(_ host: MXHost) -> String {
    var text = host.addresses.isEmpty ? "(none)" : host.addresses.joined(separator: ", ")
    if !host.problems.isEmpty { text += " — " + host.problems.joined(separator: "; ") }
    return UntrustedText.shown(text)
  }

  /// One host tried: its connect failures, then its session (or why there was none); its own
  /// verdict line when several hosts were tried.
  func renderAttempt(
    _ attempt: HostAttempt, verdict: Verdict? = nil, streamed: Set<SessionRecord> = []
  ) -> String {
    var out = ""
    let mx = attempt.preference.map { "MX \($0) " } ?? ""
    if !attempt.failedConnects.isEmpty || attempt.session == nil {
      out += "trying \(mx)\(UntrustedText.shown(attempt.host)) port \(attempt.port)\n"
    }
    for failed in attempt.failedConnects {
      out += "  " + style.paint("cannot connect to \(failed)", .bad) + "\n"
    }
    if case .resolution(let error)? = attempt.connectFailure {
      out +=
        "  " + style.paint("cannot resolve \(UntrustedText.shown(error.description))", .bad)
        + "\n"
    }
    if let problem = attempt.implicitTLSProblem {
      out +=
        "  "
        + style.paint(
          "implicit TLS failed: \(UntrustedText.shown(Self.implicitTLSText(problem)))", .bad)
        + "\n"
    }
    guard let session = attempt.session else { return out }
    if !streamed.contains(session) { out += renderSession(session) }
    if let identity = attempt.identity { out += identityLine(identity) }
    if let verdict { out += hostVerdictLine(verdict) }
    return out
  }

  /// "host verdict: STATUS — summary", for one host of several.
  func hostVerdictLine(_ verdict: Verdict) -> String {
    "host verdict: \(verdict.status.rawValue) — " + UntrustedText.shown(verdict.summary) + "\n"
  }

  /// Why TLS on connect failed, as the TLS layer's error says it.
  static func implicitTLSText(_ problem: SessionProblem) -> String {
    switch problem {
    case .tlsFailed(let failure):
      return failure.description
    case .tlsUntrusted(let name, let faults):
      return "TLS certificate not trusted for \(name): "
        + faults.map(\.name).joined(separator: ", ")
    default:
      return problem.description
    }
  }

  private func identityLine(_ identity: IdentityReport) -> String {
    var parts: [String] = []
    if identity.ptrNames.isEmpty {
      parts.append("no PTR")
    } else {
      parts.append("PTR " + identity.ptrNames.joined(separator: ", "))
      parts.append(
        identity.isForwardConfirmed == true
          ? "forward-confirmed (FCrDNS ok)" : "not forward-confirmed (FCrDNS fails)")
    }
    if let name = identity.greetingName {
      parts.append(
        "greeting name \(name) "
          + (identity.greetingMatches == true ? "matches" : "does not match"))
    }
    let tone: TerminalStyle.Tone = identity.warnings.isEmpty ? .good : .warn
    return "identity: \(identity.address): "
      + style.paint(UntrustedText.shown(parts.joined(separator: "; ")), tone) + "\n"
  }

  /// A list item, wrapped under its text.
  func bullet(_ text: String) -> String {
    LineWrap.wrap(UntrustedText.shown(text), prefix: "  - ", indent: "    ", width: width)
  }

  func verdictLine(_ verdict: Verdict) -> String {
    let tone: TerminalStyle.Tone =
      switch verdict.status {
      case .ok: .good
      case .transientFailure: .warn
      case .permanentFailure, .incomplete, .invalidInput: .bad
      }
    return style.paint("verdict: \(verdict.status.rawValue)", tone)
      + " — \(UntrustedText.shown(verdict.summary)) "
      + "(exit \(verdict.exitCode))"
  }

  /// Right-aligns a number in five columns (`   12`).
  static func pad(_ value: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(0, 5 - text.count)) + text
  }

  /// `text` followed by spaces up to `width` characters.
  static func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
