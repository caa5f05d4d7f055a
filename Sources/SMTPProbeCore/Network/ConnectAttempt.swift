/// One address tried while connecting, and why it failed.
public struct ConnectAttempt: Hashable, Sendable, CustomStringConvertible {
  public var address: SocketAddress
  public var error: SocketError
  /// How long the attempt took, in milliseconds.
  public var elapsedMilliseconds: Double

  public init(address: SocketAddress, error: SocketError, elapsedMilliseconds: Double) {
    self.address = address
    self.error = error
    self.elapsedMilliseconds = elapsedMilliseconds
  }

  /// "127.0.0.1:25: connection refused".
  public var description: String { "\(address): \(error.reason)" }
}
