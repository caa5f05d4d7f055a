/// Where a session ran: the facts of the TCP connection, known before the dialogue starts.
public struct SessionConnection: Hashable, Sendable {
  /// The host name dialled (an MX name or `--server`).
  public var host: String
  /// The IP address connected to.
  public var address: String
  /// The TCP port.
  public var port: Int
  /// How long the TCP connect took.
  public var connectMilliseconds: Int

  public init(host: String, address: String, port: Int, connectMilliseconds: Int) {
    self.host = host
    self.address = address
    self.port = port
    self.connectMilliseconds = connectMilliseconds
  }
}
