/// Why an AUTH exchange cannot go on, with the context for one clear line.
public enum SASLError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Credentials would cross an unencrypted connection and the user did not allow it.
  case insecureConnection
  /// The user asked for a mechanism the server does not offer.
  case mechanismNotOffered(requested: String, offered: [String])
  /// The server offers none of the mechanisms we support.
  case noCommonMechanism(offered: [String])
  /// A 334 challenge was not valid base64 (RFC 4954 section 4).
  case invalidChallenge
  /// The server sent a challenge the mechanism does not expect at this step.
  case unexpectedChallenge(mechanism: String)
  /// The mechanism needs a digest this build was not given (CRAM-MD5's HMAC-MD5).
  case digestUnavailable(mechanism: String)

  public var description: String {
    switch self {
    case .insecureConnection:
      "refusing to send credentials over an unencrypted connection; use --tls require or "
        + "--auth-insecure"
    case .mechanismNotOffered(let requested, let offered):
      "the server does not offer AUTH \(requested) (it offers: \(Self.list(offered)))"
    case .noCommonMechanism(let offered):
      "the server offers no AUTH mechanism we support (it offers: \(Self.list(offered)); "
        + "we support PLAIN, LOGIN, CRAM-MD5)"
    case .invalidChallenge:
      "the server's AUTH challenge is not valid base64"
    case .unexpectedChallenge(let mechanism):
      "the server sent an unexpected challenge during AUTH \(mechanism)"
    case .digestUnavailable(let mechanism):
      "AUTH \(mechanism) needs HMAC-MD5, which this build cannot compute"
    }
  }

  private static func list(_ names: [String]) -> String {
    names.isEmpty ? "none" : names.joined(separator: " ")
  }
}
