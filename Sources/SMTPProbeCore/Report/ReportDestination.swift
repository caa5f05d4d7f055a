/// One `--report FORMAT:PATH`: a format written to a file besides standard output.
public struct ReportDestination: Hashable, Sendable {
  /// The format to write.
  public var format: CheckFormat
  /// The file to write it to; `-` is standard output.
  public var path: String

  public init(format: CheckFormat, path: String) {
    self.format = format
    self.path = path
  }

  /// Parses `FORMAT:PATH`; the path is everything after the first colon, so it may contain
  /// colons itself.
  public static func parse(_ text: String) throws(CheckOptionError) -> ReportDestination {
    guard let colon = text.firstIndex(of: ":") else { throw .missingReportPath(value: text) }
    let path = String(text[text.index(after: colon)...])
    guard !path.isEmpty else { throw .missingReportPath(value: text) }
    let format = try CheckFormat.parse(String(text[..<colon]), option: "--report")
    return ReportDestination(format: format, path: path)
  }

  /// Parses every `--report` value in order, refusing two that name the same file.
  public static func parseAll(_ texts: [String]) throws(CheckOptionError) -> [ReportDestination] {
    var destinations: [ReportDestination] = []
    for text in texts {
      let destination = try parse(text)
      if destinations.contains(where: { $0.path == destination.path }) {
        throw .duplicateReportPath(path: destination.path)
      }
      destinations.append(destination)
    }
    return destinations
  }
}
