/// Whether an address's session ended before the server said anything about the address, so
/// that it should be asked again in a new session rather than reported `unknown`.
///
/// - "Too many recipients" (452, X.5.3, as the classifier reads it): RFC 5321 4.5.3.1.10 has
///   the client send the rest in another transaction; nothing was said about the mailbox.
/// - 421 at any step: the server is closing the channel (RFC 5321 3.8), a temporary state.
/// - The connection dropped (not timed out) after the greeting: the list was cut, not judged.
public enum VerifyRetry {
  /// Why an address is to be asked again.
  public enum Reason: Hashable, Sendable {
    /// The RCPT got "too many recipients": the server's per-transaction limit was reached.
    case tooManyRecipients
    /// A 421: the server closed the session for now.
    case closing
    /// The connection closed before the address was answered.
    case dropped
  }

  /// The reason to ask again about the address these facts describe, or nil when they decide.
  public static func reason(_ facts: VerifyFacts) -> Reason? {
    switch facts.session {
    case .recipient(let reply):
      if reply.code == 421 { return .closing }
      if Classifier.diagnose(reply, after: .rcpt).category == .tooManyRecipients {
        return .tooManyRecipients
      }
      return nil
    case .refused(_, let reply):
      return reply.code == 421 ? .closing : nil
    case .dropped(_, let timedOut):
      return timedOut ? nil : .dropped
    case .notRun, .connectFailed, .smtpUTF8NotOffered:
      return nil
    }
  }
}
