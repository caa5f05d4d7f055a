#if canImport(Glibc)
  import Glibc
#endif

/// The process's surroundings, injected so commands hold no global state: output streams,
/// standard input, the environment and whether stdout is a terminal.
struct Console {
  var environment: [String: String]
  var stdoutIsTerminal: Bool
  /// Whether standard input is a terminal (a person would have to type the reply).
  var stdinIsTerminal: Bool = false
  /// The terminal's width in columns, when stdout is one.
  var terminalColumns: Int?
  var writeOutput: (String) -> Void
  var writeError: (String) -> Void
  var readInput: () -> String

  /// Writes `text` to stdout.
  func print(_ text: String) { writeOutput(text) }

  /// Writes one `smtpprobe: message` line to stderr.
  func fail(_ message: String) { writeError("smtpprobe: \(message)\n") }

  /// The real process: file descriptors 0, 1 and 2 and `environ`.
  static func standard() -> Console {
    var environment: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let pair = String(cString: pointer)
      if let equals = pair.firstIndex(of: "=") {
        environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
      }
      entry += 1
    }
    let isTerminal = isatty(STDOUT_FILENO) == 1
    var size = winsize()
    let columns =
      isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
      ? Int(size.ws_col) : nil
    return Console(
      environment: environment, stdoutIsTerminal: isTerminal,
      stdinIsTerminal: isatty(STDIN_FILENO) == 1, terminalColumns: columns,
      writeOutput: { writeAll(STDOUT_FILENO, $0) }, writeError: { writeAll(STDERR_FILENO, $0) },
      readInput: readAll)
  }

  /// Writes every byte of `text`, retrying after EINTR.
  ///
  /// The corresponding C function is `write`.
  private static func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Reads standard input to its end, retrying after EINTR.
  ///
  /// The corresponding C function is `read`.
  private static func readAll() -> String {
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        break
      }
      if count == 0 { break }
      data += chunk[0..<count]
    }
    return String(decoding: data, as: UTF8.self)
  }
}
