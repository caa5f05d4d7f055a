/// One SMTP AUTH exchange inside the dialogue (RFC 4954 section 4): the SMTP framing around a
/// `SASL` step machine.
///
/// `SASL` computes each response; this value decides what to send: `AUTH mechanism
/// [initial-response]`, one base64 line per 334 challenge, `*` when a challenge cannot be
/// answered (the server then replies 501), and how the exchange ended. Every line that carries
/// credentials is a `Command` holding a `Secret`, so the transcript shows `<redacted>`.
struct AuthExchange: Sendable {
  /// What a reply during the exchange means for the dialogue.
  enum Outcome: Hashable, Sendable {
    /// Send this line (a response, or `*`) and wait for the next reply.
    case respond(Command)
    /// 235: the session is authenticated (RFC 4954 section 6).
    case authenticated
    /// The server refused the credentials or the mechanism (535, 534, 538, 454, 530, ...).
    case refused
    /// We sent `*` because of `reason`, and this reply (normally 501) ends the exchange.
    case cancelled(SASLError)
  }

  /// More 334 rounds than any mechanism we speak needs; past this we cancel rather than loop.
  static let maximumChallenges = 3

  let mechanism: SASLMechanism
  private var sasl: SASL
  private var challenges = 0
  private var cancelReason: SASLError?

  init(mechanism: SASLMechanism, user: String, password: Secret, hmacMD5: KeyedDigest?) {
    self.mechanism = mechanism
    self.sasl = SASL(
      mechanism: mechanism, username: user, password: password, hmacMD5: hmacMD5)
  }

  /// The opening command: `AUTH PLAIN <initial response>`, or `AUTH LOGIN` / `AUTH CRAM-MD5`,
  /// which wait for the server's first challenge.
  mutating func start() -> Command {
    .auth(mechanism: mechanism.rawValue, initialResponse: sasl.start())
  }

  /// Decides what `reply` means at this point of the exchange.
  mutating func handle(_ reply: Reply) -> Outcome {
    if let cancelReason { return .cancelled(cancelReason) }
    switch reply.code {
    case 235:
      return .authenticated
    case 334:
      challenges += 1
      guard challenges <= Self.maximumChallenges else {
        return cancel(.unexpectedChallenge(mechanism: mechanism.rawValue))
      }
      do throws(SASLError) {
        let response = try sasl.next(base64Challenge: reply.texts.first ?? "")
        return .respond(.authContinuation(response))
      } catch {
        return cancel(error)
      }
    default:
      return .refused
    }
  }

  /// The challenge of a 334 reply decoded, when it is printable text worth showing
  /// (`Username:`, or a CRAM-MD5 `<id@host>`); server challenges are not secret.
  static func decodedChallenge(_ reply: Reply) -> String? {
    guard reply.code == 334,
      let text = reply.texts.first, let bytes = Base64.decode(text)
    else { return nil }
    guard !bytes.isEmpty, bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  private mutating func cancel(_ reason: SASLError) -> Outcome {
    cancelReason = reason
    return .respond(.authCancel)
  }
}
