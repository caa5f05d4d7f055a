/// One IPv4 or IPv6 socket address (numeric host and port), written `192.0.2.1:25` or
/// `[2001:db8::1]:25` as in RFC 3986 section 3.2.2.
///
/// A plain value: the `sockaddr` form `connect` takes is built from it in the POSIX layer
/// (`SocketAddress+Sockaddr.swift`).
public struct SocketAddress: Hashable, Sendable, CustomStringConvertible {
  /// The IP version of an address.
  public enum Family: String, Hashable, Sendable {
    case ipv4
    case ipv6
  }

  public let family: Family
  /// The numeric host: `127.0.0.1` or `::1`.
  public let host: String
  public let port: Int
  /// The 4 or 16 address bytes.
  package let addressBytes: [UInt8]
  /// The IPv6 scope (interface) id of a link-local address, 0 otherwise.
  package let scopeID: UInt32

  /// Makes an address from a numeric IPv4 or IPv6 host (brackets allowed) and a port; nil when
  /// `numericHost` is not an IP address or the port is out of range.
  public init?(numericHost: String, port: Int) {
    var text = numericHost
    if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
    guard let bytes = IPAddressBytes.parse(text) else { return nil }
    self.init(addressBytes: bytes, port: port, scopeID: 0)
  }

  /// Makes an address from its 4 or 16 bytes; nil for another length or a port out of range.
  package init?(addressBytes bytes: [UInt8], port: Int, scopeID: UInt32) {
    guard bytes.count == 4 || bytes.count == 16, (0...65535).contains(port) else { return nil }
    family = bytes.count == 4 ? .ipv4 : .ipv6
    host = IPAddressBytes.text(bytes)
    self.port = port
    addressBytes = bytes
    self.scopeID = scopeID
  }

  /// `host:port`, with the IPv6 host in brackets.
  public var description: String {
    family == .ipv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
