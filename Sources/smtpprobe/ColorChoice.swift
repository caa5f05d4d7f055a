/// When to colour text output: `--color auto|always|never`.
enum ColorChoice: String, CaseIterable, Sendable {
  case auto
  case always
  case never

  /// Whether to colour output.
  ///
  /// `always` and `never` are explicit; `auto` colours a terminal unless `NO_COLOR` is set to
  /// anything non-empty (no-color.org) or `TERM` is `dumb`. An explicit `--color always` wins
  /// over `NO_COLOR`, as that convention asks.
  func colors(environment: Environment, isTerminal: Bool) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      if environment["TERM"] == "dumb" { return false }
      return isTerminal
    }
  }
}
