/// One mail transaction of a multi-transaction session: a MAIL FROM and its RCPT TOs, never
/// DATA (RFC 5321 3.3); the session ends each with RSET (RFC 5321 4.1.1.5).
///
/// `DialoguePlan.transactions` runs several in one session, after EHLO, STARTTLS and AUTH:
/// the relay matrix, or recipients checked in chunks.
public struct TransactionPlan: Hashable, Sendable {
  /// The reverse-path; nil is the null sender `<>` (RFC 5321 4.5.5).
  public var from: EnvelopePath?
  /// The forward-paths, in order.
  public var recipients: [EnvelopePath]

  public init(from: EnvelopePath?, recipients: [EnvelopePath]) {
    self.from = from
    self.recipients = recipients
  }

  /// A transaction of checked mailboxes: `from` nil is the null sender.
  public init(from: Address?, to recipients: [Address]) {
    self.init(
      from: from.map(EnvelopePath.address), recipients: recipients.map(EnvelopePath.address))
  }

  /// Every path, sender first.
  var paths: [EnvelopePath] { [from].compactMap { $0 } + recipients }

  /// The transaction as it is sent to the server at `serverAddress` (`EnvelopePath.resolved`);
  /// nil when a path needs the address and it is unknown.
  func resolved(serverAddress: String?) -> TransactionPlan? {
    var from: EnvelopePath?
    if let path = self.from {
      guard let resolved = path.resolved(serverAddress: serverAddress) else { return nil }
      from = resolved
    }
    var recipients: [EnvelopePath] = []
    for path in self.recipients {
      guard let resolved = path.resolved(serverAddress: serverAddress) else { return nil }
      recipients.append(resolved)
    }
    return TransactionPlan(from: from, recipients: recipients)
  }
}
