/// What a successful connect did: the address that answered and the ones that did not.
public struct ConnectReport: Hashable, Sendable {
  /// The host as the user gave it (a name or a numeric address).
  public var host: String
  /// The address connected to.
  public var address: SocketAddress
  /// Our end of the connection, when the kernel told us.
  public var localAddress: SocketAddress?
  /// Addresses tried before `address`, in order, each with why it failed.
  public var failedAttempts: [ConnectAttempt]
  /// Time from the start of the successful attempt to the connection, in milliseconds.
  public var connectMilliseconds: Double

  public init(
    host: String, address: SocketAddress, localAddress: SocketAddress?,
    failedAttempts: [ConnectAttempt], connectMilliseconds: Double
  ) {
    self.host = host
    self.address = address
    self.localAddress = localAddress
    self.failedAttempts = failedAttempts
    self.connectMilliseconds = connectMilliseconds
  }
}
