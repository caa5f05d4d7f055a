import SMTPProbeCore

/// A `Connector` that reaches each destination address through a SOCKS5 proxy (RFC 1928,
/// with RFC 1929 user name and password when given).
///
/// The proxy is asked for the IP address we resolved (ATYP 1 or 4), never a name: MX routing,
/// the order of addresses and `--mx-address-limit` stay ours, and a `--server` name is resolved
/// here as it would be without a proxy. Each address gets `timeout` seconds for the whole chain
/// (connect to the proxy, method selection, authentication, the CONNECT reply), and a failure
/// names its hop (`ProxyFailure`). When the proxy fails before CONNECT (unreachable,
/// authentication, not SOCKS5), the remaining addresses are not tried: they would fail the
/// same way. The
/// stream returned is the proxy connection, now a tunnel, so STARTTLS and TLS on connect run
/// over it unchanged.
public struct SOCKSConnector: Connector {
  public var proxy: ProxyAddress
  public var credentials: SOCKS5Handshake.Credentials?
  /// A descriptor that becomes readable when the user asks the run to stop; every wait on the
  /// proxy connection, and later on the tunnel, ends then.
  public var wakeDescriptor: Int32?
  public var clock: any MonotonicClock

  public init(
    proxy: ProxyAddress, credentials: SOCKS5Handshake.Credentials?,
    wakeDescriptor: Int32? = nil, clock: any MonotonicClock = SystemClock()
  ) {
    self.proxy = proxy
    self.credentials = credentials
    self.wakeDescriptor = wakeDescriptor
    self.clock = clock
  }

  public func connect(
    host: String, port: Int, addresses: [String]?, family: AddressFamilyPreference,
    timeout: Double
  ) throws(ConnectFailure) -> (any Transport, ConnectReport) {
    let destinations: [SocketAddress]
    if let addresses {
      destinations = addresses.compactMap { SocketAddress(numericHost: $0, port: port) }
        .filter { family.allows($0.family) }
      guard !destinations.isEmpty else { throw .resolution(.noAddress(host: host, family: family)) }
    } else {
      do throws(SocketError) {
        destinations = try AddressResolution.resolve(host: host, port: port, family: family)
      } catch {
        throw .resolution(error)
      }
    }
    var failed: [ConnectAttempt] = []
    for destination in destinations {
      let start = clock.nowNanoseconds()
      do throws(ProxyFailure) {
        let (transport, bound) = try tunnel(to: destination, timeout: timeout)
        let report = ConnectReport(
          host: host, address: destination, localAddress: bound, failedAttempts: failed,
          connectMilliseconds: milliseconds(since: start))
        return (transport, report)
      } catch {
        failed.append(
          ConnectAttempt(
            address: destination, error: .proxy(error),
            elapsedMilliseconds: milliseconds(since: start)))
        if error.precedesConnect { break }
      }
    }
    throw .allAttemptsFailed(host: host, port: port, attempts: failed)
  }

  /// Connects to the proxy and runs the handshake for `destination`, all within `timeout`
  /// seconds; returns the tunnel and the proxy's bound address.
  func tunnel(to destination: SocketAddress, timeout: Double) throws(ProxyFailure) -> (
    SocketTransport, SocketAddress?
  ) {
    let deadline = Deadline.after(seconds: timeout, on: clock)
    let transport: SocketTransport
    do throws(ConnectFailure) {
      let addresses: [SocketAddress]
      do throws(SocketError) {
        addresses = try AddressResolution.resolve(host: proxy.host, port: proxy.port, family: .any)
      } catch {
        throw ConnectFailure.resolution(error)
      }
      (transport, _) = try SocketTransport.connect(
        host: proxy.host, addresses: addresses, connectTimeout: timeout, clock: clock)
    } catch {
      let cause: SocketError
      switch error {
      case .resolution(let resolution): cause = resolution
      case .allAttemptsFailed(_, _, let attempts):
        cause =
          attempts.last?.error
          ?? .resolutionFailed(host: proxy.host, message: "no address")
      }
      throw failure(.unreachable(cause))
    }
    transport.wakeDescriptor = wakeDescriptor
    var handshake = SOCKS5Handshake(destination: destination, credentials: credentials)
    var outgoing: Secret? = handshake.start()
    while true {
      let octets: [UInt8]
      do throws(TransportError) {
        if let request = outgoing {
          try send(request, over: transport, deadline: deadline)
          outgoing = nil
        }
        octets = try transport.receive(atMost: handshake.octetsWanted, deadline: deadline)
      } catch {
        transport.close()
        if case .timedOut = error {
          throw failure(.timedOut(step: handshake.step, seconds: timeout))
        }
        throw failure(.transport(step: handshake.step, error))
      }
      switch handshake.receive(octets) {
      case .receive: continue
      case .send(let request): outgoing = request
      case .connected(let bound): return (transport, bound)
      case .failed(let error):
        transport.close()
        throw failure(.handshake(error))
      }
    }
  }

  private func send(_ request: Secret, over transport: SocketTransport, deadline: Deadline)
    throws(TransportError)
  {
    let bytes = request.withRevealedBytes { $0 }
    try transport.send(bytes, deadline: deadline)
  }

  private func failure(_ kind: ProxyFailure.Kind) -> ProxyFailure {
    ProxyFailure(proxy: proxy.endpoint, kind: kind)
  }

  private func milliseconds(since start: UInt64) -> Double {
    Double(clock.nowNanoseconds() &- start) / 1e6
  }
}
