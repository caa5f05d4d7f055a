/// Opens the TCP connection a probe talks over: the seam between `ProbeRunner` and sockets.
///
/// `SocketConnector` connects for real; tests pass a fake that hands out scripted transports
/// and scripted failures.
public protocol Connector: Sendable {
  /// Connects to the first of `addresses` (numeric, in order) that answers, or, when
  /// `addresses` is nil, to the first address `host` resolves to in `family`.
  ///
  /// Throws a `ConnectFailure` listing every address tried and why each failed.
  func connect(
    host: String, port: Int, addresses: [String]?, family: AddressFamilyPreference,
    timeout: Double
  ) throws(ConnectFailure) -> (any Transport, ConnectReport)
}
