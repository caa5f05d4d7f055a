/// An output format of `check`: `--format` and the FORMAT of `--report FORMAT:PATH`.
public enum CheckFormat: String, Hashable, Sendable, CaseIterable {
  /// A Nagios plugin status line with perfdata, then one line per finding.
  case nagios
  /// What an operator reads: the worst problem first, then every finding by host.
  case text
  /// JSON with stable snake_case keys: every finding with its evidence.
  case json
  /// JUnit XML, one testsuite per target and host.
  case junit
  /// GitHub Actions workflow-command annotations.
  case github
  /// Prometheus text exposition for the node_exporter textfile collector.
  case prometheus

  /// Parses a format name, case-insensitively; `option` names the flag for the error.
  public static func parse(_ text: String, option: String = "--format") throws(CheckOptionError)
    -> CheckFormat
  {
    guard let format = CheckFormat(rawValue: text.lowercased()) else {
      throw .unknownFormat(option: option, value: text)
    }
    return format
  }

  /// The format when `--format` is not given: text on a terminal, nagios otherwise, so that a
  /// monitoring system calling the binary gets the plugin format without configuration.
  public static func defaultFormat(stdoutIsTerminal: Bool) -> CheckFormat {
    stdoutIsTerminal ? .text : .nagios
  }
}
