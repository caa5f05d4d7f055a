/// A minimal HTTP/1.1 GET request (RFC 9112 3, RFC 9110 9.3.1) for fetching one small file.
///
/// `Connection: close` (RFC 9112 9.6) lets the response end with the connection when it
/// carries no length; `Accept-Encoding` is not sent, so the body comes uncompressed.
public struct HTTPGetRequest: Hashable, Sendable {
  /// The host and, when not the scheme's default, the port (RFC 9110 7.2 `Host`).
  public var host: String
  /// The absolute path, starting with `/`.
  public var path: String

  public init(host: String, path: String) {
    self.host = host
    self.path = path
  }

  /// The request's bytes: request line, Host, User-Agent, Accept, Connection, empty line.
  public var bytes: [UInt8] {
    let lines = [
      "GET \(path) HTTP/1.1",
      "Host: \(host)",
      "User-Agent: smtpprobe",
      "Accept: text/plain",
      "Connection: close",
      "",
      "",
    ]
    return Array(lines.joined(separator: "\r\n").utf8)
  }
}
