/// One line of a scripted-smtpd script, parsed.
///
/// Script format, one step a line (blank lines and `#` comments ignored):
/// - `send TEXT` sends TEXT and CRLF; `sendraw TEXT` sends TEXT alone. Escapes: `\r`, `\n`,
///   `\t`, `\\`, `\xHH`.
/// - `expect PREFIX` reads one command line and checks it starts with PREFIX (ignoring case);
///   `expect *` takes any line. On a mismatch the server answers
///   `503 5.5.1 scripted-smtpd: expected PREFIX`, logs it and reads the next line.
/// - `expect-data` reads message lines up to the lone `.` line.
/// - `delay MS` sleeps; `close` closes the connection (so does the end of the script);
///   `reset` closes it with a TCP RST (SO_LINGER 0), as a crashing server or a firewall does.
enum ScriptStep: Hashable, Sendable {
  case send([UInt8])
  case expect(prefix: String)
  case expectData
  case delay(milliseconds: Int)
  case close
  case reset
}
