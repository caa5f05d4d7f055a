import SMTPProbeCore

/// A stub resolver: libresolv reads the configuration, our sockets carry the query.
///
/// The name servers, the timeout and the tries come from /etc/resolv.conf (NameServerList,
/// through `res_ninit`); a configured server, timeout or tries replaces them. The query is our
/// own bytes, so resolv.conf's `search` and `ndots` never change the name asked for. Each
/// server gets its tries over UDP (DNSUDPExchange) and, when the answer is truncated, one
/// exchange over TCP (DNSTCPExchange); every wait has a deadline, so a lookup takes at most
/// servers x (tries + 1) x timeout. We read the RCODE ourselves: SERVFAIL, NOTIMP and REFUSED
/// send us to the next server, as glibc's own lookups do, and the first useful answer wins,
/// else the first refusal (naming its server).
public struct LibresolvResolver: Resolver {
  public var configuration: ResolverConfiguration

  public init(configuration: ResolverConfiguration = ResolverConfiguration()) {
    self.configuration = configuration
  }

  public func query(_ name: String, _ type: DNSRecordType) throws(DNSError) -> DNSAnswer {
    var generator = SystemRandomNumberGenerator()
    let query = Self.makeQuery(
      name, type, id: UInt16.random(in: 0...UInt16.max, using: &generator))
    let bytes = try query.encoded()
    let list = try nameServers()
    var refusal: (message: DNSMessage, server: String)?
    var failures: [DNSError] = []
    for server in list.servers {
      let message: DNSMessage
      do {
        message = try exchange(bytes, id: query.id, with: server, list: list)
      } catch {
        failures.append(error)
        continue
      }
      if list.servers.count > 1, Self.triesTheNextServer(message.responseCode) {
        if refusal == nil { refusal = (message, server.description) }
        continue
      }
      return try DNSAnswer.interpret(message, name: name, type: type, server: server.description)
    }
    if let refusal {
      return try DNSAnswer.interpret(
        refusal.message, name: name, type: type, server: refusal.server)
    }
    throw Self.combined(failures, list: list)
  }

  /// SERVFAIL, NOTIMP and REFUSED: the answers after which glibc's res_send asks the next
  /// server.
  static func triesTheNextServer(_ code: DNSResponseCode) -> Bool {
    code == .serverFailure || code == .notImplemented || code == .refused
  }

  /// The query for `name` exactly as given: one question, recursion desired.
  ///
  /// No search-list or `ndots` expansion (those belong to res_nquery/res_nsearch, which we do
  /// not call). TLSA questions set AD, so a validating resolver says whether DANE records can be relied
  /// on (RFC 6840 5.7, RFC 7672 2.2).
  static func makeQuery(_ name: String, _ type: DNSRecordType, id: UInt16) -> DNSQuery {
    DNSQuery(name: name, type: type, id: id, authenticDataRequested: type == .tlsa)
  }

  /// The servers to ask and how patiently: the configuration over resolv.conf.
  func nameServers() throws(DNSError) -> NameServerList {
    var list: NameServerList
    if let server = configuration.server {
      guard let address = SocketAddress(numericHost: server.address, port: Int(server.port))
      else { throw .invalidServer(text: server.address, reason: "not an IP address") }
      list = NameServerList(servers: [address], timeoutSeconds: 5, tries: 2)
      if configuration.timeoutSeconds == nil || configuration.tries == nil {
        let system = try? NameServerList.system()
        list.timeoutSeconds = system?.timeoutSeconds ?? list.timeoutSeconds
        list.tries = system?.tries ?? list.tries
      }
    } else {
      list = try NameServerList.system()
    }
    list.timeoutSeconds = max(1, configuration.timeoutSeconds ?? list.timeoutSeconds)
    list.tries = max(1, configuration.tries ?? list.tries)
    return list
  }

  /// One server's answer: over UDP, then over TCP when truncated (RFC 1035 4.2.1).
  private func exchange(
    _ bytes: [UInt8], id: UInt16, with server: SocketAddress, list: NameServerList
  ) throws(DNSError) -> DNSMessage {
    let udp = DNSUDPExchange(server: server, timeoutSeconds: list.timeoutSeconds, tries: list.tries)
    let answer = try udp.run(bytes, id: id)
    guard answer.isTruncated else { return answer }
    let tcp = DNSTCPExchange(server: server, timeoutSeconds: list.timeoutSeconds)
    let whole = try tcp.run(bytes, id: id)
    if whole.isTruncated && whole.answers.isEmpty {
      throw .truncated(server: server.description)
    }
    return whole
  }

  /// The error of a lookup no server answered: one server's own error; with several, the
  /// first that says more than silence, else a timeout naming every server (as glibc words it).
  private static func combined(_ failures: [DNSError], list: NameServerList) -> DNSError {
    if failures.count == 1, let only = failures.first { return only }
    let telling = failures.first { error in
      switch error {
      case .timedOut, .unreachable: false
      default: true
      }
    }
    if let telling { return telling }
    return .timedOut(
      server: list.servers.map(\.description).joined(separator: ", "),
      seconds: list.timeoutSeconds, tries: list.tries)
  }
}
