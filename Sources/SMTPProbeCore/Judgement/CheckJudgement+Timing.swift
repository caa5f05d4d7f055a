/// The phase timings of one session and the finding that holds them against the thresholds.
extension CheckJudgement {
  /// How long each phase took, from the record's steps.
  ///
  /// `connect` is the TCP connect; `greeting` runs from the session start to the complete
  /// greeting; `ehlo`, `mail` and `rcpt` from sending the command to its reply (the slowest
  /// RCPT); `tls` from sending STARTTLS to sending the EHLO that follows the handshake.
  func timings(_ session: SessionRecord) -> [PhaseTiming] {
    var timings: [PhaseTiming] = []
    func seconds(_ milliseconds: Int) -> Double { Double(milliseconds) / 1000 }
    if let connect = session.connectMilliseconds {
      timings.append(PhaseTiming(.connect, seconds: seconds(connect)))
    }
    if let greeting = session.greetingMilliseconds {
      timings.append(PhaseTiming(.greeting, seconds: seconds(greeting)))
    }
    let steps = session.steps
    if let hello = steps.first(where: { $0.command == .ehlo || $0.command == .helo }) {
      timings.append(PhaseTiming(.ehlo, seconds: seconds(hello.elapsedMilliseconds)))
    }
    if let index = steps.firstIndex(where: { $0.command == .startTLS }), session.tls != nil {
      let start = steps[index].atMilliseconds - steps[index].elapsedMilliseconds
      let next = steps[(index + 1)...].first
      let end =
        next.map { $0.atMilliseconds - $0.elapsedMilliseconds } ?? steps[index].atMilliseconds
      timings.append(PhaseTiming(.tls, seconds: seconds(max(0, end - start))))
    }
    if let mail = steps.first(where: { $0.command == .mail }) {
      timings.append(PhaseTiming(.mail, seconds: seconds(mail.elapsedMilliseconds)))
    }
    if let slowest = steps.filter({ $0.command == .rcpt }).map(\.elapsedMilliseconds).max() {
      timings.append(PhaseTiming(.rcpt, seconds: seconds(slowest)))
    }
    return timings
  }

  /// One finding for every timing: the worst phase state, the total's, and the perfdata.
  func phaseFinding(_ session: SessionRecord) -> CheckFinding {
    let timings = timings(session)
    let total = Double(session.totalMilliseconds + (session.connectMilliseconds ?? 0)) / 1000
    var perfdata = timings.map { limits.perfDatum(for: $0, label: "time_\($0.phase.rawValue)") }
    perfdata.append(limits.totalPerfDatum(seconds: total, label: "time_total"))
    var slow: [String] = []
    var states: [CheckState] = []
    for timing in timings {
      let state = limits.state(of: timing)
      states.append(state)
      if state != .ok {
        slow.append("\(timing.phase.rawValue) \(DecimalText.text(timing.seconds, places: 3)) s")
      }
    }
    let totalState = limits.totalState(seconds: total)
    states.append(totalState)
    if totalState != .ok { slow.append("total \(DecimalText.text(total, places: 3)) s") }
    let state = CheckState.worst(states) ?? .ok
    let totalText = "total \(DecimalText.text(total, places: 3)) s"
    return CheckFinding(
      check: .phaseTime, state: state,
      summary: slow.isEmpty
        ? "every phase within its limits (\(totalText))"
        : "over the limit: " + slow.joined(separator: ", "),
      explanation: slow.isEmpty
        ? ""
        : "A slow phase delays every sender; a greeting delay is often a tarpit or a slow "
          + "DNS lookup of the client (RFC 5321 4.5.3.2 gives each step minutes, senders wait"
          + " less).",
      fix: slow.isEmpty ? "" : "Check the server's load, its DNS resolver and its delays.",
      value: total, unit: .seconds, perfdata: perfdata)
  }
}
