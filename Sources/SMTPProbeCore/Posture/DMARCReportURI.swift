/// One report destination of a DMARC record (RFC 7489 6.2, 6.4 `dmarc-uri`): a URI with an
/// optional size limit (`!10m`).
public struct DMARCReportURI: Hashable, Sendable {
  /// The URI without the size limit.
  public var uri: String
  /// The domain of a `mailto:` address, lower-cased; nil for other schemes.
  public var mailDomain: String?

  /// Parses `text`; nil when it has no scheme (RFC 3986 3.1) or a `mailto:` without `@`.
  public init?(_ text: String) {
    let uri = text.split(separator: "!", maxSplits: 1).first.map(String.init) ?? ""
    guard let colon = uri.firstIndex(of: ":"), colon != uri.startIndex,
      uri[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return nil }
    self.uri = uri
    if uri[..<colon].lowercased() == "mailto" {
      let address = uri[uri.index(after: colon)...].split(separator: "?").first ?? ""
      guard let at = address.lastIndex(of: "@"), address.index(after: at) < address.endIndex
      else { return nil }
      mailDomain = PostureText.normalized(String(address[address.index(after: at)...]))
    }
  }
}
