import SMTPProbeCore
import SMTPProbePOSIX

/// The IMAP password of `--roundtrip`: the first line of `--imap-password-file PATH|-`, else
/// `SMTPPROBE_IMAP_PASSWORD`; never the command line, never printed.
///
/// The same rules as the AUTH password (`PasswordSource`): not empty, no NUL (AUTHENTICATE
/// PLAIN could not carry it, RFC 4616 2), at most `PasswordSource.maximumOctets`.
enum IMAPPassword {
  /// The variable read when no file is given.
  static let variable = "SMTPPROBE_IMAP_PASSWORD"

  /// The password, or a one-line problem (never containing it).
  static func read(file: String?, environment: Environment) throws(PasswordSource.Problem)
    -> Secret
  {
    let limit = PasswordSource.maximumOctets
    let bytes: [UInt8]
    let source: String
    if let file {
      source = file == "-" ? "standard input" : "'\(InputError.escaped(file))'"
      let head: [UInt8]
      do throws(FileReader.Failure) {
        head = try FileReader.readPrefix(path: file, count: limit + 2)
      } catch {
        throw .unreadable(error)
      }
      var line = Array(head.prefix { $0 != 0x0A })
      if line.last == 0x0D { line.removeLast() }
      guard line.count <= limit else { throw .tooLong(source: source) }
      bytes = line
    } else if let value = environment[variable] {
      source = variable
      bytes = Array(value.utf8)
      guard bytes.count <= limit else { throw .tooLong(source: source) }
    } else {
      throw .missingIMAP
    }
    guard !bytes.isEmpty else { throw .empty(source: source) }
    guard !bytes.contains(0) else { throw .containsNUL(source: source) }
    return Secret(bytes: bytes)
  }
}
