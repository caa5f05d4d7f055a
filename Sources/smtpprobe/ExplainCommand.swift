import SMTPProbeCore
import SMTPProbePOSIX

/// `smtpprobe explain`: reads the query, builds the report, renders text or JSON.
struct ExplainCommand {
  var options: ExplainOptions

  /// Runs the command; a bad code or input is one line on stderr and exit 64.
  func run(_ console: Console) -> ExitCode {
    let report: ExplainReport
    do {
      let query = try ExplainQuery.parse(options.inputs)
      report = try ExplainReport.build(query, after: options.after) {
        if console.stdinIsTerminal {
          console.writeError("smtpprobe: paste the reply, then press Ctrl-D\n")
        }
        return console.readInput()
      }
    } catch {
      console.fail(error.description)
      return .usage
    }
    if options.json {
      console.print(ExplainJSONRenderer.render(report))
    } else {
      let colors = options.color.colors(
        environment: console.environment, isTerminal: console.stdoutIsTerminal)
      let width = console.terminalColumns.map { min(78, max(40, $0 - 2)) } ?? 78
      let renderer = ExplainTextRenderer(
        language: options.lang, style: TerminalStyle(colors: colors, width: width))
      console.print(renderer.render(report))
    }
    return .success
  }
}
