/// A DNS server given on the command line: `IP[:PORT]`, or `[IPv6]:PORT` (port 53 by default).
public struct DNSServerAddress: Hashable, Sendable, CustomStringConvertible {
  /// The address in its text form, without brackets.
  public var address: String
  public var port: UInt16
  public var isIPv6: Bool

  public init(address: String, port: UInt16 = 53) throws(DNSError) {
    guard let isIPv6 = Self.family(of: address) else {
      throw .invalidServer(text: address, reason: "not an IP address")
    }
    self.address = address
    self.port = port
    self.isIPv6 = isIPv6
  }

  /// Parses `127.0.0.1`, `127.0.0.1:5353`, `::1`, `[::1]` or `[::1]:5353`.
  public init(parsing text: String) throws(DNSError) {
    var host = Substring(text)
    var portText: Substring?
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else {
        throw .invalidServer(text: text, reason: "no closing ']'")
      }
      let rest = host[host.index(after: close)...]
      host = host[host.index(after: host.startIndex)..<close]
      if !rest.isEmpty {
        guard rest.hasPrefix(":") else {
          throw .invalidServer(text: text, reason: "unexpected text after ']'")
        }
        portText = rest.dropFirst()
      }
    } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
      portText = host[host.index(after: colon)...]
      host = host[..<colon]
    }
    var port: UInt16 = 53
    if let portText {
      guard let value = UInt16(portText), value > 0 else {
        throw .invalidServer(text: text, reason: "the port must be 1-65535")
      }
      port = value
    }
    guard Self.family(of: String(host)) != nil else {
      throw .invalidServer(text: text, reason: "'\(host)' is not an IP address")
    }
    try self.init(address: String(host), port: port)
  }

  /// `127.0.0.1:53` or `[::1]:53`.
  public var description: String {
    isIPv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
  }

  /// True for IPv6, false for IPv4, nil when `text` is neither.
  static func family(of text: String) -> Bool? {
    IPAddressBytes.parse(text).map { $0.count == 16 }
  }
}
