/// A strict parser of the Prometheus text exposition format 0.0.4 for the tests.
///
/// Checks what the format requires: LF line endings with a final LF; `# HELP name text` and
/// `# TYPE name type` at most once per metric and before its samples; metric and label names
/// of the allowed characters; label values in double quotes with only `\\`, `\"` and `\n`
/// escapes; a float value; and no two samples with the same name and labels.
package struct PrometheusExposition {
  package struct Sample: Equatable {
    package var name: String
    package var labels: [String: String]
    package var value: Double
  }

  package struct Failure: Error, CustomStringConvertible {
    package var description: String
  }

  package var help: [String: String] = [:]
  package var types: [String: String] = [:]
  package var samples: [Sample] = []

  package static func parse(_ text: String) throws -> PrometheusExposition {
    guard text.isEmpty || text.hasSuffix("\n") else { throw Failure(description: "no final LF") }
    var result = PrometheusExposition()
    var seen = Set<String>()
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
        let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, isMetricName(parts[0]) else {
          throw Failure(description: "bad comment: \(line)")
        }
        let name = String(parts[0])
        guard !result.samples.contains(where: { $0.name == name }) else {
          throw Failure(description: "metadata after samples: \(line)")
        }
        if line.hasPrefix("# HELP ") {
          guard result.help[name] == nil else { throw Failure(description: "two HELP: \(name)") }
          result.help[name] = String(parts[1])
        } else {
          guard result.types[name] == nil,
            ["counter", "gauge", "histogram", "summary", "untyped"].contains(String(parts[1]))
          else { throw Failure(description: "bad TYPE: \(line)") }
          result.types[name] = String(parts[1])
        }
        continue
      }
      guard !line.hasPrefix("#") else { continue }
      var rest = Substring(line)
      let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
      guard isMetricName(name) else { throw Failure(description: "bad name: \(line)") }
      rest = rest.dropFirst(name.count)
      var labels: [String: String] = [:]
      if rest.first == "{" {
        rest = rest.dropFirst()
        while rest.first != "}" {
          let labelName = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
          guard !labelName.isEmpty, !(labelName.first?.isNumber ?? true) else {
            throw Failure(description: "bad label name: \(line)")
          }
          rest = rest.dropFirst(labelName.count)
          guard rest.hasPrefix("=\"") else { throw Failure(description: "no =\": \(line)") }
          rest = rest.dropFirst(2)
          var value = ""
          while true {
            guard let character = rest.first else { throw Failure(description: "open value") }
            rest = rest.dropFirst()
            if character == "\"" { break }
            if character == "\\" {
              guard let escaped = rest.first else { throw Failure(description: "open escape") }
              rest = rest.dropFirst()
              switch escaped {
              case "\\": value.append("\\")
              case "\"": value.append("\"")
              case "n": value.append("\n")
              default: throw Failure(description: "bad escape \\\(escaped): \(line)")
              }
            } else {
              value.append(character)
            }
          }
          guard labels[String(labelName)] == nil else {
            throw Failure(description: "label twice: \(line)")
          }
          labels[String(labelName)] = value
          if rest.first == "," { rest = rest.dropFirst() }
        }
        rest = rest.dropFirst()
      }
      guard rest.first == " ", let value = Double(String(rest.dropFirst())) else {
        throw Failure(description: "bad value: \(line)")
      }
      let key =
        String(name) + "|"
        + labels.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: "\u{0}")
      guard seen.insert(key).inserted else { throw Failure(description: "duplicate: \(line)") }
      result.samples.append(Sample(name: String(name), labels: labels, value: value))
    }
    return result
  }

  package static func isMetricName(_ name: Substring) -> Bool {
    guard let first = name.first, !first.isNumber else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
  }
}
