/// Renders a check report in the Prometheus text exposition format, version 0.0.4, for the
/// node_exporter textfile collector.
///
/// Every metric has one `# HELP` and one `# TYPE` line before its samples; label values escape
/// backslash, double quote and line feed as `\\`, `\"` and `\n`, HELP text backslash and line
/// feed (Prometheus docs, "Exposition formats", text format details). A label set appears once
/// per metric: when two findings share one, the worse state is kept. The output ends in LF.
public enum CheckPrometheusRenderer {
  /// The exposition text.
  public static func render(_ report: CheckReport) -> String {
    var families: [Family] = []

    var status = Family(
      name: "smtpprobe_check_status",
      help: "State of one check: 0 ok, 1 warning, 2 critical, 3 unknown.")
    for item in report.located where item.finding.applicable {
      status.add(
        labels: [
          ("target", item.target), ("host", item.host ?? ""), ("address", item.address ?? ""),
          ("check", item.finding.check.rawValue), ("subject", item.finding.subject ?? ""),
        ], value: Double(item.finding.state.exitCode), keep: max)
    }
    families.append(status)

    var findings = Family(
      name: "smtpprobe_check_findings", help: "Number of findings of each state per target.")
    var targetState = Family(
      name: "smtpprobe_check_target_status",
      help: "Worst state of a target: 0 ok, 1 warning, 2 critical, 3 unknown.")
    var phases = Family(
      name: "smtpprobe_phase_seconds", help: "Duration of one phase of the session in seconds.")
    var certificates = Family(
      name: "smtpprobe_tls_cert_not_after_seconds",
      help: "Expiry of each certificate the server presented, in seconds since the Unix epoch.")
    for target in report.targets {
      let all = target.findings + target.hosts.flatMap(\.findings)
      for state in CheckState.allCases {
        let count = all.filter { $0.applicable && $0.state == state }.count
        findings.add(
          labels: [("target", target.target), ("state", state.rawValue)], value: Double(count))
      }
      targetState.add(
        labels: [("target", target.target)], value: Double(target.state.exitCode))
      for host in target.hosts {
        let place = [
          ("target", target.target), ("host", host.host), ("address", host.address ?? ""),
        ]
        for timing in host.timings {
          phases.add(labels: place + [("phase", timing.phase.rawValue)], value: timing.seconds)
        }
        for (depth, certificate) in host.certificates.enumerated() {
          certificates.add(
            labels: place + [
              ("depth", String(depth)),
              ("subject", certificate.commonName ?? certificate.subject),
            ], value: Double(certificate.notAfter.seconds))
        }
      }
    }
    families += [findings, targetState, phases, certificates]

    return families.filter { !$0.samples.isEmpty }.map(\.text).joined()
  }

  /// One metric family: its HELP, its gauge TYPE and its samples in the order added.
  private struct Family {
    var name: String
    var help: String
    var samples: [(labels: String, value: Double)] = []

    init(name: String, help: String) {
      self.name = name
      self.help = help
    }

    /// Adds a sample, or combines it with `keep` when the label set is already there.
    mutating func add(
      labels: [(String, String)], value: Double, keep: (Double, Double) -> Double = { $1 }
    ) {
      let text = labels.map { "\($0.0)=\"\(labelValue($0.1))\"" }.joined(separator: ",")
      if let index = samples.firstIndex(where: { $0.labels == text }) {
        samples[index].value = keep(samples[index].value, value)
      } else {
        samples.append((text, value))
      }
    }

    var text: String {
      var out = "# HELP \(name) \(helpText(help))\n# TYPE \(name) gauge\n"
      for sample in samples {
        out += "\(name){\(sample.labels)} \(DecimalText.text(sample.value))\n"
      }
      return out
    }
  }

  /// A label value: `\`, `"` and LF escaped.
  static func labelValue(_ value: String) -> String { escape(value, quote: true) }

  /// HELP text: `\` and LF escaped.
  static func helpText(_ value: String) -> String { escape(value, quote: false) }

  private static func escape(_ value: String, quote: Bool) -> String {
    var out = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"" where quote: out += "\\\""
      case "\n": out += "\\n"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
