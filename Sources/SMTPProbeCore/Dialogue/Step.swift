/// One reply and the command it answered, with its diagnosis and round-trip time.
public struct Step: Hashable, Sendable {
  /// The dialogue step the reply answered.
  public var command: CommandKind
  /// The command as the transcript shows it (redacted), nil for the greeting.
  public var commandLine: String?
  public var reply: Reply
  public var diagnosis: Diagnosis
  /// Milliseconds from sending the command to the complete reply.
  ///
  /// For the greeting, from the session start; pipelined commands count from the group's
  /// single write.
  public var elapsedMilliseconds: Int
  /// Milliseconds since the session started when the reply was complete.
  public var atMilliseconds: Int

  public init(
    command: CommandKind, commandLine: String?, reply: Reply, diagnosis: Diagnosis,
    elapsedMilliseconds: Int, atMilliseconds: Int
  ) {
    self.command = command
    self.commandLine = commandLine
    self.reply = reply
    self.diagnosis = diagnosis
    self.elapsedMilliseconds = elapsedMilliseconds
    self.atMilliseconds = atMilliseconds
  }
}
