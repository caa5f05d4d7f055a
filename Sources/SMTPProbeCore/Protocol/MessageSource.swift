/// Where the DATA content comes from, block by block: the message is never held whole.
///
/// `SessionDriver` reads it after the 354 reply and writes each block as it is encoded
/// (`ContentEncoder`), so a 200 MB file costs one block of memory. A file is opened by a
/// `MessageSourceOpening` from the POSIX layer; content already in memory (the built-in test
/// message) is a `BytesMessageSource`.
public protocol MessageSource: AnyObject {
  /// The next at most `maximum` bytes; empty at the end.
  func nextBlock(maximum: Int) throws(MessageSourceError) -> [UInt8]
  /// Releases the source (a file descriptor); safe to call twice.
  func close()
}

/// Opens the file behind a `MessageFile` when its content is due.
public protocol MessageSourceOpening: Sendable {
  func open(_ file: MessageFile) throws(MessageSourceError) -> any MessageSource
}

/// Why the message content could not be read, with the path for one line.
public struct MessageSourceError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  /// `strerror`'s text, or what is wrong with the file.
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot read the message file '\(path)': \(reason)" }
}

/// A message file named on the command line (`--data FILE`), checked before connecting.
public struct MessageFile: Hashable, Sendable {
  /// The path as given; `-` is standard input.
  public var path: String
  /// The file's size in octets (`fstat`) for a regular file; nil for a pipe, FIFO or
  /// standard input, whose size is known only once read.
  public var size: Int?

  public init(path: String, size: Int?) {
    self.path = path
    self.size = size
  }
}

/// Content already in memory, handed out in blocks like a file.
public final class BytesMessageSource: MessageSource {
  private let bytes: [UInt8]
  private var offset = 0

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  public func nextBlock(maximum: Int) -> [UInt8] {
    let end = min(bytes.count, offset + max(1, maximum))
    defer { offset = end }
    return Array(bytes[offset..<end])
  }

  public func close() {}
}
