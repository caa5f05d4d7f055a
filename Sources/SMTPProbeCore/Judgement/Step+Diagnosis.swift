extension Step {
  /// What the reply means after its command: the catalogue's reading, or "not SMTP" for a
  /// greeting from another protocol (HTTP, SSH, POP3, IMAP).
  public var diagnosis: Diagnosis {
    if command == .greeting, let foreign = ForeignGreeting(reply) { return foreign.diagnosis }
    return Classifier.diagnose(reply, after: command)
  }
}
