extension CommandKind {
  /// Whether `code` can answer this step at all, by RFC 5321 4.3.2 (and RFC 4954 for AUTH).
  ///
  /// Only the positive codes that belong to one exchange are checked: 220 answers the
  /// greeting and STARTTLS, 221 QUIT, 354 DATA, 235 and 334 AUTH, and DATA takes no 2yz.
  /// One of them anywhere else
  /// means the server sent a reply nobody asked for (a doubled greeting, say) and every reply
  /// after it answers the wrong command. Any other code is left to the classifier.
  public func admits(_ code: Int) -> Bool {
    // DATA succeeds only with 354; a 2yz would leave the message unsent with no way to tell.
    if self == .data, (200..<300).contains(code) { return false }
    return switch code {
    case 220: [.greeting, .startTLS].contains(self)
    case 221: self == .quit
    case 354: self == .data
    case 235, 334: self == .auth
    default: true
    }
  }
}
