/// Renders a check report for a person at a terminal: every problem first, worst first, each
/// with its cause and its fix, then every finding grouped by target and host.
///
/// Prose is wrapped with `LineWrap`; colour and bold come from `TerminalStyle`, which returns
/// plain text when colour is off. A state is coloured as the reply class that would cause it:
/// OK green (2yz), WARNING yellow (4yz), CRITICAL red (5yz), UNKNOWN cyan. Text a server sent
/// is shown with its control characters made visible.
public enum CheckTextRenderer {
  /// The whole report, each line ending in LF.
  public static func render(_ report: CheckReport, style: TerminalStyle = .plain) -> String {
    var out = style.bold("smtpprobe check: ") + stateText(report.state, style) + "\n"
    let problems = report.problems
    if problems.isEmpty {
      out += "\n" + CheckNagiosRenderer.headline(report) + "\n"
    }
    for item in problems {
      out += "\n" + problem(item, style: style)
    }
    for target in report.targets {
      out += "\n" + style.bold(target.target) + "  " + stateText(target.state, style) + "\n"
      out += target.findings.map { line($0, style: style) }.joined()
      for host in target.hosts {
        out +=
          "  " + style.bold("\(host.displayName) port \(host.port)") + "  "
          + stateText(host.state, style) + "\n"
        out += host.findings.map { line($0, style: style, indent: "    ") }.joined()
        if !host.timings.isEmpty {
          let pieces = host.timings.map { "\($0.phase.rawValue) \(duration($0.seconds))" }
          out += style.dim(
            LineWrap.wrap(
              pieces: pieces, separator: ", ", prefix: "    timings: ", indent: "      "))
        }
      }
    }
    return out
  }

  /// A problem in full: state, place, check and summary, then cause, fix and the reply.
  static func problem(_ item: LocatedFinding, style: TerminalStyle) -> String {
    let finding = item.finding
    var out = LineWrap.wrap(
      prose("\(item.place) \(finding.name): \(finding.summary)"),
      prefix: stateText(finding.state, style, padded: true) + "  ", indent: "  ")
    if !finding.explanation.isEmpty {
      out += LineWrap.wrap(
        prose(finding.explanation), prefix: "  cause: ", indent: "         ")
    }
    if !finding.fix.isEmpty {
      out += LineWrap.wrap(
        prose(finding.fix), prefix: "  fix:   ", indent: "         ")
    }
    if let evidence = finding.evidence {
      if let command = evidence.commandLine {
        out += "  sent:  " + UntrustedText.shown(command) + "\n"
      }
      for replyLine in evidence.reply.lines {
        out += "  reply: " + UntrustedText.shown(replyLine) + "\n"
      }
    }
    return out
  }

  /// One finding on one line under its host: state, check, summary.
  static func line(_ finding: CheckFinding, style: TerminalStyle, indent: String = "  ")
    -> String
  {
    let state =
      finding.applicable
      ? stateText(finding.state, style, padded: true) : style.dim("skipped ")
    let name = finding.name.count < 20 ? padded(finding.name, 20) : finding.name + " "
    return LineWrap.wrap(
      prose(finding.summary), prefix: indent + state + "  " + name,
      indent: indent + String(repeating: " ", count: 32))
  }

  /// The state's name in capitals, coloured; padded to 8 columns when asked.
  static func stateText(_ state: CheckState, _ style: TerminalStyle, padded pad: Bool = false)
    -> String
  {
    let name = pad ? padded(state.nagiosName, 8) : state.nagiosName
    let replyClass: ReplyClass =
      switch state {
      case .ok: .positiveCompletion
      case .warning: .transientNegative
      case .critical: .permanentNegative
      case .unknown: .positiveIntermediate
      }
    return style.colored(name, for: replyClass)
  }

  /// Milliseconds below one second, seconds with one decimal from there.
  static func duration(_ seconds: Double) -> String {
    seconds < 1
      ? "\(DecimalText.text(seconds * 1000, places: 0)) ms"
      : "\(DecimalText.text(seconds, places: 1)) s"
  }

  /// Text to wrap: line breaks and tabs become spaces (the wrapper breaks lines itself), and
  /// other control characters are shown as `\xHH`.
  static func prose(_ text: String) -> String {
    UntrustedText.shown(
      String(text.map { "\n\r\t\r\n".contains($0) ? " " : $0 }))
  }

  private static func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
