/// One SMTP AUTH exchange (RFC 4954) as a pure step machine: no socket, no base64 on the wire
/// side for the caller to forget.
///
/// The driver sends `AUTH <mechanism>` plus `start()`'s initial response if any, then feeds each
/// 334 challenge (decoded) to `next(challenge:)` and sends the result, until a 235 or an error
/// reply. Every response is a `Secret` holding the base64 wire text, so no form of the password
/// can print (STYLE rule 10).
public struct SASL: Sendable {
  /// The mechanism in use.
  public let mechanism: SASLMechanism
  private let username: String
  private let password: Secret
  private let authorizationIdentity: String
  private let hmacMD5: KeyedDigest?
  private var step = 0

  /// - Parameters:
  ///   - authorizationIdentity: the identity to act as (RFC 4616 authzid); empty means the same
  ///     as `username`, which is what SMTP submission almost always wants.
  ///   - hmacMD5: HMAC-MD5 for CRAM-MD5; without it CRAM-MD5 cannot answer its challenge.
  public init(
    mechanism: SASLMechanism, username: String, password: Secret,
    authorizationIdentity: String = "", hmacMD5: KeyedDigest? = nil
  ) {
    self.hmacMD5 = hmacMD5
    self.mechanism = mechanism
    self.username = username
    self.password = password
    self.authorizationIdentity = authorizationIdentity
  }

  /// The initial response to send with `AUTH` (RFC 4954 section 4), or nil.
  ///
  /// PLAIN sends its whole message at once; LOGIN and CRAM-MD5 wait for the server's challenge.
  public mutating func start() -> Secret? {
    switch mechanism {
    case .plain:
      step = 1
      return Self.encode(Array(plainMessage.utf8))
    case .login, .cramMD5:
      return nil
    }
  }

  /// The base64 response to a decoded 334 challenge.
  public mutating func next(challenge: [UInt8]) throws(SASLError) -> Secret {
    defer { step += 1 }
    switch mechanism {
    case .plain:
      // An empty challenge after AUTH PLAIN without initial response (RFC 4616 section 2).
      guard step == 0 else { throw .unexpectedChallenge(mechanism: mechanism.rawValue) }
      return Self.encode(Array(plainMessage.utf8))
    case .login:
      // Prompts are "Username:" and "Password:" (sometimes "User Name"); go by the text when
      // it says which, else by order.
      let prompt = String(decoding: challenge, as: UTF8.self).lowercased()
      if prompt.contains("pass") { return Self.encode(Array(password.revealedString.utf8)) }
      if prompt.contains("user") { return Self.encode(Array(username.utf8)) }
      switch step {
      case 0: return Self.encode(Array(username.utf8))
      case 1: return Self.encode(Array(password.revealedString.utf8))
      default: throw .unexpectedChallenge(mechanism: mechanism.rawValue)
      }
    case .cramMD5:
      // RFC 2195 section 2: "user" SP hex(HMAC-MD5(password, challenge)).
      guard step == 0, !challenge.isEmpty else {
        throw .unexpectedChallenge(mechanism: mechanism.rawValue)
      }
      guard let hmacMD5 else { throw .digestUnavailable(mechanism: mechanism.rawValue) }
      let digest = hmacMD5(key: Array(password.revealedString.utf8), message: challenge)
      let hex = digest.map { byte in
        let text = String(byte, radix: 16)
        return byte < 16 ? "0" + text : text
      }.joined()
      return Self.encode(Array("\(username) \(hex)".utf8))
    }
  }

  /// Decodes the text after `334 ` and answers it; throws `.invalidChallenge` when the text is
  /// not base64 (RFC 4954 section 4).
  public mutating func next(base64Challenge text: String) throws(SASLError) -> Secret {
    guard let bytes = Base64.decode(text) else { throw .invalidChallenge }
    return try next(challenge: bytes)
  }

  /// Refuses to send credentials in clear unless the user allowed it (`--auth-insecure`).
  ///
  /// RFC 4954 section 4 leaves this to the client; like Go's `net/smtp` we refuse by default,
  /// since anyone on the path could read PLAIN or LOGIN credentials.
  public static func checkTransportSecurity(encrypted: Bool, allowInsecure: Bool)
    throws(SASLError)
  {
    if !encrypted && !allowInsecure { throw .insecureConnection }
  }

  /// `text` with the password and every base64 token that decodes to something containing
  /// it replaced by `<redacted>`: belt and braces for transcripts and logs.
  public static func redact(_ text: String, password: Secret) -> String {
    let secret = password.revealedString
    guard !secret.isEmpty else { return text }
    let secretBytes = Array(secret.utf8)
    let redacted = Array("<redacted>".utf8)
    // First the password itself, wherever it stands; then every token that is base64 of
    // something holding it (a PLAIN blob, a LOGIN response).
    var plain: [UInt8] = []
    let input = Array(text.utf8)
    var index = 0
    while index < input.count {
      if input[index] == secretBytes[0], input.count - index >= secretBytes.count,
        input[index..<index + secretBytes.count].elementsEqual(secretBytes)
      {
        plain += redacted
        index += secretBytes.count
      } else {
        plain.append(input[index])
        index += 1
      }
    }
    let separators = Set(" \t\r\n<>\"',;:".utf8)
    var output: [UInt8] = []
    var token: [UInt8] = []
    func flush() {
      let leaks =
        token.count >= 4
        && Base64.decode(String(decoding: token, as: UTF8.self))
          .map { contains($0, secretBytes) } == true
      output += leaks ? redacted : token
      token.removeAll(keepingCapacity: true)
    }
    for octet in plain {
      if separators.contains(octet) {
        flush()
        output.append(octet)
      } else {
        token.append(octet)
      }
    }
    flush()
    return String(decoding: output, as: UTF8.self)
  }

  // MARK: - Private

  /// RFC 4616 section 2: [authzid] NUL authcid NUL passwd.
  private var plainMessage: String {
    "\(authorizationIdentity)\u{0}\(username)\u{0}\(password.revealedString)"
  }

  private static func encode(_ bytes: [UInt8]) -> Secret {
    Secret(Base64.encode(bytes))
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<start + needle.count].elementsEqual(needle) {
      return true
    }
    return false
  }
}
