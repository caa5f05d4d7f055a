import SMTPProbeCore
import SMTPProbePOSIX

/// Where the AUTH password comes from: `--auth-password-file PATH|-` or `SMTPPROBE_PASSWORD`,
/// never the command line (where `ps` would show it).
///
/// Both sources obey the same rules, checked before connecting: the password is not empty,
/// holds no NUL (it would end the PLAIN field early, RFC 4616 2) and is at most
/// `maximumOctets` long, so the AUTH PLAIN line fits RFC 4954 4's 12,288 octets.
enum PasswordSource {
  /// The longest password, in octets.
  ///
  /// With a user name of up to 1,010 octets, PLAIN's
  /// base64 of `NUL user NUL password` stays within the 12,288-octet AUTH line.
  static let maximumOctets = 8192
  /// The longest AUTH command line, CRLF included (RFC 4954 section 4).
  static let maximumAuthLine = 12_288

  /// Why no usable password was found; one line, never the password itself.
  enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(FileReader.Failure)
    case empty(source: String)
    case containsNUL(source: String)
    case tooLong(source: String)
    case authLineTooLong(octets: Int)
    case missing
    /// `--roundtrip` without an IMAP password.
    case missingIMAP

    var description: String {
      switch self {
      case .unreadable(.unreadable(let path, let reason)):
        "cannot read the password file '\(InputError.escaped(path))': \(reason)"
      case .unreadable(.tooLarge(let path, _)):
        "the password in '\(InputError.escaped(path))' is longer than "
          + "\(PasswordSource.maximumOctets) octets (--auth-password-file)"
      case .empty(let source): "the password from \(source) is empty"
      case .containsNUL(let source):
        "the password from \(source) contains a NUL byte, which AUTH PLAIN cannot carry"
          + " (RFC 4616 2)"
      case .tooLong(let source):
        "the password from \(source) is longer than \(PasswordSource.maximumOctets) octets"
      case .authLineTooLong(let octets):
        "the user name and password make a \(octets)-octet AUTH PLAIN line, over the "
          + "\(PasswordSource.maximumAuthLine) octets RFC 4954 4 allows"
      case .missing:
        "--auth-user needs a password: --auth-password-file PATH|- or SMTPPROBE_PASSWORD"
      case .missingIMAP:
        "--roundtrip needs the IMAP password: --imap-password-file PATH|- or"
          + " SMTPPROBE_IMAP_PASSWORD"
      }
    }
  }

  /// The password for `user`: the first line of `file` (`-` is standard input; a FIFO or
  /// `<(pass show mail)` works), else `SMTPPROBE_PASSWORD`.
  ///
  /// A file is read only up to its first line or `maximumOctets` + 1 bytes, whichever is
  /// first: `pass show` puts the password on the first line and metadata after it, and `echo`
  /// ends it with a newline that is not part of it.
  static func password(file: String?, environment: Environment, user: String)
    throws(Problem) -> Secret
  {
    let bytes: [UInt8]
    let source: String
    if let file {
      source = file == "-" ? "standard input" : "'\(InputError.escaped(file))'"
      let head: [UInt8]
      do throws(FileReader.Failure) {
        head = try FileReader.readPrefix(path: file, count: maximumOctets + 2)
      } catch {
        throw .unreadable(error)
      }
      var line = Array(head.prefix { $0 != 0x0A })
      if line.last == 0x0D { line.removeLast() }
      guard line.count <= maximumOctets else {
        throw .unreadable(.tooLarge(path: file, limit: maximumOctets))
      }
      bytes = line
    } else if let value = environment["SMTPPROBE_PASSWORD"] {
      source = "SMTPPROBE_PASSWORD"
      bytes = Array(value.utf8)
      guard bytes.count <= maximumOctets else { throw .tooLong(source: source) }
    } else {
      throw .missing
    }
    guard !bytes.isEmpty else { throw .empty(source: source) }
    guard !bytes.contains(0) else { throw .containsNUL(source: source) }
    // "AUTH PLAIN " + base64(NUL user NUL password) + CRLF (RFC 4616 2, RFC 4954 4).
    let plain = 2 + user.utf8.count + bytes.count
    let line = 11 + (plain + 2) / 3 * 4 + 2
    guard line <= maximumAuthLine else { throw .authLineTooLong(octets: line) }
    return Secret(bytes: bytes)
  }
}
