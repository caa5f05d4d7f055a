/// Renders a check report as a Nagios plugin's output: a status line with perfdata, then one
/// line per finding.
///
/// The first line is `SMTP STATE - text | perfdata` (Nagios Plugin API, "Plugin Output Spec":
/// text, then `|`, then performance data); the following lines are the long text Nagios 3 and
/// later show on the service page. Perfdata follows the Monitoring Plugins development
/// guidelines: `'label'=value[UOM];[warn];[crit];[min];[max]`, space separated, labels quoted
/// when they hold anything beyond letters, digits and `_.-:/`, a `'` inside doubled, trailing
/// empty fields dropped. Nagios cuts the text at the first `|`, so a `|` in our text or a
/// server's reply is written as `/`, and line breaks inside a sentence become spaces.
public enum CheckNagiosRenderer {
  /// The whole output, each line ending in LF.
  public static func render(_ report: CheckReport) -> String {
    let located = report.located
    let shared = sharedHosts(report)
    let places = Set(located.map { place($0, shared) })
    var used: Set<String> = []
    let perfdata = located.flatMap { item in
      item.finding.perfdata.map { datum in
        var datum = datum
        if places.count > 1 { datum.label = "\(place(item, shared)) \(datum.label)" }
        // Two targets may reach the same host: a repeated label would be one series.
        let base = datum.label
        var number = 2
        while used.contains(datum.label) {
          datum.label = "\(base)_\(number)"
          number += 1
        }
        used.insert(datum.label)
        return perfDatumText(datum)
      }
    }
    var first = "SMTP \(report.state.nagiosName) - \(text(headline(report)))"
    if !perfdata.isEmpty { first += " | " + perfdata.joined(separator: " ") }
    var lines = [first]
    for item in located {
      let finding = item.finding
      let label = finding.applicable ? finding.state.nagiosName : "SKIPPED"
      lines.append(
        text("\(label) \(place(item, shared)) \(finding.name): \(finding.summary)"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Where a finding was made: the host (or the target for its own findings), prefixed with
  /// the target when several targets reached that host, so each line and perfdata label
  /// names one place.
  static func place(_ item: LocatedFinding, _ shared: Set<String>) -> String {
    guard let host = item.host, shared.contains(host), host != item.target else {
      return item.place
    }
    return "\(item.target) \(host)"
  }

  /// The host names that more than one target reached.
  static func sharedHosts(_ report: CheckReport) -> Set<String> {
    var seen: Set<String> = []
    var shared: Set<String> = []
    for target in report.targets {
      for host in Set(target.hosts.map(\.host)) where !seen.insert(host).inserted {
        shared.insert(host)
      }
    }
    return shared
  }

  /// The status line's text: the worst problem, how many more there are, or that all is well.
  static func headline(_ report: CheckReport) -> String {
    let located = report.located
    guard let worst = report.worstProblems.first else {
      guard !located.isEmpty else { return "nothing was checked" }
      let shared = sharedHosts(report)
      let hosts = Set(located.map { place($0, shared) }).count
      let checks = located.filter(\.finding.applicable).count
      return "\(checks) checks OK on \(hosts) \(hosts == 1 ? "host" : "hosts")"
    }
    let more = report.problems.count - 1
    let suffix = more > 0 ? " (\(more) more \(more == 1 ? "problem" : "problems"))" : ""
    let location = place(worst, sharedHosts(report))
    return "\(location) \(worst.finding.name): \(worst.finding.summary)\(suffix)"
  }

  /// One perfdata item in the guidelines' grammar.
  public static func perfDatumText(_ datum: PerfDatum) -> String {
    var fields = [
      "\(label(datum.label))=\(DecimalText.text(datum.value))\(datum.unit.rawValue)",
      datum.warning?.description ?? "", datum.critical?.description ?? "",
      datum.minimum.map { DecimalText.text($0) } ?? "",
      datum.maximum.map { DecimalText.text($0) } ?? "",
    ]
    while fields.count > 1, fields.last?.isEmpty == true { fields.removeLast() }
    return fields.joined(separator: ";")
  }

  /// A label, quoted when it holds anything but `[A-Za-z0-9_.:/-]`, with `'` doubled.
  public static func label(_ raw: String) -> String {
    let cleaned = text(raw).replacing("=", with: "_")
    let plain = cleaned.unicodeScalars.allSatisfy {
      ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
        || "_.:/-".unicodeScalars.contains($0)
    }
    guard !plain || cleaned.isEmpty else { return cleaned }
    return "'" + cleaned.replacing("'", with: "''") + "'"
  }

  /// `value` on one line with no `|`.
  static func text(_ value: String) -> String {
    String(
      value.map { character -> Character in
        switch character {
        case "|": "/"
        case "\n", "\r", "\r\n", "\t": " "
        default: character
        }
      })
  }
}
