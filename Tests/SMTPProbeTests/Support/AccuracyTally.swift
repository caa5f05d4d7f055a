/// Counts expected against obtained labels and prints accuracy, the misses and a per-label
/// precision/recall table.
struct AccuracyTally {
  /// One scored item.
  struct Outcome {
    var id: String
    var expected: String
    var got: String
  }

  let name: String
  private(set) var outcomes: [Outcome] = []

  init(_ name: String) {
    self.name = name
  }

  mutating func record(id: String, expected: String, got: String) {
    outcomes.append(Outcome(id: id, expected: expected, got: got))
  }

  var total: Int { outcomes.count }
  var hits: Int { outcomes.filter { $0.expected == $0.got }.count }
  var misses: [Outcome] { outcomes.filter { $0.expected != $0.got } }

  /// The share of items whose obtained label equals the expected one (1 when there are none).
  var accuracy: Double { total == 0 ? 1 : Double(hits) / Double(total) }

  /// `name: 87.3 % (262/300)`.
  var summary: String {
    "\(name): \(percent(accuracy)) (\(hits)/\(total))"
  }

  /// The summary and the first `limit` misses as `id: expected X, got Y`.
  func report(limit: Int = 30) -> String {
    var lines = [summary]
    for miss in misses.prefix(limit) {
      lines.append("  \(miss.id): expected \(miss.expected), got \(miss.got)")
    }
    if misses.count > limit { lines.append("  ... and \(misses.count - limit) more") }
    return lines.joined(separator: "\n")
  }

  /// Per label: how many expected, how many obtained, precision and recall.
  func confusionTable() -> String {
    let labels = Set(outcomes.map(\.expected) + outcomes.map(\.got)).sorted()
    let width = max(24, (labels.map(\.count).max() ?? 0) + 2)
    var lines = [
      pad(name, width) + pad("expected", 10) + pad("got", 8) + pad("right", 8)
        + pad("precision", 11) + "recall"
    ]
    for label in labels {
      let expected = outcomes.filter { $0.expected == label }.count
      let got = outcomes.filter { $0.got == label }.count
      let right = outcomes.filter { $0.expected == label && $0.got == label }.count
      let precision = got == 0 ? "-" : percent(Double(right) / Double(got))
      let recall = expected == 0 ? "-" : percent(Double(right) / Double(expected))
      lines.append(
        pad(label, width) + pad(String(expected), 10) + pad(String(got), 8)
          + pad(String(right), 8) + pad(precision, 11) + recall)
    }
    lines.append(pad("all", width) + pad(String(total), 10) + pad("", 16) + percent(accuracy))
    return lines.joined(separator: "\n")
  }

  private func percent(_ value: Double) -> String {
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10) %"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
