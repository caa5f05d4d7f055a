/// `--catch-all probe|skip`: whether verify sends the random-address RCPT after the real ones.
enum CatchAllMode: String, CaseIterable, Hashable, Sendable, OptionValue {
  case probe
  case skip
}
