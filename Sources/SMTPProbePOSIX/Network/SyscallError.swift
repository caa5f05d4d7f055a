import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// A failed system call: the C function's name and the `errno` it left, read at once.
package struct SyscallError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The C function that failed ("connect", "poll").
  package var call: String
  /// The error number it set.
  package var errno: Int32

  package init(call: String, errno: Int32) {
    self.call = call
    self.errno = errno
  }

  /// The C library's text for `errno`.
  ///
  /// The corresponding C function is `strerror`.
  package var message: String { String(cString: strerror(errno)) }

  package var description: String { "\(call) failed: \(message) (errno \(errno))" }
}
