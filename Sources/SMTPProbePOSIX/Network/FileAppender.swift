import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Appends text to a file, creating it if needed: for `$GITHUB_STEP_SUMMARY`, which a job's
/// steps each add to.
///
/// `O_APPEND` makes every `write` land at the current end of the file (POSIX `open`), so
/// what another step wrote is kept.
public enum FileAppender {
  /// Appends `text` as UTF-8 to `path` (mode 0644 if new).
  ///
  /// The C functions are `open`, `write` and `close`. `durable` also waits for the data to reach the disk (`fsync`), so a
  /// line appended survives a crash or a power cut that comes after.
  public static func append(_ text: String, to path: String, durable: Bool = false)
    throws(AtomicFileWriter.Failure)
  {
    let bytes = Array(text.utf8)
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure(path, "open", errno) }
    if let code = DescriptorWriter.writeAll(fd, bytes) {
      close(fd)
      throw failure(path, "write", code)
    }
    if durable, fsync(fd) != 0 {
      let code = errno
      close(fd)
      throw failure(path, "fsync", code)
    }
    if close(fd) != 0 { throw failure(path, "close", errno) }
  }

  private static func failure(_ path: String, _ call: String, _ code: Int32)
    -> AtomicFileWriter.Failure
  {
    .failed(path: path, call: call, reason: strerror(code).map { String(cString: $0) } ?? "error")
  }
}
