/// A strict parser of Nagios plugin output for the tests: the status line, the perfdata
/// grammar of the Monitoring Plugins development guidelines, and the long-text lines.
package struct NagiosOutput {
  package struct Perf: Equatable {
    package var label: String
    package var value: String
    package var unit: String
    package var warning: String
    package var critical: String
    package var minimum: String
    package var maximum: String
  }

  package struct Failure: Error, CustomStringConvertible {
    package var description: String
  }

  package var state: String
  package var text: String
  package var perfdata: [Perf]
  package var lines: [String]

  package static let states = ["OK", "WARNING", "CRITICAL", "UNKNOWN"]
  package static let units = ["", "s", "ms", "us", "%", "B", "KB", "MB", "GB", "TB", "c"]

  package static func parse(_ output: String) throws -> NagiosOutput {
    guard output.hasSuffix("\n") else { throw Failure(description: "no final LF") }
    let lines = output.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    guard let first = lines.first, first.hasPrefix("SMTP ") else {
      throw Failure(description: "no SMTP status line")
    }
    let rest = first.dropFirst(5)
    guard let dash = rest.firstRange(of: " - ") else { throw Failure(description: "no ' - '") }
    let state = String(rest[..<dash.lowerBound])
    guard states.contains(state) else { throw Failure(description: "bad state \(state)") }
    let afterDash = rest[dash.upperBound...]
    let parts = afterDash.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
    let text = String(parts[0])
    var perfdata: [Perf] = []
    if parts.count == 2 {
      guard text.hasSuffix(" "), parts[1].hasPrefix(" ") else {
        throw Failure(description: "'|' not surrounded by spaces")
      }
      perfdata = try parsePerfdata(String(parts[1].dropFirst()))
    }
    for line in lines.dropFirst() {
      guard !line.contains("|") else { throw Failure(description: "'|' in long text: \(line)") }
      let word = line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
      guard (states + ["SKIPPED"]).contains(word) else {
        throw Failure(description: "long text line without a state: \(line)")
      }
    }
    return NagiosOutput(
      state: state, text: String(text.trimmingSuffix(" ")), perfdata: perfdata,
      lines: Array(lines.dropFirst()))
  }

  package static func parsePerfdata(_ text: String) throws -> [Perf] {
    var result: [Perf] = []
    var rest = Substring(text)
    while !rest.isEmpty {
      let label: String
      if rest.first == "'" {
        rest = rest.dropFirst()
        var built = ""
        while true {
          guard let character = rest.first else { throw Failure(description: "open quote") }
          rest = rest.dropFirst()
          if character == "'" {
            if rest.first == "'" {
              built.append("'")
              rest = rest.dropFirst()
            } else {
              break
            }
          } else {
            built.append(character)
          }
        }
        label = built
      } else {
        guard let equals = rest.firstIndex(of: "=") else { throw Failure(description: "no '='") }
        label = String(rest[..<equals])
        guard !label.contains(" "), !label.contains("'") else {
          throw Failure(description: "unquoted label needs quotes: \(label)")
        }
        rest = rest[equals...]
      }
      guard !label.isEmpty, rest.first == "=" else {
        throw Failure(description: "label without '=': \(label)")
      }
      rest = rest.dropFirst()
      let end = rest.firstIndex(of: " ") ?? rest.endIndex
      let fields = rest[..<end].split(separator: ";", omittingEmptySubsequences: false)
        .map(String.init)
      rest = rest[end...].drop { $0 == " " }
      guard fields.count <= 5 else { throw Failure(description: "too many fields: \(fields)") }
      let digits = fields[0].prefix { "-0123456789.".contains($0) }
      let unit = String(fields[0].dropFirst(digits.count))
      guard isNumber(String(digits)), units.contains(unit) else {
        throw Failure(description: "bad value or unit: \(fields[0])")
      }
      let padded = fields + Array(repeating: "", count: 5 - fields.count)
      for range in padded[1...2] where !range.isEmpty && !isRange(range) {
        throw Failure(description: "bad range: \(range)")
      }
      for number in padded[3...4] where !number.isEmpty && !isNumber(number) {
        throw Failure(description: "bad min/max: \(number)")
      }
      result.append(
        Perf(
          label: label, value: String(digits), unit: unit, warning: padded[1],
          critical: padded[2], minimum: padded[3], maximum: padded[4]))
    }
    return result
  }

  /// Whether `text` is a decimal number: `-?[0-9]+(\.[0-9]+)?`.
  package static func isNumber(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "-" { body = body.dropFirst() }
    let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
    return (1...2).contains(pieces.count)
      && pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  /// Whether `text` is a range: `@?` then `N`, `N:`, `~:N`, `N:M` or `~:`.
  package static func isRange(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "@" { body = body.dropFirst() }
    guard let colon = body.firstIndex(of: ":") else { return isNumber(String(body)) }
    let start = body[..<colon]
    let end = body[body.index(after: colon)...]
    let startOK = start.isEmpty || start == "~" || isNumber(String(start))
    let endOK = end.isEmpty || isNumber(String(end))
    return startOK && endOK && !(start.isEmpty && end.isEmpty)
  }
}

extension String {
  func trimmingSuffix(_ character: Character) -> Substring {
    var text = Substring(self)
    while text.last == character { text = text.dropLast() }
    return text
  }
}
