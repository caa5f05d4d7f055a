import CResolv

#if canImport(Glibc)
  import Glibc
#endif

/// A resolver over the system's libresolv: `res_nsend` carries our query, our parser reads it.
///
/// Each query gets its own `res_state` (`res_ninit` ... `res_nclose`), so the value is freely
/// shareable across threads. By default the name servers come from /etc/resolv.conf; a
/// configured server replaces them. res_nsend retries over TCP when an answer is truncated.
/// We read the RCODE ourselves, because res_nquery folds NXDOMAIN and SERVFAIL into h_errno.
///
/// glibc's res_nsend drops SERVFAIL, NOTIMP and REFUSED answers (reporting a timeout instead)
/// unless the state's `pfcode` is set, as dig sets it; the CResolv shim sets it so that those
/// answers reach us as what they are. The cost: with several resolv.conf servers, a SERVFAIL
/// from the first is reported rather than retried on the next.
public struct LibresolvResolver: Resolver {
  public var configuration: ResolverConfiguration

  public init(configuration: ResolverConfiguration = ResolverConfiguration()) {
    self.configuration = configuration
  }

  public func query(_ name: String, _ type: DNSRecordType) throws(DNSError) -> DNSAnswer {
    var generator = SystemRandomNumberGenerator()
    let query = DNSQuery(
      name: name, type: type, id: UInt16.random(in: 0...UInt16.max, using: &generator))
    let bytes = try query.encoded()
    let (answer, server) = try send(bytes)
    let message: DNSMessage
    do {
      message = try DNSMessage(parsing: answer)
    } catch {
      throw .malformedAnswer(server: server, reason: error.description)
    }
    guard message.id == query.id else {
      throw .malformedAnswer(server: server, reason: "the answer's ID does not match the query")
    }
    if message.isTruncated && message.answers.isEmpty {
      throw .malformedAnswer(server: server, reason: "the answer is truncated (TC) and empty")
    }
    return try DNSAnswer.interpret(message, name: name, type: type, server: server)
  }

  /// Sends the query bytes with `res_nsend`; returns the raw answer and the server(s) asked.
  private func send(_ query: [UInt8]) throws(DNSError) -> (answer: [UInt8], server: String) {
    guard let state = smtpprobe_res_new() else {
      let code = errno
      throw .system(call: "res_ninit", errno: code, message: String(cString: strerror(code)))
    }
    defer { smtpprobe_res_free(state) }
    smtpprobe_res_set_timeout(
      state, Int32(clamping: configuration.timeoutSeconds), Int32(clamping: configuration.tries))
    if let server = configuration.server {
      try use(server, in: state)
    }
    let server = configuration.server?.description ?? Self.servers(of: state)
    var answer = [UInt8](repeating: 0, count: 65_535)
    let length = query.withUnsafeBufferPointer { queryBuffer in
      answer.withUnsafeMutableBufferPointer { answerBuffer in
        smtpprobe_res_send(
          state, queryBuffer.baseAddress, Int32(queryBuffer.count), answerBuffer.baseAddress,
          Int32(answerBuffer.count))
      }
    }
    guard length >= 0 else { throw error(errno: -length, server: server) }
    return (Array(answer.prefix(Int(length))), server)
  }

  /// The name servers res_ninit read from /etc/resolv.conf, as "10.0.0.53:53, [fd00::53]:53".
  private static func servers(of state: res_state) -> String {
    var servers: [String] = []
    for index in 0..<Int32(MAXNS) {
      guard let address = smtpprobe_res_server(state, index) else { continue }
      servers.append(describe(address))
    }
    return servers.isEmpty ? "from /etc/resolv.conf" : servers.joined(separator: ", ")
  }

  /// An IPv4 or IPv6 socket address as `address:port` or `[address]:port`.
  private static func describe(_ address: UnsafePointer<sockaddr>) -> String {
    if address.pointee.sa_family == sa_family_t(AF_INET6) {
      return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
        let bytes = withUnsafeBytes(of: v6.pointee.sin6_addr) { Array($0) }
        return "[\(IPAddressBytes.text(bytes))]:\(UInt16(bigEndian: v6.pointee.sin6_port))"
      }
    }
    return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
      let bytes = withUnsafeBytes(of: v4.pointee.sin_addr) { Array($0) }
      return "\(IPAddressBytes.text(bytes)):\(UInt16(bigEndian: v4.pointee.sin_port))"
    }
  }

  /// Points the state at one server: IPv4 in nsaddr_list, IPv6 in glibc's extension slots.
  private func use(_ server: DNSServerAddress, in state: res_state) throws(DNSError) {
    guard let bytes = IPAddressBytes.parse(server.address) else {
      throw .invalidServer(text: server.address, reason: "not an IP address")
    }
    if bytes.count == 4 {
      var address = in_addr()
      withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
      smtpprobe_res_use_ipv4(state, &address, server.port)
    } else {
      var address = in6_addr()
      withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
      guard smtpprobe_res_use_ipv6(state, &address, server.port) == 0 else {
        throw .system(call: "calloc", errno: ENOMEM, message: "out of memory")
      }
    }
  }

  /// res_nsend's errno as a DNSError: a timeout, an unreachable server, or a system error.
  private func error(errno code: Int32, server: String) -> DNSError {
    switch code {
    case ETIMEDOUT, EAGAIN:
      return .timedOut(
        server: server, seconds: configuration.timeoutSeconds, tries: configuration.tries)
    case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH:
      return .unreachable(server: server, message: String(cString: strerror(code)))
    default:
      return .system(call: "res_nsend", errno: code, message: String(cString: strerror(code)))
    }
  }
}
