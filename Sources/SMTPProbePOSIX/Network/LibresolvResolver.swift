import CResolv
import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// A resolver over the system's libresolv: `res_nsend` carries our query, our parser reads it.
///
/// Each query gets its own `res_state` (`res_ninit` ... `res_nclose`), so the value is freely
/// shareable across threads. By default the name servers, the timeout and the tries come from
/// /etc/resolv.conf (resolv.conf(5)); a configured server or timeout replaces them. The query
/// is our own bytes, so resolv.conf's `search` and `ndots` never change the name asked for.
/// res_nsend retries over TCP when an answer is truncated. We read the RCODE ourselves, because
/// res_nquery folds NXDOMAIN and SERVFAIL into h_errno.
///
/// glibc's res_nsend drops SERVFAIL, NOTIMP and REFUSED answers (reporting a timeout instead)
/// unless the state's `pfcode` is set, as dig sets it; the CResolv shim sets it so that those
/// answers reach us as what they are. That also stops res_nsend from asking the next server,
/// so with several resolv.conf servers we do it ourselves, one server at a time, as glibc's
/// own lookups (getaddrinfo) would: the first useful answer wins, else the first refusal.
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
    let first = try exchange(bytes, id: query.id, onlyServer: nil)
    var chosen = first
    if configuration.server == nil, first.serverCount > 1,
      Self.triesTheNextServer(first.message.responseCode)
    {
      // The first useful answer, else the first server's own refusal (naming that server).
      var best: Exchange?
      for index in 0..<first.serverCount {
        guard let single = try? exchange(bytes, id: query.id, onlyServer: index) else { continue }
        if !Self.triesTheNextServer(single.message.responseCode) {
          best = single
          break
        }
        if best == nil { best = single }
      }
      chosen = best ?? first
    }
    return try DNSAnswer.interpret(chosen.message, name: name, type: type, server: chosen.server)
  }

  /// SERVFAIL, NOTIMP and REFUSED: the answers after which glibc's res_send asks the next
  /// server when `pfcode` is not set.
  static func triesTheNextServer(_ code: DNSResponseCode) -> Bool {
    code == .serverFailure || code == .notImplemented || code == .refused
  }

  /// One checked answer: the message, the server(s) asked, and how many resolv.conf listed.
  private struct Exchange {
    var message: DNSMessage
    var server: String
    var serverCount: Int
  }

  /// Sends the query to every configured server (`onlyServer` nil) or to resolv.conf's server
  /// number `onlyServer`; parses the answer and checks that it answers this query.
  private func exchange(_ bytes: [UInt8], id: UInt16, onlyServer: Int?) throws(DNSError)
    -> Exchange
  {
    let (answer, server, count) = try send(bytes, onlyServer: onlyServer)
    let message: DNSMessage
    do {
      message = try DNSMessage(parsing: answer)
    } catch {
      throw .malformedAnswer(server: server, reason: error.description)
    }
    guard message.id == id else {
      throw .malformedAnswer(server: server, reason: "the answer's ID does not match the query")
    }
    if message.isTruncated && message.answers.isEmpty {
      throw .malformedAnswer(server: server, reason: "the answer is truncated (TC) and empty")
    }
    return Exchange(message: message, server: server, serverCount: count)
  }

  /// The query for `name` exactly as given: one question, recursion desired, no search-list
  /// or `ndots` expansion (those belong to res_nquery/res_nsearch, which we do not call).
  static func makeQuery(_ name: String, _ type: DNSRecordType, id: UInt16) -> DNSQuery {
    DNSQuery(name: name, type: type, id: id)
  }

  /// Sends the query bytes with `res_nsend`; returns the raw answer, the server(s) asked, and
  /// how many servers resolv.conf (or the configuration) gave.
  private func send(_ query: [UInt8], onlyServer: Int?) throws(DNSError)
    -> (answer: [UInt8], server: String, serverCount: Int)
  {
    guard let state = smtpprobe_res_new() else {
      let code = errno
      throw .system(call: "res_ninit", errno: code, message: String(cString: strerror(code)))
    }
    defer { smtpprobe_res_free(state) }
    // Unset values keep what res_ninit read: resolv.conf's `options timeout:n attempts:n`.
    smtpprobe_res_set_timeout(
      state,
      configuration.timeoutSeconds.map { Int32(clamping: $0) } ?? smtpprobe_res_timeout(state),
      configuration.tries.map { Int32(clamping: $0) } ?? smtpprobe_res_tries(state))
    let serverCount = Int(smtpprobe_res_count(state))
    if let server = configuration.server {
      try use(server, in: state)
    } else if let onlyServer {
      guard smtpprobe_res_keep_only(state, Int32(clamping: onlyServer)) == 0 else {
        throw .system(call: "res_ninit", errno: ENOENT, message: "no name server \(onlyServer)")
      }
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
    guard length >= 0 else {
      throw Self.error(
        errno: -length, server: server, seconds: Int(smtpprobe_res_timeout(state)),
        tries: Int(smtpprobe_res_tries(state)))
    }
    return (Array(answer.prefix(Int(length))), server, serverCount)
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
  private static func error(errno code: Int32, server: String, seconds: Int, tries: Int)
    -> DNSError
  {
    switch code {
    case ETIMEDOUT, EAGAIN:
      return .timedOut(server: server, seconds: seconds, tries: tries)
    case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH:
      return .unreachable(server: server, message: String(cString: strerror(code)))
    default:
      return .system(call: "res_nsend", errno: code, message: String(cString: strerror(code)))
    }
  }
}
