import SMTPProbeCore

/// GETs a small file over HTTPS with our own HTTP/1.1 client: a socket, a TLS session that
/// must verify, one request and a bounded response (RFC 8461 3.3).
///
/// The certificate must chain to a trusted CA (`--cafile` or the system store) and carry the
/// host's name (RFC 8461 3.3, RFC 6125); SNI is the host name, the connection goes to the
/// address our resolver found (through the connector, so `--proxy` applies). The whole fetch is bounded by `timeout` seconds
/// and by what is left of the run's `--max-time`; a fetch that deadline stops is reported as
/// cut, not as the server's failure.
public struct HTTPSPolicyFetcher: PolicyFetching {
  /// How the TCP connection is made: direct, or through the `--proxy` tunnel.
  public var connector: any Connector
  /// The trust anchors; the verification is always required here.
  public var tls: TLSConfiguration
  /// 443 (RFC 8461 3.3); another port only for tests.
  public var port: Int
  /// Seconds for the connect, the handshake and the whole response.
  public var timeout: Double
  /// The run's `--max-time`, if any.
  public var runLimit: RunLimit?

  public init(
    connector: any Connector = SocketConnector(), tls: TLSConfiguration, port: Int = 443,
    timeout: Double, runLimit: RunLimit? = nil
  ) {
    self.connector = connector
    self.tls = tls
    self.port = port
    self.timeout = timeout
    self.runLimit = runLimit
  }

  public func fetch(host: String, path: String, addresses: [String]) -> MTASTSFetch {
    let url = "https://\(host)\(port == 443 ? "" : ":\(port)")\(path)"
    let clock = SystemClock()
    var seconds = timeout
    if let runLimit {
      seconds = min(seconds, runLimit.remainingSeconds(on: clock))
      guard seconds > 0 else {
        return MTASTSFetch(
          url: url, address: nil, outcome: .failure(.cutByMaxTime(seconds: runLimit.seconds)))
      }
    }
    let fetched = fetch(url: url, host: host, path: path, addresses: addresses, seconds: seconds)
    if let runLimit, case .failure = fetched.outcome, runLimit.isReached(on: clock) {
      return MTASTSFetch(
        url: url, address: fetched.address,
        outcome: .failure(.cutByMaxTime(seconds: runLimit.seconds)))
    }
    return fetched
  }

  /// The fetch within `seconds`.
  private func fetch(url: String, host: String, path: String, addresses: [String], seconds: Double)
    -> MTASTSFetch
  {
    let deadline = Deadline.after(seconds: seconds, on: SystemClock())
    let plain: any Transport
    let connected: ConnectReport
    do throws(ConnectFailure) {
      (plain, connected) = try connector.connect(
        host: host, port: port, addresses: addresses, family: .any, timeout: seconds)
    } catch {
      return MTASTSFetch(url: url, address: nil, outcome: .failure(.connect(error)))
    }
    let address = connected.address.host
    guard let socket = plain as? any FileDescriptorTransport else {
      plain.close()
      return MTASTSFetch(
        url: url, address: address, outcome: .failure(.tls(.transportNotUpgradable)))
    }
    var configuration = tls
    configuration.serverNameIndication = host
    configuration.verifyRequired = true
    // TLS 1.2 or later: RFC 8996 deprecates older versions, and this is an HTTPS fetch, not
    // an MX whose old protocol we want to diagnose.
    configuration.minimumVersion = .tls1_2
    let transport: TLSTransport
    do throws(TLSError) {
      (transport, _) = try TLSTransport.connect(
        fd: socket.releaseDescriptor(), serverName: host, configuration: configuration,
        deadline: deadline)
    } catch {
      return MTASTSFetch(url: url, address: address, outcome: .failure(.tls(error)))
    }
    defer { transport.close() }
    let hostField = port == 443 ? host : "\(host):\(port)"
    let outcome = Self.exchange(
      HTTPGetRequest(host: hostField, path: path), over: transport, deadline: deadline)
    return MTASTSFetch(url: url, address: address, outcome: outcome)
  }

  /// Sends the request and reads until the parser has a whole response or the peer closes.
  static func exchange(_ request: HTTPGetRequest, over transport: any Transport, deadline: Deadline)
    -> Result<HTTPResponse, MTASTSFetchFailure>
  {
    var parser = HTTPResponseParser()
    do throws(TransportError) {
      try transport.send(request.bytes, deadline: deadline)
      while true {
        let bytes = try transport.receive(deadline: deadline)
        if bytes.isEmpty { return parse { () throws(HTTPResponseError) in try parser.finish() } }
        var complete: HTTPResponse?
        do throws(HTTPResponseError) {
          complete = try parser.feed(bytes)
        } catch {
          return .failure(.response(error))
        }
        if let complete { return .success(complete) }
      }
    } catch {
      return .failure(.transport(error))
    }
  }

  private static func parse(_ body: () throws(HTTPResponseError) -> HTTPResponse)
    -> Result<HTTPResponse, MTASTSFetchFailure>
  {
    do throws(HTTPResponseError) {
      return .success(try body())
    } catch {
      return .failure(.response(error))
    }
  }
}
