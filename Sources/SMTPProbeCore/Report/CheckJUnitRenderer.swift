/// Renders a check report as JUnit XML: one `<testsuite>` per target and host, one
/// `<testcase>` per finding.
///
/// The shape is the one GitLab's unit test reports and Jenkins' JUnit plugin read: a
/// `<testsuites>` root with `tests`, `failures`, `errors` and `skipped` counts, each suite with
/// its own counts. A WARNING or CRITICAL finding is a `<failure>` whose `type` is the state and
/// whose `message` is the summary, with the explanation and fix as its text; an UNKNOWN one
/// (our own failure) is an `<error>`; a check that did not apply is `<skipped/>`.
public enum CheckJUnitRenderer {
  /// The XML document, ending in LF.
  public static func render(_ report: CheckReport) -> String {
    var suites: [Suite] = []
    for target in report.targets {
      if !target.findings.isEmpty {
        suites.append(Suite(name: target.target, className: target.target, cases: target.findings))
      }
      for host in target.hosts {
        suites.append(
          Suite(
            name: "\(target.target) / \(host.displayName)",
            className: "\(target.target).\(host.host)", cases: host.findings))
      }
    }
    let all = suites.flatMap(\.cases)
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"smtpprobe check\"\(counts(all))>\n"
    for suite in suites {
      out += "  <testsuite name=\"\(XMLText.attribute(suite.name))\"\(counts(suite.cases))>\n"
      for finding in suite.cases { out += testCase(finding, className: suite.className) }
      out += "  </testsuite>\n"
    }
    out += "</testsuites>\n"
    return out
  }

  private struct Suite {
    var name: String
    var className: String
    var cases: [CheckFinding]
  }

  private static func counts(_ findings: [CheckFinding]) -> String {
    let failures = findings.filter { $0.applicable && [.warning, .critical].contains($0.state) }
    let errors = findings.filter { $0.applicable && $0.state == .unknown }
    let skipped = findings.filter { !$0.applicable }
    return " tests=\"\(findings.count)\" failures=\"\(failures.count)\""
      + " errors=\"\(errors.count)\" skipped=\"\(skipped.count)\""
  }

  private static func testCase(_ finding: CheckFinding, className: String) -> String {
    let open =
      "    <testcase classname=\"\(XMLText.attribute(className))\" "
      + "name=\"\(XMLText.attribute(finding.name))\""
    let body: String
    if !finding.applicable {
      body = "      <skipped message=\"\(XMLText.attribute(finding.summary))\"/>\n"
    } else {
      switch finding.state {
      case .ok:
        return open + "/>\n"
      case .warning, .critical:
        body =
          "      <failure type=\"\(finding.state.rawValue)\" "
          + "message=\"\(XMLText.attribute(finding.summary))\">"
          + XMLText.content(details(finding)) + "</failure>\n"
      case .unknown:
        body =
          "      <error type=\"unknown\" message=\"\(XMLText.attribute(finding.summary))\">"
          + XMLText.content(details(finding)) + "</error>\n"
      }
    }
    return open + ">\n" + body + "    </testcase>\n"
  }

  /// The explanation, the fix and the evidence, one per line.
  private static func details(_ finding: CheckFinding) -> String {
    var lines: [String] = []
    if !finding.explanation.isEmpty { lines.append(finding.explanation) }
    if !finding.fix.isEmpty { lines.append("Fix: \(finding.fix)") }
    if let evidence = finding.evidence {
      if let command = evidence.commandLine { lines.append("Sent: \(command)") }
      lines.append(contentsOf: evidence.reply.lines.map { "Reply: \($0)" })
    }
    return lines.joined(separator: "\n")
  }
}
