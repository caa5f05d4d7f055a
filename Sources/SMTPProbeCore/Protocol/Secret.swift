/// A value that must never appear in output: a password or an AUTH exchange's data.
///
/// `description`, `debugDescription` and the reflection mirror all show `<redacted>`, so string
/// interpolation, `print` and `dump` cannot leak it (DESIGN.md: secrets never appear in any
/// output). Only `withRevealedBytes` and `revealedString` give the value back, for the wire.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  private let bytes: [UInt8]

  /// Wraps a string's UTF-8 bytes.
  public init(_ value: String) {
    bytes = Array(value.utf8)
  }

  /// Wraps raw bytes.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// What every printing path shows.
  public static let redacted = "<redacted>"

  public var description: String { Self.redacted }
  public var debugDescription: String { Self.redacted }
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

  /// Whether the secret is empty (an empty AUTH initial response is sent as `=`, RFC 4954 4).
  public var isEmpty: Bool { bytes.isEmpty }

  /// Calls `body` with the secret's bytes; for code that writes them to the wire.
  public func withRevealedBytes<R>(_ body: ([UInt8]) throws -> R) rethrows -> R {
    try body(bytes)
  }

  /// The secret as a string; call only to put it on the wire.
  public var revealedString: String { String(decoding: bytes, as: UTF8.self) }
}
