import SMTPProbeCore
import SMTPProbePOSIX

/// `smtpprobe explain`: reads the query, builds the report, renders text or JSON.
struct ExplainCommand {
  var options: ExplainOptions

  /// Runs the command; a bad code or input is one line on stderr and exit 64.
  func run(_ console: Console) throws(OutputFailure) -> ExitCode {
    let report: ExplainReport
    do throws(ExplainError) {
      let query = try ExplainQuery.parse(options.inputs)
      var input = ""
      if case .standardInput = query {
        do throws(UsageError) {
          input = try Self.standardInput(console)
        } catch {
          console.fail(error.description)
          return .usage
        }
      }
      report = try ExplainReport.build(query, after: options.after) { input }
    } catch {
      console.fail(error.description)
      return .usage
    }
    if options.output.json {
      try console.print(ExplainJSONRenderer.render(report))
    } else {
      let colors = options.output.color.colors(
        environment: console.environment, isTerminal: console.stdoutIsTerminal)
      // The terminal's width when stdout is one; 80 columns for a pipe or a file.
      let width = console.terminalColumns.map { max(40, $0) } ?? LineWrap.width
      let renderer = ExplainTextRenderer(
        language: options.output.lang, style: TerminalStyle(colors: colors, width: width))
      try console.print(renderer.render(report))
    }
    return .success
  }

  /// Standard input, read up to `ExplainReport.maxInputBytes` and one byte more: past the
  /// limit the command stops reading and fails, whatever is still coming (`yes |`,
  /// `/dev/zero`), so memory stays at the limit.
  private static func standardInput(_ console: Console) throws(UsageError) -> String {
    if console.stdinIsTerminal {
      console.writeError("smtpprobe: paste the reply, then press Ctrl-D\n")
    }
    do throws(FileReader.Failure) {
      let bytes = try console.readInput(ExplainReport.maxInputBytes)
      return String(decoding: bytes, as: UTF8.self)
    } catch {
      switch error {
      case .tooLarge:
        throw .invalid(ExplainError.inputTooLarge(ExplainReport.maxInputBytes).description)
      case .unreadable(_, let reason): throw .invalid("cannot read standard input: \(reason)")
      }
    }
  }
}
