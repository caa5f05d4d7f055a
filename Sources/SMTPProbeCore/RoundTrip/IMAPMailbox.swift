/// Where the round trip looks for its message: `imaps://USER@HOST[:PORT]/MAILBOX` or
/// `imap://…` (RFC 5092 IMAP URL, server and mailbox parts only).
///
/// `imaps` is TLS on connect (RFC 8314 3.2, port 993); `imap` is port 143 with STARTTLS
/// required (RFC 9051 6.2.1): the password never travels in clear. The user name may hold
/// `@` (written as is or as `%40`, RFC 5092 3.2 percent-encoding); the mailbox defaults to
/// INBOX.
public struct IMAPMailbox: Hashable, Sendable, CustomStringConvertible {
  /// TLS on connect (`imaps`) or STARTTLS after the greeting (`imap`).
  public var implicitTLS: Bool
  public var user: String
  public var host: String
  public var port: Int
  public var mailbox: String

  public init(implicitTLS: Bool, user: String, host: String, port: Int, mailbox: String) {
    self.implicitTLS = implicitTLS
    self.user = user
    self.host = host
    self.port = port
    self.mailbox = mailbox
  }

  /// What a valid value looks like, for usage errors.
  public static let expected = "imaps://USER@HOST[:PORT]/MAILBOX or imap://USER@HOST[:PORT]/MAILBOX"

  /// Parses the URL; nil when it is not one.
  public init?(url: String) {
    let implicit: Bool
    var rest: Substring
    if url.lowercased().hasPrefix("imaps://") {
      implicit = true
      rest = url.dropFirst(8)
    } else if url.lowercased().hasPrefix("imap://") {
      implicit = false
      rest = url.dropFirst(7)
    } else {
      return nil
    }
    guard !url.utf8.contains(where: { $0 < 0x21 || $0 == 0x7F }) else { return nil }
    // The server part ends at the first "/" after the last "@" (a user name may hold "/"
    // only percent-encoded).
    guard let at = rest.lastIndex(of: "@") else { return nil }
    let userText = rest[..<at]
    rest = rest[rest.index(after: at)...]
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let server = rest[..<slash]
    let path = slash < rest.endIndex ? rest[rest.index(after: slash)...] : ""
    guard let user = Self.percentDecoded(userText), !user.isEmpty,
      let mailbox = Self.percentDecoded(path)
    else { return nil }
    var host = Substring(server)
    var port = implicit ? 993 : 143
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { return nil }
      let after = host[host.index(after: close)...]
      host = host[host.index(after: host.startIndex)..<close]
      if !after.isEmpty {
        guard after.hasPrefix(":"), let number = Self.port(after.dropFirst()) else { return nil }
        port = number
      }
    } else if let colon = host.lastIndex(of: ":") {
      guard let number = Self.port(host[host.index(after: colon)...]) else { return nil }
      port = number
      host = host[..<colon]
    }
    guard !host.isEmpty, !host.contains("/") else { return nil }
    self.init(
      implicitTLS: implicit, user: user, host: String(host), port: port,
      mailbox: mailbox.isEmpty ? "INBOX" : mailbox)
  }

  /// The URL written back (the user name as given, never a password).
  public var description: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "\(implicitTLS ? "imaps" : "imap")://\(user)@\(shownHost):\(port)/\(mailbox)"
  }

  private static func port(_ text: Substring) -> Int? {
    guard (1...5).contains(text.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let value = Int(text), (1...65535).contains(value)
    else { return nil }
    return value
  }

  /// `%XX` decoded (RFC 3986 2.1); nil on a bad escape or bytes that are not UTF-8.
  static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == 0x25 else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue),
        let low = iterator.next().flatMap(hexValue)
      else { return nil }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x37
    case 0x61...0x66: byte - 0x57
    default: nil
    }
  }
}
