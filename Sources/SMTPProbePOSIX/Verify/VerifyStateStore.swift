import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// verify's `--state FILE` on disk: read once before the run, then one durable line appended
/// per finished address (`VerifyStateFile` is the format).
public struct VerifyStateStore: Sendable {
  /// Why the state file cannot be used: one line each.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case foreign(path: String, problem: VerifyStateFile.Problem)
    case unwritable(String)

    public var description: String {
      switch self {
      case .unreadable(let reason): "--state: \(reason)"
      case .foreign(let path, let problem):
        "--state: '\(path)' is not a smtpprobe verify state file (\(problem))"
      case .unwritable(let reason): "--state: \(reason)"
      }
    }
  }

  /// The largest state file read.
  public static let limit = 512 * 1024 * 1024

  public let path: String

  /// Reads the results recorded at `path`; a missing or empty file is started with the
  /// format's header line.
  public static func open(path: String) throws(Failure) -> (
    store: VerifyStateStore, recorded: [String: VerifyResult]
  ) {
    let store = VerifyStateStore(path: path)
    var text = ""
    if access(path, F_OK) == 0 {
      do throws(FileReader.Failure) {
        text = String(decoding: try FileReader.read(path: path, limit: limit), as: UTF8.self)
      } catch {
        throw .unreadable(error.description)
      }
    }
    let recorded: [String: VerifyResult]
    do throws(VerifyStateFile.Problem) {
      recorded = try VerifyStateFile.parse(text)
    } catch {
      throw .foreign(path: path, problem: error)
    }
    if text.isEmpty {
      do throws(AtomicFileWriter.Failure) {
        try FileAppender.append(VerifyStateFile.header, to: path, durable: true)
      } catch {
        throw .unwritable("\(error)")
      }
    } else if !text.hasSuffix("\n") {
      // A record cut while being written (the parser skipped it): cut it off, so the next
      // record starts a line of its own. The C function is `truncate`.
      let kept =
        text.utf8.lastIndex(of: UInt8(ascii: "\n")).map {
          text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1
        } ?? 0
      if truncate(path, off_t(kept)) != 0 {
        throw .unwritable("cannot cut the unfinished last line of '\(path)'")
      }
    }
    return (store, recorded)
  }

  /// Appends the record of `result` for `mailbox`, durably.
  public func record(mailbox: String, result: VerifyResult) throws(Failure) {
    do throws(AtomicFileWriter.Failure) {
      try FileAppender.append(
        VerifyStateFile.line(mailbox: mailbox, result: result), to: path, durable: true)
    } catch {
      throw .unwritable("\(error)")
    }
  }
}
