import SMTPProbeCore
import SMTPProbePOSIX

#if canImport(Glibc)
  import Glibc
#endif

/// The process's surroundings, injected so commands hold no global state: output streams,
/// standard input, the environment and whether stdout is a terminal.
struct Console {
  var environment: Environment
  var stdoutIsTerminal: Bool
  /// Whether standard input is a terminal (a person would have to type the reply).
  var stdinIsTerminal: Bool = false
  /// Whether standard error is a terminal (a progress line may be drawn there).
  var stderrIsTerminal: Bool = false
  /// The terminal's width in columns, when stdout is one.
  var terminalColumns: Int?
  var writeOutput: (String) throws(OutputFailure) -> Void
  /// Writes to stderr; a failure there has nowhere to be reported, so it is not one.
  var writeError: (String) -> Void
  /// Reads standard input, at most `limit` bytes; past that, `.tooLarge` after one more byte.
  var readInput: (_ limit: Int) throws(FileReader.Failure) -> [UInt8]

  /// Writes `text` to stdout, every byte, or throws why it could not.
  func print(_ text: String) throws(OutputFailure) { try writeOutput(text) }

  /// Writes one `smtpprobe: message` line to stderr.
  func fail(_ message: String) { writeError("smtpprobe: \(message)\n") }

  /// The real process: file descriptors 0, 1 and 2 and the environment.
  static func standard() -> Console {
    let isTerminal = isatty(STDOUT_FILENO) == 1
    var size = winsize()
    let columns =
      isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
      ? Int(size.ws_col) : nil
    return Console(
      environment: .process, stdoutIsTerminal: isTerminal,
      stdinIsTerminal: isatty(STDIN_FILENO) == 1, stderrIsTerminal: isatty(STDERR_FILENO) == 1,
      terminalColumns: columns,
      writeOutput: { text throws(OutputFailure) in
        if let code = writeAll(STDOUT_FILENO, text) {
          throw OutputFailure(reason: strerror(code).map { String(cString: $0) } ?? "\(code)")
        }
      },
      writeError: { _ = writeAll(STDERR_FILENO, $0) },
      readInput: { limit throws(FileReader.Failure) in
        try FileReader.read(path: "-", limit: limit)
      })
  }

  /// Writes every byte of `text` (`DescriptorWriter`); output is written unbuffered, so a
  /// successful return is the final flush.
  private static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
    DescriptorWriter.writeAll(descriptor, Array(text.utf8))
  }
}
