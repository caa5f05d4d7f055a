/// An HTTP response as received: status, header fields in order, and the decoded body.
public struct HTTPResponse: Hashable, Sendable {
  /// One header field; names compare case-insensitively (RFC 9110 5.1).
  public struct Field: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The three-digit status code (RFC 9110 15).
  public var status: Int
  /// The reason phrase, possibly empty.
  public var reason: String
  public var fields: [Field]
  /// The body after any chunked transfer coding is removed.
  public var body: [UInt8]

  public init(status: Int, reason: String, fields: [Field], body: [UInt8]) {
    self.status = status
    self.reason = reason
    self.fields = fields
    self.body = body
  }

  /// The first value of the field called `name`, ignoring case.
  public func field(_ name: String) -> String? {
    fields.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The media type of `Content-Type` without parameters, in lower case (RFC 9110 8.3.1).
  public var mediaType: String? {
    guard let value = field("Content-Type") else { return nil }
    let type = value.split(separator: ";", maxSplits: 1).first ?? ""
    return String(type).trimmedSpaces.lowercased()
  }

  /// Whether the status is a redirection (3xx, RFC 9110 15.4).
  public var isRedirect: Bool { (300...399).contains(status) }
}

extension String {
  /// The text without leading and trailing spaces and tabs (HTTP's OWS, RFC 9110 5.6.3).
  var trimmedSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    let last = scalars.lastIndex { $0 != " " && $0 != "\t" } ?? first
    return String(scalars[first...last])
  }
}
