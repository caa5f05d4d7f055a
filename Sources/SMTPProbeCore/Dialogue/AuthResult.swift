/// How AUTH went in a session (RFC 4954).
///
/// The user, the mechanism and whether the server accepted the credentials; never the
/// password.
public struct AuthResult: Hashable, Sendable {
  /// The authentication identity sent (`--auth-user`); not a secret.
  public var user: String
  /// The SASL mechanism used, for example `PLAIN`.
  public var mechanism: String
  /// Whether the server answered 235.
  public var authenticated: Bool

  public init(user: String, mechanism: String, authenticated: Bool) {
    self.user = user
    self.mechanism = mechanism
    self.authenticated = authenticated
  }
}
