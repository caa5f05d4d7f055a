/// A reply that refused something: a fact of the session, kept in order for the judgements.
///
/// Replies the dialogue works around are not refusals: EHLO refused then HELO accepted, and
/// STARTTLS refused with `--tls auto` (they are `DialogueNote`s instead).
public struct Refusal: Hashable, Sendable {
  /// What was refused.
  public enum Subject: Hashable, Sendable {
    /// The greeting was not 2yz (RFC 5321 3.1).
    case greeting
    /// A command, as the transcript shows it (redacted).
    case command(CommandKind, line: String)
    /// The message: the reply after the end of data.
    case message
    /// The whole session: a 421 announced before `before` was sent (RFC 5321 3.8).
    case session(before: String)
  }

  public var subject: Subject
  public var reply: Reply

  public init(subject: Subject, reply: Reply) {
    self.subject = subject
    self.reply = reply
  }

  /// The dialogue step the refusal belongs to.
  public var kind: CommandKind {
    switch subject {
    case .greeting: .greeting
    case .command(let kind, _): kind
    case .message: .endOfData
    case .session: .noop
    }
  }
}
