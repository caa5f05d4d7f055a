/// Whether and when to send again; raw values are DESIGN.md's JSON strings.
public enum RetryAdvice: String, Sendable, CaseIterable, Codable {
  /// The step succeeded.
  case noneNeeded = "none-needed"
  /// A transient condition: retry the same thing later, with back-off.
  case later
  /// Fix the cause named in the diagnosis's `fix`, then retry.
  case afterFix = "after-fix"
  /// Do not retry this message to this address.
  case never
}
