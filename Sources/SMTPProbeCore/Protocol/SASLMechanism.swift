/// A SASL mechanism for SMTP AUTH (RFC 4954), by its registered name.
public enum SASLMechanism: String, CaseIterable, Hashable, Sendable {
  /// RFC 4616: authzid NUL authcid NUL password, in one message.
  case plain = "PLAIN"
  /// The de facto LOGIN mechanism (draft-murchison-sasl-login): user name and password, each
  /// after a prompt.
  case login = "LOGIN"
  /// RFC 2195: HMAC-MD5 of the server's challenge keyed with the password; the password itself
  /// never crosses the wire.
  case cramMD5 = "CRAM-MD5"

  /// Parses a mechanism name case-insensitively (`--auth-mech`, EHLO `AUTH` parameters).
  public init?(name: String) {
    self.init(rawValue: name.uppercased())
  }

  /// The mechanism to use, given what the server offered and whether the session is encrypted.
  ///
  /// A mechanism the user asked for wins if offered. Otherwise, over TLS we prefer
  /// PLAIN > LOGIN > CRAM-MD5: TLS already protects the password, PLAIN takes one round trip
  /// and works with every password store, while CRAM-MD5 needs the server to keep plaintext
  /// passwords and RFC 8314 section 5.1 points clients at TLS rather than at it. Without TLS (only
  /// with `--auth-insecure`) we prefer CRAM-MD5 > PLAIN > LOGIN, since CRAM-MD5 never sends
  /// the password itself.
  public static func choose(
    offered: [String], encrypted: Bool, requested: SASLMechanism? = nil, canDigest: Bool = true
  ) throws(SASLError) -> SASLMechanism {
    var known = Set(offered.compactMap { SASLMechanism(name: $0) })
    if !canDigest {
      if requested == .cramMD5 {
        throw .digestUnavailable(mechanism: SASLMechanism.cramMD5.rawValue)
      }
      known.remove(.cramMD5)
    }
    if let requested {
      guard known.contains(requested) else {
        throw .mechanismNotOffered(requested: requested.rawValue, offered: offered)
      }
      return requested
    }
    let order: [SASLMechanism] =
      encrypted ? [.plain, .login, .cramMD5] : [.cramMD5, .plain, .login]
    guard let choice = order.first(where: known.contains) else {
      throw .noCommonMechanism(offered: offered)
    }
    return choice
  }
}
