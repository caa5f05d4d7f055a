/// Runs a bound invocation.
extension Invocation {
  /// Runs the command and returns the exit status; output that cannot be written is one line
  /// on stderr and 74 (`EX_IOERR`).
  func run(_ console: Console) -> ExitCode {
    do throws(OutputFailure) {
      switch command {
      case .help(let topic):
        try console.print(HelpText.text(topic) + "\n")
        return .success
      case .version:
        try console.print(HelpText.version + "\n")
        return .success
      case .explain(let options):
        return try ExplainCommand(options: options).run(console)
      case .probe(let options):
        return try ProbeCommand(options: options).run(console)
      case .verify(let options):
        return try VerifyCommand(options: options).run(console)
      case .check(let options):
        return try CheckCommand(options: options).run(console)
      }
    } catch {
      console.fail(error.description)
      return .outputFailed
    }
  }
}
