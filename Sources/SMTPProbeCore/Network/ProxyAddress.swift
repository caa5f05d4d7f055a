/// A SOCKS5 proxy as `--proxy socks5://[USER@]HOST:PORT` names it (RFC 3986 section 3 URI
/// syntax; RFC 1928 for the protocol).
///
/// Only the `socks5` scheme: we resolve every name ourselves and ask the proxy for an IP
/// address, so `socks5h` (the proxy resolves) is refused. A password in the URI is refused too:
/// it would show in `ps`; it comes from `SMTPPROBE_PROXY_PASSWORD`. No error repeats the text
/// after the scheme whole, so a password typed there by mistake is never printed.
public struct ProxyAddress: Hashable, Sendable, CustomStringConvertible {
  /// A host name or a numeric address (IPv6 without brackets).
  public let host: String
  public let port: Int
  /// The RFC 1929 user name, 1 to 255 octets.
  public let user: String?

  /// Parses `socks5://[USER@]HOST:PORT`, with an IPv6 host in brackets and an optional
  /// trailing `/`.
  public init(parsing text: String) throws(ProxyAddressError) {
    let scheme = "socks5://"
    guard text.lowercased().hasPrefix(scheme) else {
      let name = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
      if text.contains("://") { throw .unsupportedScheme(name) }
      throw .missingScheme
    }
    var rest = Substring(text.dropFirst(scheme.count))
    if rest.hasSuffix("/") { rest = rest.dropLast() }
    var user: String?
    if let at = rest.lastIndex(of: "@") {
      let userInfo = rest[..<at]
      // RFC 3986 3.2.1's user:password form: a password does not belong on a command line.
      if userInfo.contains(":") { throw .passwordInURI }
      let name = String(userInfo)
      try Self.checkUser(name)
      user = name
      rest = rest[rest.index(after: at)...]
    }
    let hostText: Substring
    let portText: Substring
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else { throw .invalidHost(String(rest)) }
      hostText = rest[rest.index(after: rest.startIndex)..<close]
      let after = rest[rest.index(after: close)...]
      guard after.hasPrefix(":") else { throw .missingPort }
      portText = after.dropFirst()
      guard case .v6? = IPAddress(hostText) else { throw .invalidHost(String(hostText)) }
    } else {
      guard let colon = rest.lastIndex(of: ":") else { throw .missingPort }
      hostText = rest[..<colon]
      portText = rest[rest.index(after: colon)...]
      do throws(InputError) {
        try WireValidation.validateHost(String(hostText), field: .proxy)
      } catch {
        throw .invalidHost(String(hostText))
      }
    }
    guard portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber), portText.count <= 5,
      let port = Int(portText), (1...65535).contains(port)
    else { throw .invalidPort(String(portText)) }
    self.host = String(hostText)
    self.port = port
    self.user = user
  }

  /// RFC 1929 section 2: 1 to 255 octets; control characters would garble the error lines
  /// that name the user.
  private static func checkUser(_ user: String) throws(ProxyAddressError) {
    guard !user.isEmpty else { throw .emptyUser }
    guard user.utf8.count <= SOCKS5Handshake.Credentials.maximumOctets else {
      throw .userTooLong(octets: user.utf8.count)
    }
    if let bad = user.unicodeScalars.first(where: {
      $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || WireValidation.isInvisible($0)
    }) {
      throw .controlCharacterInUser(bad.value)
    }
  }

  /// `HOST:PORT`, an IPv6 host in brackets (RFC 3986 3.2.2).
  public var endpoint: String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  /// `socks5://USER@HOST:PORT`, the user escaped for printing.
  public var description: String {
    "socks5://" + (user.map { InputError.escaped($0) + "@" } ?? "") + endpoint
  }
}
