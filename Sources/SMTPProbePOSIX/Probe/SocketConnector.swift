import SMTPProbeCore

/// A `Connector` over POSIX sockets (`SocketTransport`).
public struct SocketConnector: Connector {
  public init() {}

  public func connect(
    host: String, port: Int, addresses: [String]?, family: AddressFamilyPreference,
    timeout: Double
  ) throws(ConnectFailure) -> (any Transport, ConnectReport) {
    guard let addresses else {
      return try SocketTransport.connect(
        host: host, port: port, family: family, connectTimeout: timeout)
    }
    let socketAddresses = addresses.compactMap { SocketAddress(numericHost: $0, port: port) }
      .filter { family.allows($0.family) }
    guard !socketAddresses.isEmpty else {
      throw .resolution(.noAddress(host: host, family: family))
    }
    return try SocketTransport.connect(
      host: host, addresses: socketAddresses, connectTimeout: timeout)
  }
}
