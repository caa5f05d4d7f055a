extension Reply {
  /// This reply with `password`, and every base64 token that decodes to something holding it,
  /// replaced by `<redacted>` in its lines and texts (`SASL.redact`).
  ///
  /// A hostile or careless server can echo what it received: a LOGIN challenge that is the
  /// base64 of the password, a 535 quoting the PLAIN blob. RFC 4954 section 4 sends those
  /// credentials; nothing we print may send them back out. The code, enhanced code and
  /// violations are kept: only the text can carry the secret.
  public func redacting(_ password: Secret) -> Reply {
    var copy = self
    copy.lines = lines.map { SASL.redact($0, password: password) }
    copy.texts = texts.map { SASL.redact($0, password: password) }
    return copy
  }
}
