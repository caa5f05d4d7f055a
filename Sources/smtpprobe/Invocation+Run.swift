/// Runs a bound invocation.
extension Invocation {
  /// Runs the command and returns the exit status.
  func run(_ console: Console) -> ExitCode {
    switch command {
    case .help(let topic):
      console.print(HelpText.text(topic) + "\n")
      return .success
    case .version:
      console.print(HelpText.version + "\n")
      return .success
    case .explain(let options):
      return ExplainCommand(options: options).run(console)
    case .probe(let options):
      return ProbeCommand(options: options).run(console)
    }
  }
}
