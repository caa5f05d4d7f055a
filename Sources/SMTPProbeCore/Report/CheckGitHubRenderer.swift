/// Renders a check report for GitHub Actions: workflow-command annotations on standard
/// output, and a Markdown table for the job summary.
///
/// Annotations are `::error title=T::message` and `::warning title=T::message` lines (GitHub
/// docs, "Workflow commands for GitHub Actions"). The runner reads `%`, CR and LF in the
/// message as escapes, and also `:` and `,` in property values, which delimit the command;
/// they are written `%25`, `%0D`, `%0A`, `%3A`, `%2C` (the `escapeData` and `escapeProperty`
/// of actions/toolkit's `command.ts`). OK findings and checks that did not apply print nothing.
public enum CheckGitHubRenderer {
  /// One annotation line per WARNING, CRITICAL or UNKNOWN finding, worst first; each ends in LF.
  public static func annotations(_ report: CheckReport) -> String {
    report.problems.map { item in
      let finding = item.finding
      let command = finding.state == .warning ? "warning" : "error"
      let title = "smtpprobe \(finding.state.nagiosName): \(item.place) \(finding.name)"
      var message = finding.summary
      if !finding.explanation.isEmpty { message += "\n" + finding.explanation }
      if !finding.fix.isEmpty { message += "\nFix: " + finding.fix }
      return "::\(command) title=\(property(title))::\(data(message))\n"
    }
    .joined()
  }

  /// The job summary: a heading with the overall state, then a Markdown table of every finding.
  ///
  /// The caller appends it to the file `$GITHUB_STEP_SUMMARY` names.
  public static func stepSummary(_ report: CheckReport) -> String {
    var out = "## smtpprobe check: \(report.state.nagiosName)\n\n"
    out += "| State | Target | Host | Check | Summary | Fix |\n"
    out += "|---|---|---|---|---|---|\n"
    for item in report.located {
      let finding = item.finding
      let state = finding.applicable ? finding.state.nagiosName : "SKIPPED"
      let cells = [
        state, item.target,
        item.host.map { host in item.address.map { "\(host) (\($0))" } ?? host }
          ?? "", finding.name, finding.summary, finding.fix,
      ]
      out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// Workflow-command data: `%`, CR and LF escaped.
  static func data(_ value: String) -> String {
    var out = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A workflow-command property value: data escaping, then `:` and `,`.
  static func property(_ value: String) -> String {
    data(value).replacing(":", with: "%3A").replacing(",", with: "%2C")
  }

  /// A Markdown table cell (GitHub Flavored Markdown, "Tables"): `|` escaped as `\|`, line
  /// breaks as `<br>`, and `<`, `>`, `&` as entities so a reply's `<user@host>` stays text.
  static func cell(_ value: String) -> String {
    var out = ""
    for character in value {
      switch character {
      case "|": out += "\\|"
      case "\n", "\r\n", "\r": out += "<br>"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      default: out.append(character)
      }
    }
    return out
  }
}
