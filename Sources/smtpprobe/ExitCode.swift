/// The process exit status, with the meanings of DESIGN.md's table as named statics.
///
/// 64 and 74 are `EX_USAGE` and `EX_IOERR` from sysexits.h; a signal ends the process with
/// 128 plus its number, as shells report a process killed by it.
struct ExitCode: RawRepresentable, Hashable, Sendable {
  var rawValue: Int32

  init(rawValue: Int32) {
    self.rawValue = rawValue
  }

  /// Everything succeeded: explained; every probe reply positive; deliverable.
  static let success = ExitCode(rawValue: 0)
  /// probe: a permanent (5xx) rejection; verify: undeliverable.
  static let permanentFailure = ExitCode(rawValue: 1)
  /// probe: a transient (4xx) rejection; verify: risky.
  static let transientFailure = ExitCode(rawValue: 2)
  /// probe: could not complete (DNS, connect, TLS, protocol violation, timeout).
  static let incomplete = ExitCode(rawValue: 3)
  /// check: UNKNOWN, the check could not run (bad arguments, a report not written).
  static let unknownCheck = ExitCode(rawValue: 3)
  /// Usage error or invalid input (`EX_USAGE`).
  static let usage = ExitCode(rawValue: 64)
  /// A feature not available in this build (`EX_SOFTWARE`).
  static let software = ExitCode(rawValue: 70)
  /// The output could not be written: a full disk, a closed pipe (`EX_IOERR`).
  static let outputFailed = ExitCode(rawValue: 74)

  /// Ended by signal `number`: 129 for SIGHUP, 130 for SIGINT, 131 for SIGQUIT, 143 for SIGTERM.
  static func signal(_ number: Int32) -> ExitCode {
    ExitCode(rawValue: 128 + number)
  }
}
