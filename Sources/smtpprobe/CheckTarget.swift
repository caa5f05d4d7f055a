import SMTPProbeCore

/// One thing `check` looks at: a domain or server for the inbound profile, or a submission
/// server, as named on the command line or in a `--targets` file.
struct CheckTarget: Hashable, Sendable {
  var profile: CheckProfile
  var target: ProbeTarget

  /// Reads a `--targets` file: one target a line, written as on the command line (`DOMAIN`,
  /// `--server HOST[:PORT]`, `--submission HOST[:PORT]`); blank lines and lines starting
  /// with `#` are skipped, and ` #` starts a comment after a target.
  static func list(_ text: String, source: String) throws(UsageError) -> [CheckTarget] {
    var targets: [CheckTarget] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = Substring(raw)
      if let comment = line.firstRange(of: " #") ?? line.firstRange(of: "\t#") {
        line = line[..<comment.lowerBound]
      }
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      guard let first = words.first, !first.hasPrefix("#") else { continue }
      do throws(UsageError) {
        targets.append(try parse(words.map(String.init)))
      } catch {
        throw .invalid("\(source) line \(index + 1): \(error)")
      }
    }
    return targets
  }

  /// One line's words: `[DOMAIN]`, `[--server, HOST]` or `[--submission, HOST]`.
  static func parse(_ words: [String]) throws(UsageError) -> CheckTarget {
    switch (words.first, words.count) {
    case ("--server", 2): return CheckTarget(profile: .inbound, target: try server(words[1]))
    case ("--submission", 2):
      return CheckTarget(profile: .submission, target: try server(words[1], "--submission"))
    case (let word?, 1) where !word.hasPrefix("-"):
      return CheckTarget(profile: .inbound, target: try ProbeTarget(domain: word))
    default:
      throw .invalid(
        "expected DOMAIN, --server HOST[:PORT] or --submission HOST[:PORT], not '"
          + InputError.escaped(words.joined(separator: " ")) + "'")
    }
  }

  /// `HOST[:PORT]` as `--server` reads it, errors naming `option`.
  static func server(_ text: String, _ option: String = "--server") throws(UsageError)
    -> ProbeTarget
  {
    do throws(UsageError) {
      return try ProbeTarget(server: text)
    } catch {
      guard case .invalidValue(_, let value, let expected) = error else { throw error }
      throw .invalidValue(option: option, value: value, expected: expected)
    }
  }
}
