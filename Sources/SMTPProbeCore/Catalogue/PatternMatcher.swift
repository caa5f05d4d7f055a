/// The matching half of a `ReplyPattern`: its phrases as bytes with their pair buckets, and
/// its class, command and enhanced-code constraints as cheap tests.
///
/// A final class so the pattern table can be walked without copying each pattern (a value
/// copy retains a dozen strings and arrays); every diagnosis of a negative reply walks it.
final class PatternMatcher: Sendable {
  let phraseBytes: [[UInt8]]
  let phrasePairs: [[UInt16]]
  let requiringBytes: [[UInt8]]
  let requiringPairs: [[UInt16]]
  /// The class digits as bits (bit d for digit d).
  let classBits: UInt16
  let commands: Set<CommandKind>?
  let enhancedCodes: Set<String>?

  /// Makes the matcher for folded `phrases` and `requiring`.
  init(
    phrases: [String], requiring: [String], classes: Set<Int>, commands: Set<CommandKind>?,
    enhancedCodes: Set<String>?
  ) {
    phraseBytes = phrases.map { Array($0.utf8) }
    phrasePairs = phraseBytes.map(PatternText.pairHashes(of:))
    requiringBytes = requiring.map { Array($0.utf8) }
    requiringPairs = requiringBytes.map(PatternText.pairHashes(of:))
    classBits = classes.reduce(0) { (0...9).contains($1) ? $0 | 1 << UInt16($1) : $0 }
    self.commands = commands
    self.enhancedCodes = enhancedCodes
  }

  /// Whether a reply of class digit `classDigit` answering `command`, with `enhanced` and
  /// folded text `text`, matches.
  func matches(
    _ text: PatternText, classDigit: Int?, command: CommandKind?, enhanced: EnhancedStatusCode?
  ) -> Bool {
    if let classDigit {
      guard (0...9).contains(classDigit), classBits & 1 << UInt16(classDigit) != 0 else {
        return false
      }
    }
    if let commands, let command, !commands.contains(command) { return false }
    if let enhancedCodes {
      guard let enhanced, enhancedCodes.contains(enhanced.description) else { return false }
    }
    var found = false
    for k in phraseBytes.indices where text.contains(phraseBytes[k], pairs: phrasePairs[k]) {
      found = true
      break
    }
    guard found else { return false }
    for k in requiringBytes.indices
    where !text.contains(requiringBytes[k], pairs: requiringPairs[k]) {
      return false
    }
    return true
  }
}
