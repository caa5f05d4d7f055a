import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Reads files named on the command line (`--data`, `--auth-password-file`, `--cafile`) with
/// `open` and `read`, never more than a stated limit.
public enum FileReader {
  /// Why a file could not be read, with the path for one line.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// `open` or `read` failed; `reason` is `strerror`'s text.
    case unreadable(path: String, reason: String)
    /// The file holds more than `limit` bytes.
    case tooLarge(path: String, limit: Int)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
      case .tooLarge(let path, let limit): "'\(path)' is larger than \(limit) bytes"
      }
    }
  }

  /// The contents of `path` (`-` is standard input), or `.tooLarge` as soon as more than
  /// `limit` bytes have been read: the file is never held whole beyond the limit.
  ///
  /// The corresponding C functions are `open`, `read` and `close`.
  public static func read(path: String, limit: Int) throws(Failure) -> [UInt8] {
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .unreadable(path: path, reason: Self.reason(errno)) }
    defer { if fd != 0 { close(fd) } }
    var contents: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: Self.reason(errno))
      }
      if count == 0 { return contents }
      guard contents.count + count <= limit else { throw .tooLarge(path: path, limit: limit) }
      contents += chunk[0..<count]
    }
  }

  /// Whether this process may read `path`.
  ///
  /// The corresponding C function is `access`.
  public static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

  private static func reason(_ code: Int32) -> String {
    strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }
}
