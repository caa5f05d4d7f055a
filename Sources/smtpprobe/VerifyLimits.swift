/// How many verify sessions may run at once (`--concurrency`, `--per-host`), 1 to 256.
struct SessionLimit: OptionValue, Hashable {
  static let maximum = 256

  var value: Int

  init(_ value: Int) {
    self.value = value
  }

  init?(argument: String) {
    guard (1...3).contains(argument.utf8.count),
      argument.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let value = Int(argument), (1...Self.maximum).contains(value)
    else { return nil }
    self.value = value
  }

  static var expected: String { "a whole number 1-\(maximum)" }
  static var placeholder: String { "N" }
}

/// RCPT commands per second per MX host (`--rate`), 1 to 10000.
struct RecipientRate: OptionValue, Hashable {
  static let maximum = 10_000

  var value: Int

  init(_ value: Int) {
    self.value = value
  }

  init?(argument: String) {
    guard (1...5).contains(argument.utf8.count),
      argument.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let value = Int(argument), (1...Self.maximum).contains(value)
    else { return nil }
    self.value = value
  }

  static var expected: String { "a whole number 1-\(maximum)" }
  static var placeholder: String { "N" }
}
