import Foundation
import Testing

@testable import SMTPProbeCore
@testable import SMTPProbePOSIX

/// Shared checks that a catalogue text is finished prose, not a placeholder.
enum CatalogueTextChecks {
  static let placeholders = ["TODO", "TBD", "FIXME", "XXX", "lorem", "ipsum", "placeholder"]

  /// The problems with `text` as a catalogue sentence, empty when it is fine.
  static func problems(_ text: String, field: String) -> [String] {
    var found: [String] = []
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { found.append("\(field) is empty") }
    if trimmed != text { found.append("\(field) has surrounding whitespace") }
    for word in placeholders where text.range(of: word, options: .caseInsensitive) != nil {
      found.append("\(field) contains \(word)")
    }
    if let last = trimmed.last, !".!?)\"".contains(last) {
      found.append("\(field) does not end with punctuation")
    }
    if text.range(of: "when when", options: .caseInsensitive) != nil {
      found.append("\(field) repeats 'when'")
    }
    if text.contains("  ") { found.append("\(field) has a double space") }
    return found
  }
}

extension ReplyCodeEntry: CustomTestStringConvertible {
  public var testDescription: String { "\(code) \(title)" }
}

extension EnhancedStatusEntry: CustomTestStringConvertible {
  public var testDescription: String { "\(registryCode) \(title)" }
}
