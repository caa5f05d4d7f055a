/// Reads an HTTP/1.1 response from bytes as they arrive, within fixed bounds (RFC 9112).
///
/// The status line and header fields may take `headerLimit` bytes, the body `bodyLimit`
/// (RFC 8461 3.3 lets senders stop at 64 KiB of policy). The body's length comes from
/// chunked transfer coding, else `Content-Length`, else the end of the connection (RFC 9112
/// 6.3); a response to a request with `Connection: close` may end that way. Lines may end
/// in CRLF or a bare LF (RFC 9112 2.2). The buffer never grows past the bounds, so a peer
/// that sends without end is cut off, not stored.
public struct HTTPResponseParser: Sendable {
  public var headerLimit: Int
  public var bodyLimit: Int
  private var buffer: [UInt8] = []

  public init(headerLimit: Int = 16 * 1024, bodyLimit: Int = 64 * 1024) {
    self.headerLimit = headerLimit
    self.bodyLimit = bodyLimit
  }

  /// How many raw bytes may be held: the header, the body and its chunk framing.
  private var bufferLimit: Int { headerLimit + bodyLimit * 2 + 4096 }

  /// Adds `bytes`; returns the response once it is complete, nil while more is needed.
  public mutating func feed(_ bytes: [UInt8]) throws(HTTPResponseError) -> HTTPResponse? {
    buffer += bytes
    let response = try Self.parse(
      buffer, atEnd: false, headerLimit: headerLimit, bodyLimit: bodyLimit)
    if response == nil, buffer.count > bufferLimit { throw .bodyTooLarge(limit: bodyLimit) }
    return response
  }

  /// The response when the peer has closed the connection: complete, or an error.
  public func finish() throws(HTTPResponseError) -> HTTPResponse {
    guard
      let response = try Self.parse(
        buffer, atEnd: true, headerLimit: headerLimit, bodyLimit: bodyLimit)
    else { throw .truncated(received: buffer.count) }
    return response
  }

  /// Parses a whole response from `bytes`; nil when more bytes are needed.
  static func parse(_ bytes: [UInt8], atEnd: Bool, headerLimit: Int, bodyLimit: Int)
    throws(HTTPResponseError) -> HTTPResponse?
  {
    guard let (headerLines, bodyStart) = try headerSection(bytes, limit: headerLimit) else {
      if atEnd { throw .truncated(received: bytes.count) }
      return nil
    }
    let (status, reason) = try statusLine(headerLines.first ?? "")
    var fields: [HTTPResponse.Field] = []
    for line in headerLines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { throw .badHeaderLine(line) }
      let name = String(line[..<colon])
      guard !name.isEmpty, !name.contains(" "), !name.contains("\t") else {
        throw .badHeaderLine(line)
      }
      fields.append(
        HTTPResponse.Field(
          name: name, value: String(line[line.index(after: colon)...]).trimmedSpaces))
    }
    let head = HTTPResponse(status: status, reason: reason, fields: fields, body: [])
    let rest = Array(bytes[bodyStart...])
    // 1xx, 204 and 304 carry no body (RFC 9112 6.3 rule 1).
    if (100...199).contains(status) || status == 204 || status == 304 { return head }
    guard let body = try body(of: head, rest, atEnd: atEnd, limit: bodyLimit) else {
      if atEnd { throw .truncated(received: bytes.count) }
      return nil
    }
    var response = head
    response.body = body
    return response
  }

  /// The header lines (status line first) and where the body starts, or nil when the empty
  /// line has not arrived.
  private static func headerSection(_ bytes: [UInt8], limit: Int) throws(HTTPResponseError)
    -> ([String], Int)?
  {
    var lines: [String] = []
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      guard index < limit else { throw .headerTooLarge(limit: limit) }
      if bytes[index] == 0x0A {
        var end = index
        if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
        if end == lineStart { return (lines, index + 1) }
        lines.append(String(decoding: bytes[lineStart..<end], as: UTF8.self))
        lineStart = index + 1
      }
      index += 1
    }
    if bytes.count > limit { throw .headerTooLarge(limit: limit) }
    return nil
  }

  /// `HTTP/1.x NNN reason` (RFC 9112 4).
  private static func statusLine(_ line: String) throws(HTTPResponseError) -> (Int, String) {
    let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].utf8.count == 3,
      let status = Int(parts[1]), (100...999).contains(status)
    else { throw .badStatusLine(line) }
    return (status, parts.count > 2 ? String(parts[2]) : "")
  }

  /// The body by the framing the header announces, or nil when more bytes are needed (at
  /// the end of the connection, the caller's truncation).
  private static func body(
    of head: HTTPResponse, _ rest: [UInt8], atEnd: Bool, limit: Int
  ) throws(HTTPResponseError) -> [UInt8]? {
    if let coding = head.field("Transfer-Encoding") {
      guard coding.trimmedSpaces.lowercased() == "chunked" else {
        throw .unsupportedTransferCoding(coding)
      }
      return try chunked(rest, limit: limit)
    }
    let lengths = head.fields.filter { $0.name.lowercased() == "content-length" }.map(\.value)
    if let first = lengths.first {
      guard lengths.allSatisfy({ $0 == first }), !first.isEmpty,
        first.utf8.allSatisfy({ (0x30...0x39).contains($0) }), first.utf8.count <= 12,
        let length = Int(first)
      else { throw .badContentLength(first) }
      guard length <= limit else { throw .bodyTooLarge(limit: limit) }
      return rest.count >= length ? Array(rest.prefix(length)) : nil
    }
    guard rest.count <= limit else { throw .bodyTooLarge(limit: limit) }
    return atEnd ? rest : nil
  }

  /// Removes chunked coding: `size[;ext] CRLF data CRLF` until a zero size, then trailer
  /// lines up to an empty line (RFC 9112 7.1).
  private static func chunked(_ bytes: [UInt8], limit: Int)
    throws(HTTPResponseError) -> [UInt8]?
  {
    var body: [UInt8] = []
    var position = 0
    func line() -> String? {
      guard let newline = bytes[position...].firstIndex(of: 0x0A) else { return nil }
      var end = newline
      if end > position, bytes[end - 1] == 0x0D { end -= 1 }
      let text = String(decoding: bytes[position..<end], as: UTF8.self)
      position = newline + 1
      return text
    }
    while true {
      guard let sizeLine = line() else { return nil }
      let digits = (sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? "")
        .trimmedSpaces
      guard !digits.isEmpty, digits.utf8.count <= 8, let size = Int(digits, radix: 16) else {
        throw .badChunk("the size line \"\(sizeLine.prefix(40))\" is not hexadecimal")
      }
      if size == 0 { break }
      guard body.count + size <= limit else { throw .bodyTooLarge(limit: limit) }
      guard position + size <= bytes.count else { return nil }
      body += bytes[position..<position + size]
      position += size
      guard let end = line() else { return nil }
      guard end.isEmpty else { throw .badChunk("a chunk is longer than its size") }
    }
    while true {
      guard let trailer = line() else { return nil }
      if trailer.isEmpty { return body }
    }
  }
}
