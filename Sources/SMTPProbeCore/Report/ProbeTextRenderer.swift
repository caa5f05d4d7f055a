/// Renders a probe for a person: the MX table, each host tried, the transcript with arrows and
/// milliseconds since the start, each reply's diagnosis, the capabilities once, TLS, the
/// timings, identity and other warnings, then the verdict.
///
/// Every reply gets its diagnosis summary; a reply that is not 2yz or 3yz also gets the
/// explanation and the fix, indented beneath. Colour is the caller's decision (`--color`,
/// NO_COLOR, a terminal or not): with `color` false the output has no escape sequences.
public struct ProbeTextRenderer: Sendable {
  /// Whether to use ANSI colours.
  public var color: Bool
  /// The wall clock, for certificate days left.
  public var now: UnixTime

  public init(color: Bool = false, now: UnixTime) {
    self.color = color
    self.now = now
  }

  /// A whole probe: the MX table (for a domain), each host tried, warnings, then the verdict.
  public func render(_ outcome: ProbeOutcome) -> String {
    var out = "probe \(Self.visible(outcome.target))\n"
    if let route = outcome.route { out += mxTable(route) }
    if !outcome.notes.isEmpty {
      out += "notes:\n" + outcome.notes.map(Self.bullet).joined()
    }
    for attempt in outcome.attempts {
      out += "\n" + renderAttempt(attempt, withVerdict: outcome.attempts.count > 1)
    }
    if !outcome.warnings.isEmpty {
      out +=
        "\n" + paint("warnings:", .warn) + "\n"
        + outcome.warnings.map(Self.bullet).joined()
    }
    if !outcome.advice.isEmpty {
      out += "\nadvice:\n" + outcome.advice.map(Self.bullet).joined()
    }
    out += "\n" + verdictLine(outcome.verdict, exitCode: outcome.exitCode) + "\n"
    return out
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
          + Self.padded(Self.visible(host.host), to: width)
          + "  " + addressText(host) + "\n"
      }
      return out
    }
  }

  private func addressText(_ host: MXHost) -> String {
    var text = host.addresses.isEmpty ? "(none)" : host.addresses.joined(separator: ", ")
    if !host.problems.isEmpty { text += " — " + host.problems.joined(separator: "; ") }
    return Self.visible(text)
  }

  /// One host tried: its connect failures, then its session (or why there was none).
  func renderAttempt(_ attempt: HostAttempt, withVerdict: Bool = false) -> String {
    var out = ""
    let mx = attempt.preference.map { "MX \($0) " } ?? ""
    if !attempt.failedConnects.isEmpty || attempt.session == nil {
      out += "trying \(mx)\(Self.visible(attempt.host)) port \(attempt.port)\n"
    }
    for failed in attempt.failedConnects {
      out += "  " + paint("cannot connect to \(failed)", .bad) + "\n"
    }
    if case .resolution(let error)? = attempt.connectFailure {
      out += "  " + paint("cannot resolve \(Self.visible(error.description))", .bad) + "\n"
    }
    if let tlsFailure = attempt.tlsFailure {
      out += "  " + paint("implicit TLS failed: \(Self.visible(tlsFailure))", .bad) + "\n"
    }
    guard let session = attempt.session else { return out }
    out += renderSession(session)
    if let identity = attempt.identity { out += identityLine(identity) }
    if withVerdict || attempt.verdict != session.verdict {
      out +=
        "host verdict: \(attempt.verdict.status.rawValue) — "
        + Self.visible(attempt.verdict.summary) + "\n"
    }
    return out
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
    let style: Style = identity.warnings.isEmpty ? .good : .warn
    return "identity: \(identity.address): "
      + paint(Self.visible(parts.joined(separator: "; ")), style) + "\n"
  }

  /// The TLS summary: protocol and cipher, then the chain and verification, indented.
  private func tlsLines(_ tls: TLSReport, prefix: String, label: String = "TLS") -> String {
    var out = "\(prefix)\(label): \(tls.protocolVersion), \(tls.cipher)\n"
    guard !tls.chain.isEmpty || !tls.verification.expectedName.isEmpty else { return out }
    for line in tls.describe(now: now).dropFirst() {
      let trusted = !line.contains("NOT trusted")
      let style: Style? = line.hasPrefix("  verification") ? (trusted ? .good : .warn) : nil
      out += wrapCertificateLine(line, prefix: prefix, style: style)
    }
    return out
  }

  /// One line of the certificate report at 80 columns, continued under the text after its
  /// label (`names: `); a subject, issuer, names or key list breaks only between its parts,
  /// other lines between words, keeping a short parenthesis (`(12 days left)`) whole.
  private func wrapCertificateLine(_ line: String, prefix: String, style: Style?) -> String {
    let body = Self.visible(String(line.drop { $0 == " " }))
    let lead = prefix + String(repeating: " ", count: line.count - line.drop { $0 == " " }.count)
    let label = body.firstRange(of: ": ").map { String(body[..<$0.upperBound]) } ?? ""
    let hang = String(repeating: " ", count: label.count)
    let width = LineWrap.width - lead.count
    let listed = ["subject: ", "issuer: ", "names: ", "key: "].contains(label)
    let wrapped =
      listed
      ? LineWrap.wrap(
        pieces: body.split(separator: ", ", omittingEmptySubsequences: false).map(String.init),
        separator: ", ", prefix: "", indent: hang,
        width: width)
      : LineWrap.wrap(
        pieces: Self.phrases(body), separator: " ", prefix: "", indent: hang, width: width)
    return wrapped.split(separator: "\n").map { wrappedLine in
      let text = wrappedLine.drop { $0 == " " }
      let indent = String(repeating: " ", count: wrappedLine.count - text.count)
      return lead + indent + (style.map { paint(String(text), $0) } ?? String(text)) + "\n"
    }
    .joined()
  }

  /// One session with its own verdict line.
  public func render(_ session: SessionResult) -> String {
    renderSession(session) + "\n" + verdictLine(session.verdict) + "\n"
  }

  private static let indent = String(repeating: " ", count: 11)

  /// The session's transcript, notes and timings (no verdict line).
  func renderSession(_ session: SessionResult) -> String {
    var out = ""
    if let host = session.host ?? session.address {
      var line = "session \(host)"
      if let address = session.address, address != host { line += " (\(address))" }
      if let port = session.port { line += " port \(port)" }
      out += line + "\n"
    }
    if let connect = session.connectMilliseconds {
      // The transcript's clock starts once connected (and after TLS on connect).
      out += "connected in \(connect) ms\n"
    }
    let viaSTARTTLS = session.steps.contains { $0.command == .startTLS && $0.reply.isPositive }
    if let tls = session.tls, !viaSTARTTLS {
      out += tlsLines(tls, prefix: "\(Self.indent)  ", label: "TLS on connect")
    }
    let entries = session.transcript.entries
    var helloCount = 0
    for (index, entry) in entries.enumerated() {
      let arrow = entry.direction == .send ? "->" : "<-"
      out +=
        paint("[\(Self.pad(entry.milliseconds)) ms]", .dim) + " \(arrow) "
        + Self.visible(entry.line) + "\n"
      guard entry.direction == .recv, let stepIndex = entry.step,
        stepIndex < session.steps.count
      else { continue }
      let next = index + 1 < entries.count ? entries[index + 1] : nil
      if let next, next.direction == .recv, next.step == stepIndex { continue }
      let step = session.steps[stepIndex]
      if step.command == .greeting, case .notSMTP(let foreign)? = session.verdict.problem {
        // Another protocol's line: a reply-code reading of it ("400") would only mislead.
        out +=
          "\(Self.indent)  " + paint("not SMTP: \(foreign.service ?? "no reply code")", .bad) + "\n"
          + adviceLines(step.diagnosis)
        continue
      }
      out += diagnosisLines(step)
      if step.command == .auth, let challenge = AuthExchange.decodedChallenge(step.reply) {
        // Server challenges are not secret; LOGIN's "VXNlcm5hbWU6" reads better as Username:.
        out += "\(Self.indent)  challenge: \"\(Self.visible(challenge))\"\n"
      }
      if [.ehlo, .helo].contains(step.command), step.reply.isPositive {
        helloCount += 1
        out += capabilityLines(session, helloCount: helloCount)
      }
      if step.command == .startTLS, step.reply.isPositive, let tls = session.tls {
        out += tlsLines(tls, prefix: "\(Self.indent)  ")
      }
    }
    if !session.notes.isEmpty {
      out += "notes:\n" + session.notes.map(Self.bullet).joined()
    }
    out += LineWrap.wrap(
      pieces: timingLine(session).split(separator: ", ", omittingEmptySubsequences: false).map(
        String.init), separator: ", ", prefix: "",
      indent: "  ")
    return out
  }

  /// The words of `text`, with a parenthesis of up to 30 characters kept as one piece.
  static func phrases(_ text: String) -> [String] {
    var pieces: [String] = []
    var group: [String] = []
    for word in text.split(separator: " ").map(String.init) {
      if group.isEmpty, !word.hasPrefix("(") || word.contains(")") {
        pieces.append(word)
        continue
      }
      group.append(word)
      guard word.contains(")") else { continue }
      let joined = group.joined(separator: " ")
      pieces += joined.count <= 30 ? [joined] : group
      group = []
    }
    return pieces + group
  }

  /// A list item, wrapped at 80 columns under its text.
  static func bullet(_ text: String) -> String {
    LineWrap.wrap(visible(text), prefix: "  - ", indent: "    ")
  }

  private func diagnosisLines(_ step: Step) -> String {
    let diagnosis = step.diagnosis
    let style: Style =
      switch step.reply.replyClass {
      case .positiveCompletion, .positiveIntermediate: .good
      case .transientNegative: .warn
      default: .bad
      }
    let headline = LineWrap.wrap(
      "\(diagnosis.category.rawValue): \(Self.visible(diagnosis.summary))", prefix: "",
      indent: "  ", width: LineWrap.width - Self.indent.count - 2)
    var out = headline.split(separator: "\n").map {
      "\(Self.indent)  " + paint(String($0), style) + "\n"
    }
    .joined()
    if !step.reply.isPositive { out += adviceLines(diagnosis) }
    for violation in step.reply.violations {
      let wrapped = LineWrap.wrap(
        "violation: \(violation)", prefix: "", indent: "  ",
        width: LineWrap.width - Self.indent.count - 4)
      out += wrapped.split(separator: "\n").map {
        "\(Self.indent)    " + paint(String($0), .warn) + "\n"
      }
      .joined()
    }
    return out
  }

  /// The explanation and the fix, indented under the reply's headline.
  private func adviceLines(_ diagnosis: Diagnosis) -> String {
    let inner = "\(Self.indent)    "
    var out = ""
    if !diagnosis.explanation.isEmpty {
      out += LineWrap.wrap(Self.visible(diagnosis.explanation), prefix: inner, indent: inner)
    }
    if !diagnosis.fix.isEmpty {
      out += LineWrap.wrap(
        "fix: " + Self.visible(diagnosis.fix), prefix: inner, indent: inner + "     ")
    }
    return out
  }

  private func capabilityLines(_ session: SessionResult, helloCount: Int) -> String {
    let prefix = "\(Self.indent)  "
    if helloCount == 1 {
      guard let capabilities = session.capabilitiesBeforeTLS ?? session.capabilities else {
        return ""
      }
      if capabilities.fromHELO { return prefix + "capabilities: none (HELO)\n" }
      let names = capabilities.keywords.map { Self.visible($0.line) }
      return LineWrap.wrap(
        pieces: names.isEmpty ? ["none"] : names, separator: ", ",
        prefix: prefix + "capabilities: ", indent: prefix + "  ")
    }
    guard let diff = session.capabilityDiff else { return "" }
    if diff.isEmpty { return prefix + "capabilities after STARTTLS: unchanged\n" }
    let changes =
      diff.added.map { "+" + Self.visible($0.line) }
      + diff.removed.map { "-" + Self.visible($0.line) }
    return prefix + "capabilities after STARTTLS: " + changes.joined(separator: ", ") + "\n"
  }

  private func timingLine(_ session: SessionResult) -> String {
    var parts: [String] = []
    if let connect = session.connectMilliseconds { parts.append("connect \(connect) ms") }
    // A run of more than 3 like steps (thousands of RCPTs) is one entry: "RCPT x3000 4-9 ms".
    var index = session.steps.startIndex
    while index < session.steps.endIndex {
      let step = session.steps[index]
      let name = step.command == .greeting ? "greeting" : step.command.rawValue
      var end = index + 1
      while end < session.steps.endIndex, session.steps[end].command == step.command { end += 1 }
      if end - index > 3 {
        let times = session.steps[index..<end].map(\.elapsedMilliseconds)
        let low = times.min() ?? 0
        let high = times.max() ?? 0
        let range = low == high ? "\(low)" : "\(low)-\(high)"
        parts.append("\(name) x\(end - index) \(range) ms")
      } else {
        for like in session.steps[index..<end] {
          parts.append("\(name) \(like.elapsedMilliseconds) ms")
        }
      }
      index = end
    }
    parts.append("total \(session.totalMilliseconds) ms")
    let trips = "\(session.roundTrips) round trip\(session.roundTrips == 1 ? "" : "s")"
    return "timings: " + parts.joined(separator: ", ") + "; " + trips
      + (session.pipelined ? " (pipelined)" : "")
  }

  private func verdictLine(_ verdict: Verdict, exitCode: Int32? = nil) -> String {
    let style: Style =
      switch verdict.status {
      case .ok: .good
      case .transientFailure: .warn
      case .permanentFailure, .incomplete: .bad
      }
    return paint("verdict: \(verdict.status.rawValue)", style)
      + " — \(Self.visible(verdict.summary)) "
      + "(exit \(exitCode ?? verdict.exitCode))"
  }

  private enum Style {
    case good, warn, bad, dim

    var code: String {
      switch self {
      case .good: "32"
      case .warn: "33"
      case .bad: "31"
      case .dim: "2"
      }
    }
  }

  private func paint(_ text: String, _ style: Style) -> String {
    color ? "\u{1B}[\(style.code)m\(text)\u{1B}[0m" : text
  }

  /// Shows control characters a server sent as `\xHH`, so a hostile reply cannot move the
  /// cursor, recolour or retitle the user's terminal with escape sequences.
  static func visible(_ line: String) -> String {
    var out = ""
    for scalar in line.unicodeScalars {
      if scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\x" + (hex.count < 2 ? "0" : "") + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Right-aligns a number in five columns (`   12`).
  static func pad(_ value: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(0, 5 - text.count)) + text
  }

  /// `text` followed by spaces up to `width` characters.
  private static func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
