/// `--concurrency N`: how many targets `check` runs at the same time.
///
/// Each target is one thread doing blocking socket I/O, so the bound is on threads and open
/// connections, not CPU; 64 keeps a long `--targets` file from opening hundreds at once.
struct TargetConcurrency: OptionValue, Hashable {
  static let standard = TargetConcurrency(8)
  static let maximum = 64

  var value: Int

  init(_ value: Int) {
    self.value = value
  }

  init?(argument: String) {
    guard (1...2).contains(argument.utf8.count),
      argument.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let value = Int(argument), (1...Self.maximum).contains(value)
    else { return nil }
    self.value = value
  }

  static var expected: String { "a whole number 1-\(maximum)" }
  static var placeholder: String { "N" }
}
