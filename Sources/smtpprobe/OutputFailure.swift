/// Standard output could not be written; the command stops and the tool exits 74.
struct OutputFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// `strerror`'s text for the failed `write`.
  var reason: String

  var description: String { "cannot write the output: \(reason)" }
}
