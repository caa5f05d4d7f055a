/// A MAIL FROM or RCPT TO path sent byte for byte, for tests that must send what no valid
/// mailbox is (the relay matrix's percent hack, bang path, source route, double `@`).
///
/// The text goes between the angle brackets as given and is checked for nothing but what
/// would break the command line: RFC 5321 2.3.8 allows CR and LF only as the line terminator,
/// so a control character (`WireValidation.firstControlCharacter`) or an invisible character
/// in the text could end our command and start another. Such text never makes a `RawPath`.
public struct RawPath: Hashable, Sendable, CustomStringConvertible {
  /// What goes between `<` and `>`; empty for the null path `<>`.
  public let text: String

  /// Checks `text` and keeps it; throws when it holds a control or invisible character.
  public init(_ text: String) throws(InputError) {
    try WireValidation.checkControlCharacters(text, field: .rawPath)
    self.text = text
  }

  /// Joins two raw parts without a new check: both were checked, and joining adds no byte.
  init(joining head: RawPath, _ tail: String) {
    self.text = head.text + tail
  }

  /// `<text>` as it goes on the wire.
  public var path: String { "<\(text)>" }
  public var description: String { path }
}
