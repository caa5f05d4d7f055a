/// How the server answered RCPT TO for one recipient (RFC 5321 4.1.1.3).
public struct RecipientResult: Hashable, Sendable {
  public var address: Address
  public var reply: Reply
  /// Whether the reply was 2yz (250, or 251 "will forward").
  public var accepted: Bool { reply.replyClass == .positiveCompletion }

  public init(address: Address, reply: Reply) {
    self.address = address
    self.reply = reply
  }
}
