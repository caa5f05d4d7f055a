/// An MTA-STS policy file as served at `https://mta-sts.DOMAIN/.well-known/mta-sts.txt`
/// (RFC 8461 3.2).
///
/// `key: value` lines: `version: STSv1`, `mode: enforce|testing|none`, `max_age` in seconds
/// (at most 31557600, one year), and one `mx` line per allowed MX pattern. Unknown keys are
/// extensions and ignored; lines end in CRLF, and a bare LF is accepted as senders do.
public struct MTASTSPolicy: Hashable, Sendable {
  /// What senders do with MX hosts that fail the policy (RFC 8461 5).
  public enum Mode: String, Hashable, Sendable {
    /// Refuse to deliver to an MX that does not match or lacks valid TLS.
    case enforce
    /// Deliver anyway and report the failure (TLS-RPT, RFC 8460).
    case testing
    /// The domain withdrew its policy.
    case none
  }

  /// Why a policy file does not parse; each case names the line or key.
  public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    case badLine(line: Int, text: String)
    case missing(key: String)
    case repeated(key: String)
    case badVersion(String)
    case badMode(String)
    case badMaxAge(String)
    case badPattern(String)
    case noMX(mode: Mode)

    public var description: String {
      switch self {
      case .badLine(let line, let text): "line \(line) \"\(text.prefix(60))\" is not key: value"
      case .missing(let key): "the \(key) field is missing"
      case .repeated(let key): "the \(key) field appears more than once"
      case .badVersion(let value): "version \"\(value.prefix(40))\" is not STSv1"
      case .badMode(let value): "mode \"\(value.prefix(40))\" is not enforce, testing or none"
      case .badMaxAge(let value):
        "max_age \"\(value.prefix(40))\" is not a number of seconds from 0 to 31557600"
      case .badPattern(let value): "mx \"\(value.prefix(60))\" is not a host name or *.domain"
      case .noMX(let mode): "mode \(mode.rawValue) lists no mx pattern"
      }
    }
  }

  /// The largest max_age: one year (RFC 8461 3.2).
  public static let maximumMaxAge = 31_557_600

  public var mode: Mode
  /// Seconds a sender may cache the policy.
  public var maxAge: Int
  /// The allowed MX host patterns, in order.
  public var mx: [MTASTSPattern]

  public init(mode: Mode, maxAge: Int, mx: [MTASTSPattern]) {
    self.mode = mode
    self.maxAge = maxAge
    self.mx = mx
  }

  /// Parses the policy file's text.
  public init(parsing text: String) throws(ParseError) {
    var values: [String: String] = [:]
    var patterns: [MTASTSPattern] = []
    // CRLF is one Character in Swift, so lines are split on any line break, not on "\n".
    for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    {
      if line.trimmingSpaces.isEmpty { continue }
      guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
        throw .badLine(line: number + 1, text: String(line))
      }
      let key = String(line[..<colon])
      let value = String(line[line.index(after: colon)...]).trimmedSpaces
      guard !key.contains(" ") else { throw .badLine(line: number + 1, text: String(line)) }
      if key == "mx" {
        guard let pattern = MTASTSPattern(value) else { throw .badPattern(value) }
        patterns.append(pattern)
      } else if ["version", "mode", "max_age"].contains(key) {
        guard values[key] == nil else { throw .repeated(key: key) }
        values[key] = value
      }
    }
    guard let version = values["version"] else { throw .missing(key: "version") }
    guard version == "STSv1" else { throw .badVersion(version) }
    guard let modeText = values["mode"] else { throw .missing(key: "mode") }
    guard let mode = Mode(rawValue: modeText) else { throw .badMode(modeText) }
    guard let ageText = values["max_age"] else { throw .missing(key: "max_age") }
    guard !ageText.isEmpty, ageText.utf8.count <= 10,
      ageText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let maxAge = Int(ageText),
      maxAge <= Self.maximumMaxAge
    else { throw .badMaxAge(ageText) }
    guard mode == .none || !patterns.isEmpty else { throw .noMX(mode: mode) }
    self.init(mode: mode, maxAge: maxAge, mx: patterns)
  }

  /// The first pattern that `host` matches, or nil.
  public func pattern(matching host: String) -> MTASTSPattern? {
    mx.first { $0.matches(host) }
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String { String(self).trimmedSpaces }
}
