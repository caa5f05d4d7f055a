/// The reply a finding rests on, with the command it answered: what the server really said.
///
/// `commandLine` is the command as the transcript shows it (secrets already redacted), nil for
/// the greeting, which answers no command (RFC 5321 4.3.1).
public struct CheckEvidence: Hashable, Sendable {
  /// The dialogue step the reply answered, for the classifier.
  public var answered: CommandKind
  /// The command line as sent, redacted; nil for the greeting.
  public var commandLine: String?
  /// The server's reply.
  public var reply: Reply
  /// The classifier's reading of the reply, when the judgement asked for it.
  public var diagnosis: Diagnosis?

  public init(
    answered: CommandKind, commandLine: String?, reply: Reply, diagnosis: Diagnosis? = nil
  ) {
    self.answered = answered
    self.commandLine = commandLine
    self.reply = reply
    self.diagnosis = diagnosis
  }
}
