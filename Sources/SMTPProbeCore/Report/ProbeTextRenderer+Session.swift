/// One session: where, the transcript with each reply's diagnosis, capabilities, TLS, notes and
/// timings.
extension ProbeTextRenderer {
  static let indent = String(repeating: " ", count: 11)

  /// The session's transcript, notes and timings (no verdict line).
  ///
  /// Built from the same line functions as `ProbeLiveText`, which prints them as the session
  /// happens: the header, each transcript line, what follows a reply, the trailer.
  public func renderSession(_ session: SessionRecord) -> String {
    var out = sessionHeader(
      session.connection, implicitTLS: session.tlsOnConnect ? session.tls : nil)
    let entries = session.transcript.entries
    var helloCount = 0
    for (index, entry) in entries.enumerated() {
      out += transcriptLine(entry)
      guard entry.direction == .recv, let stepIndex = entry.step,
        stepIndex < session.steps.count
      else { continue }
      let next = index + 1 < entries.count ? entries[index + 1] : nil
      if let next, next.direction == .recv, next.step == stepIndex { continue }
      let step = session.steps[stepIndex]
      var foreign: ForeignGreeting?
      if step.command == .greeting, case .notSMTP(let found)? = session.problem { foreign = found }
      out += replyLines(step, notSMTP: foreign)
      if foreign == nil, [.ehlo, .helo].contains(step.command), step.reply.isPositive {
        helloCount += 1
        out +=
          helloCount == 1
          ? capabilityLines(session.capabilitiesBeforeTLS ?? session.capabilities)
          : capabilityLines(diff: session.capabilityDiff)
      }
      if step.command == .startTLS, step.reply.isPositive, let tls = session.tls {
        out += startTLSLines(tls)
      }
    }
    return out + sessionTrailer(session)
  }

  /// Where the session went and how long connecting took, with TLS on connect.
  func sessionHeader(_ connection: SessionConnection?, implicitTLS: TLSReport?) -> String {
    var out = ""
    if let connection {
      var line = "session \(UntrustedText.shown(connection.host))"
      if connection.address != connection.host { line += " (\(connection.address))" }
      out += line + " port \(connection.port)\n"
      // The transcript's clock starts once connected (and after TLS on connect).
      out += "connected in \(connection.connectMilliseconds) ms\n"
    }
    if let implicitTLS {
      out += tlsLines(implicitTLS, prefix: "\(Self.indent)  ", label: "TLS on connect")
    }
    return out
  }

  /// One transcript line: milliseconds since the session began, the arrow, the text.
  func transcriptLine(_ entry: Transcript.Entry) -> String {
    let arrow = entry.direction == .send ? "->" : "<-"
    return style.paint("[\(Self.pad(entry.milliseconds)) ms]", .dim) + " \(arrow) "
      + UntrustedText.shown(entry.line)
      + (entry.partial ? " " + style.paint("[partial reply]", .warn) : "")
      + "\n"
  }

  /// What follows a complete reply: its diagnosis (or, for a greeting from another protocol,
  /// that it is not SMTP), and a decoded AUTH challenge.
  func replyLines(_ step: Step, notSMTP foreign: ForeignGreeting?) -> String {
    if let foreign {
      // Another protocol's line: a reply-code reading of it ("400") would only mislead.
      return "\(Self.indent)  "
        + style.paint("not SMTP: \(foreign.service ?? "no reply code")", .bad) + "\n"
        + adviceLines(step.diagnosis)
    }
    var out = diagnosisLines(step)
    if step.command == .auth, let challenge = AuthExchange.decodedChallenge(step.reply) {
      // Server challenges are not secret; LOGIN's "VXNlcm5hbWU6" reads better as Username:.
      out += "\(Self.indent)  challenge: \"\(UntrustedText.shown(challenge))\"\n"
    }
    return out
  }

  /// The TLS lines shown under the 220 to STARTTLS.
  func startTLSLines(_ tls: TLSReport) -> String {
    tlsLines(tls, prefix: "\(Self.indent)  ")
  }

  /// The session's notes and its timings line.
  func sessionTrailer(_ session: SessionRecord) -> String {
    var out = ""
    if !session.notes.isEmpty {
      out += "notes:\n" + session.notes.map { bullet($0.description) }.joined()
    }
    out += LineWrap.wrap(
      pieces: timingLine(session).split(separator: ", ", omittingEmptySubsequences: false).map(
        String.init), separator: ", ", prefix: "", indent: "  ", width: width)
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

  private func diagnosisLines(_ step: Step) -> String {
    let diagnosis = step.diagnosis
    let tone: TerminalStyle.Tone =
      switch step.reply.replyClass {
      case .positiveCompletion, .positiveIntermediate: .good
      case .transientNegative: .warn
      default: .bad
      }
    let headline = LineWrap.wrap(
      "\(diagnosis.category.rawValue): \(UntrustedText.shown(diagnosis.summary))", prefix: "",
      indent: "  ", width: width - Self.indent.count - 2)
    var out = headline.split(separator: "\n").map {
      "\(Self.indent)  " + style.paint(String($0), tone) + "\n"
    }
    .joined()
    if !step.reply.isPositive { out += adviceLines(diagnosis) }
    for violation in step.reply.violations {
      let wrapped = LineWrap.wrap(
        "violation: \(violation)", prefix: "", indent: "  ",
        width: width - Self.indent.count - 4)
      out += wrapped.split(separator: "\n").map {
        "\(Self.indent)    " + style.paint(String($0), .warn) + "\n"
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
      out += LineWrap.wrap(
        UntrustedText.shown(diagnosis.explanation), prefix: inner, indent: inner, width: width)
    }
    if !diagnosis.fix.isEmpty {
      out += LineWrap.wrap(
        "fix: " + UntrustedText.shown(diagnosis.fix), prefix: inner, indent: inner + "     ",
        width: width)
    }
    return out
  }

  /// The capabilities the first hello listed.
  func capabilityLines(_ capabilities: Capabilities?) -> String {
    let prefix = "\(Self.indent)  "
    guard let capabilities else { return "" }
    if capabilities.fromHELO { return prefix + "capabilities: none (HELO)\n" }
    let names = capabilities.keywords.map { UntrustedText.shown($0.line) }
    return LineWrap.wrap(
      pieces: names.isEmpty ? ["none"] : names, separator: ", ",
      prefix: prefix + "capabilities: ", indent: prefix + "  ", width: width)
  }

  /// What the hello after STARTTLS changed (RFC 3207 4.2).
  func capabilityLines(diff: CapabilityDiff?) -> String {
    let prefix = "\(Self.indent)  "
    guard let diff else { return "" }
    if diff.isEmpty { return prefix + "capabilities after STARTTLS: unchanged\n" }
    let changes =
      diff.added.map { "+" + UntrustedText.shown($0.line) }
      + diff.removed.map { "-" + UntrustedText.shown($0.line) }
    return prefix + "capabilities after STARTTLS: " + changes.joined(separator: ", ") + "\n"
  }

  private func timingLine(_ session: SessionRecord) -> String {
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
}
