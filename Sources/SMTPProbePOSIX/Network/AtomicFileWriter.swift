import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a file so that a reader sees either the old contents or the new, never a part:
/// a temporary file in the same directory, written, flushed, then renamed over the target.
///
/// `rename` replaces the target atomically when both names are on one file system (POSIX
/// `rename`), which is why the temporary file sits beside the target. The node_exporter
/// textfile collector reads only `*.prom` files, so the temporary name (`.PATH.tmp-PID`)
/// is never read half-written.
public enum AtomicFileWriter {
  /// Why the file could not be written, with the path for one line.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A system call failed; `reason` is `strerror`'s text.
    case failed(path: String, call: String, reason: String)

    public var description: String {
      switch self {
      case .failed(let path, let call, let reason): "cannot write '\(path)': \(call): \(reason)"
      }
    }
  }

  /// Replaces the contents of `path` with `bytes`, created with mode 0644 if new.
  ///
  /// The corresponding C functions are `open`, `write`, `fsync`, `close`, `rename` and, on
  /// failure, `unlink` of the temporary file.
  public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    let temporary = temporaryPath(for: path)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure(path, "open", errno) }
    if let code = DescriptorWriter.writeAll(fd, bytes) {
      close(fd)
      unlink(temporary)
      throw failure(path, "write", code)
    }
    if fsync(fd) != 0 {
      let code = errno
      close(fd)
      unlink(temporary)
      throw failure(path, "fsync", code)
    }
    if close(fd) != 0 {
      let code = errno
      unlink(temporary)
      throw failure(path, "close", code)
    }
    if rename(temporary, path) != 0 {
      let code = errno
      unlink(temporary)
      throw failure(path, "rename", code)
    }
  }

  /// Writes `text` as UTF-8.
  public static func write(_ text: String, to path: String) throws(Failure) {
    try write(Array(text.utf8), to: path)
  }

  /// `dir/.name.tmp-PID`: hidden, in the target's directory, unique per process.
  static func temporaryPath(for path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    return "\(directory).\(name).tmp-\(getpid())"
  }

  private static func failure(_ path: String, _ call: String, _ code: Int32) -> Failure {
    .failed(path: path, call: call, reason: strerror(code).map { String(cString: $0) } ?? "error")
  }
}
