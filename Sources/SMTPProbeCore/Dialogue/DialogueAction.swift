/// What `DialogueState` asks the driver to do next (STYLE rule 8: the machine decides, the
/// driver does the I/O).
public enum DialogueAction: Hashable, Sendable {
  /// Write these commands in one send (several only when pipelining, RFC 2920 3.1), then read
  /// one reply per command, feeding each to `DialogueState.receive(_:)`.
  case send([Command])
  /// Read the next reply (the greeting, or one still owed for a pipelined group).
  case receive
  /// The server said 220 to STARTTLS: run the TLS handshake, then call `tlsUpgraded(_:)` or
  /// `tlsFailed(_:)` (RFC 3207 4).
  case upgradeTLS(serverName: String)
  /// The dialogue is over: write QUIT without waiting for its reply when `sendQuit` (after a
  /// timeout or a garbled reply, when the server may still be there), then close.
  case close(sendQuit: Bool)
}
