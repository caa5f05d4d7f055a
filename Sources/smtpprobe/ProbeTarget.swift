import SMTPProbeCore

/// What `probe` connects to: a domain's MX hosts, or one server named by the user.
enum ProbeTarget: Hashable, Sendable {
  /// Resolve the domain's MX records (RFC 5321 section 5.1).
  case domain(String)
  /// One host (name or IP address) and optionally its port, from `--server HOST[:PORT]`.
  case server(host: String, port: Int?)

  /// The positional DOMAIN, checked as a domain before anything is resolved.
  init(domain: String) throws(UsageError) {
    do throws(InputError) {
      try WireValidation.validateDomain(domain, field: .argument)
    } catch {
      guard case .invalidDomain(_, _, let reason) = error else { throw .invalid(error.description) }
      throw .invalid("'\(InputError.escaped(domain))' is not a valid mail domain: \(reason)")
    }
    self = .domain(domain)
  }

  /// `HOST`, `HOST:PORT`, `[IPv6]`, `[IPv6]:PORT`, or a bare IPv6 address.
  ///
  /// An IPv4 address must be a dotted quad of decimal numbers without leading zeros: the
  /// resolver would read `010.0.0.1` as octal (8.0.0.1) and `127.1` or `2130706433` as
  /// shorthand (`inet_aton`), so those forms are refused rather than dialled.
  init(server text: String) throws(UsageError) {
    let invalid = UsageError.invalidValue(
      option: "--server", value: text, expected: "HOST[:PORT], with IPv6 as [::1]:2525")
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { throw invalid }
      let host = String(text[text.index(after: text.startIndex)..<close])
      let rest = text[text.index(after: close)...]
      guard case .v6? = IPAddress(host) else { throw invalid }
      if rest.isEmpty {
        self = .server(host: host, port: nil)
        return
      }
      guard rest.hasPrefix(":") else { throw invalid }
      self = .server(host: host, port: try Self.port(String(rest.dropFirst())))
      return
    }
    let colons = text.filter { $0 == ":" }.count
    if colons > 1 {
      // A bare IPv6 address; `::1:2525`-style host:port (not an address) needs brackets.
      guard case .v6? = IPAddress(text) else { throw invalid }
      // `::1:2525` is also a valid address (its last group is hex 2525), but a user who types
      // it almost always means port 2525: refuse the ambiguity and show both spellings.
      if let lastColon = text.lastIndex(of: ":"),
        case let head = String(text[..<lastColon]),
        case let tail = String(text[text.index(after: lastColon)...]),
        PortNumber(argument: tail) != nil, case .v6? = IPAddress(head)
      {
        throw .invalidValue(
          option: "--server", value: text,
          expected: "[\(head)]:\(tail) for port \(tail), or [\(text)] for that address")
      }
      self = .server(host: text, port: nil)
      return
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    let host = String(parts[0])
    do throws(InputError) {
      try WireValidation.validateHost(host, field: .server)
    } catch {
      throw .invalid(error.description)
    }
    self = .server(host: host, port: parts.count == 2 ? try Self.port(String(parts[1])) : nil)
  }

  private static func port(_ text: String) throws(UsageError) -> Int {
    guard let port = PortNumber(argument: text) else {
      throw .invalidValue(option: "--server", value: text, expected: PortNumber.expected)
    }
    return port.value
  }
}
