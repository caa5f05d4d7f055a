import Foundation

/// A tab-separated corpus table of `Tests/Corpus`: `#` comment lines, one header row naming the
/// columns, then one row per item.
struct CorpusTable {
  /// The column names, from the header row.
  let columns: [String]
  /// Each row's cells by column name, in file order.
  let rows: [[String: String]]

  /// The folder holding the corpora, found from this file's path.
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // SMTPProbeTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Corpus")

  /// Reads `name` from the corpus folder.
  init(named name: String) throws {
    let text = try String(
      contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    var header: [String]?
    var rows: [[String: String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("#") { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard let names = header else {
        header = cells
        continue
      }
      var row: [String: String] = [:]
      for (index, name) in names.enumerated() where index < cells.count {
        row[name] = cells[index]
      }
      rows.append(row)
    }
    columns = header ?? []
    self.rows = rows
  }

  /// The bytes of a file under the corpus folder.
  static func data(at relativePath: String) throws -> Data {
    try Data(contentsOf: folder.appendingPathComponent(relativePath))
  }
}
