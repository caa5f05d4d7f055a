import SMTPProbeCore

/// A `Connector` over POSIX sockets (`SocketTransport`).
public struct SocketConnector: Connector {
  /// A descriptor that becomes readable when the user asks the run to stop
  /// (`Cancellation.wakeDescriptor`); every receive on the connections made here ends then.
  public var wakeDescriptor: Int32?

  public init(wakeDescriptor: Int32? = nil) {
    self.wakeDescriptor = wakeDescriptor
  }

  public func connect(
    host: String, port: Int, addresses: [String]?, family: AddressFamilyPreference,
    timeout: Double
  ) throws(ConnectFailure) -> (any Transport, ConnectReport) {
    guard let addresses else {
      return waking(
        try SocketTransport.connect(
          host: host, port: port, family: family, connectTimeout: timeout))
    }
    let socketAddresses = addresses.compactMap { SocketAddress(numericHost: $0, port: port) }
      .filter { family.allows($0.family) }
    guard !socketAddresses.isEmpty else {
      throw .resolution(.noAddress(host: host, family: family))
    }
    return waking(
      try SocketTransport.connect(host: host, addresses: socketAddresses, connectTimeout: timeout))
  }

  /// The connection, told to wake on `wakeDescriptor`.
  private func waking(_ connected: (SocketTransport, ConnectReport)) -> (
    any Transport, ConnectReport
  ) {
    connected.0.wakeDescriptor = wakeDescriptor
    return connected
  }
}
