#if canImport(Glibc)
  import Glibc
#endif

/// Writes whole buffers to a file descriptor: the one loop behind standard output, report
/// files and the GitHub step summary.
public enum DescriptorWriter {
  /// Writes every byte of `bytes` to `descriptor`, retrying after EINTR and short writes; the
  /// `errno` of a failed write, or nil.
  ///
  /// The corresponding C function is `write`.
  public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes {
        write(descriptor, $0.baseAddress.map { $0 + offset }, bytes.count - offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += count
    }
    return nil
  }
}
