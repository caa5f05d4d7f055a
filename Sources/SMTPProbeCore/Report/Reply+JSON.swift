extension Reply {
  /// The reply as DESIGN.md's JSON: `{"code", "enhanced", "lines", "violations"}`.
  ///
  /// `enhanced` is null when the reply carries no enhanced status code (RFC 2034); each
  /// violation is its one-line description, which starts with the line it was seen on.
  public var jsonValue: JSONValue {
    [
      "code": .int(code),
      "enhanced": JSONValue(enhanced?.description),
      "lines": JSONValue(lines),
      "violations": JSONValue(violations.map(\.description)),
    ]
  }
}
