import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// A `--data` file read block by block while it is sent: the message is never in memory
/// whole, whatever its size.
///
/// `inspect` checks the file before any connection is opened (it exists, can be read, is a
/// regular file, a pipe or a FIFO) and takes a regular file's size for `SIZE=` (RFC 1870); the
/// `Opener` opens it again when DATA is accepted. `-` is standard input.
public final class FileMessageSource: MessageSource {
  private let path: String
  private var descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit { close() }

  /// Opens a checked `MessageFile` when its content is due.
  public struct Opener: MessageSourceOpening {
    public init() {}

    /// The corresponding C function is `open`.
    public func open(_ file: MessageFile) throws(MessageSourceError) -> any MessageSource {
      if file.path == "-" { return FileMessageSource(path: file.path, descriptor: STDIN_FILENO) }
      let descriptor = Glibc.open(file.path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw MessageSourceError(path: file.path, reason: FileMessageSource.reason(errno))
      }
      return FileMessageSource(path: file.path, descriptor: descriptor)
    }
  }

  /// `path` checked for `--data`: it can be opened for reading and is a regular file (its size
  /// is then known), a pipe or a FIFO (size unknown until read); anything else throws.
  ///
  /// A FIFO is opened without blocking (`O_NONBLOCK`), so a missing writer cannot hold the
  /// check up. The corresponding C functions are `open`, `fstat` and `close`.
  public static func inspect(path: String) throws(MessageSourceError) -> MessageFile {
    let descriptor =
      path == "-" ? STDIN_FILENO : Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw MessageSourceError(path: path, reason: reason(errno)) }
    defer { if descriptor != STDIN_FILENO { Glibc.close(descriptor) } }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw MessageSourceError(path: path, reason: reason(errno))
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      return MessageFile(path: path, size: Int(status.st_size))
    case S_IFIFO:
      return MessageFile(path: path, size: nil)
    case S_IFDIR:
      throw MessageSourceError(path: path, reason: "it is a directory")
    default:
      throw MessageSourceError(path: path, reason: "it is not a regular file or a pipe")
    }
  }

  /// The next at most `maximum` bytes; empty at the end of the file.
  ///
  /// A read interrupted by a signal throws rather than retrying, so a pipe that never ends
  /// cannot keep a stopped run waiting. The corresponding C function is `read`.
  public func nextBlock(maximum: Int) throws(MessageSourceError) -> [UInt8] {
    guard descriptor >= 0 else { return [] }
    let wanted = max(1, maximum)
    var failure: Int32 = 0
    let block = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
      let got = Glibc.read(descriptor, buffer.baseAddress, wanted)
      if got < 0 { failure = errno }
      count = max(0, got)
    }
    if failure != 0 { throw MessageSourceError(path: path, reason: Self.reason(failure)) }
    return block
  }

  /// Closes the file; standard input stays open.
  ///
  /// The corresponding C function is `close`.
  public func close() {
    if descriptor > STDIN_FILENO { Glibc.close(descriptor) }
    descriptor = -1
  }

  private static func reason(_ code: Int32) -> String {
    strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }
}
