import Foundation
import SMTPProbeCore
import SMTPProbePOSIX
import Testing

/// The resolver and the real binary against DNS servers that misbehave on purpose
/// (HostileDNSServer): every exchange ends by its deadline and says what went wrong.
@Suite struct HostileDNSTests {
  /// A resolver asking `server` with 1 s tries.
  static func resolver(_ server: HostileDNSServer, tries: Int = 1) throws -> LibresolvResolver {
    LibresolvResolver(
      configuration: ResolverConfiguration(
        server: try DNSServerAddress(address: "127.0.0.1", port: server.port), timeoutSeconds: 1,
        tries: tries))
  }

  /// Runs `body` and returns its error and the seconds it took.
  static func failure(_ body: () throws -> Void) -> (DNSError?, Double) {
    let started = Date()
    do {
      try body()
      return (nil, Date().timeIntervalSince(started))
    } catch {
      return (error as? DNSError, Date().timeIntervalSince(started))
    }
  }

  @Test func aTruncatedAnswerThenAStalledTCPConnectionEndsAtTheDeadline() throws {
    let server = try HostileDNSServer(tcp: .stall) { $0.response(truncated: true) }
    let resolver = try Self.resolver(server)
    let (error, seconds) = Self.failure { _ = try resolver.mx("stall.test") }
    #expect(error == .tcpStalled(server: server.address, seconds: 1, receivedBytes: 0))
    #expect(seconds < 10)
    #expect(server.counts.tcpConnections == 1)
  }

  @Test func aTCPConnectionClosedBeforeTheAnswerIsSaid() throws {
    let server = try HostileDNSServer(tcp: .close) { $0.response(truncated: true) }
    let (error, _) = Self.failure { _ = try Self.resolver(server).mx("closed.test") }
    #expect(error == .tcpClosed(server: server.address, receivedBytes: 0))
  }

  @Test func aTruncatedAnswerIsCompletedOverTCP() throws {
    let server = try HostileDNSServer(tcp: .answer) { query in
      query.response([.mx(query.name, 10, "mx.whole.test")], truncated: true)
    }
    let records = try Self.resolver(server).mx("whole.test")
    #expect(records == [MXRecord(preference: 10, exchange: "mx.whole.test")])
    #expect(server.counts.tcpConnections == 1)
  }

  @Test func aPacketShorterThanAHeaderIsSaid() throws {
    let server = try HostileDNSServer { query in
      [UInt8(query.id >> 8), UInt8(query.id & 0xFF), 0x81]
    }
    let (error, seconds) = Self.failure { _ = try Self.resolver(server).mx("short.test") }
    #expect(error == .shortPacket(server: server.address, bytes: 3))
    #expect(seconds < 10)
  }

  @Test func garbageWithOurIDIsAMalformedAnswer() throws {
    let server = try HostileDNSServer { query in
      [UInt8(query.id >> 8), UInt8(query.id & 0xFF), 0x81, 0x80, 0, 1, 0, 9, 0, 0, 0, 0]
        + Array(repeating: 0xC0, count: 40)
    }
    let (error, _) = Self.failure { _ = try Self.resolver(server).mx("garbage.test") }
    guard case .malformedAnswer(let name, _)? = error else {
      Issue.record("expected a malformed answer, got \(String(describing: error))")
      return
    }
    #expect(name == server.address)
  }

  @Test func answersWithAnotherIDAreIgnoredAndSaid() throws {
    let server = try HostileDNSServer { query in
      query.response([.mx(query.name, 10, "spoofed.test")], id: query.id ^ 0xFFFF)
    }
    let (error, seconds) = Self.failure { _ = try Self.resolver(server, tries: 2).mx("id.test") }
    #expect(error == .wrongID(server: server.address, ignored: 2, seconds: 1, tries: 2))
    #expect(seconds < 10)
  }

  /// A datagram with another ID, or too short, is passed over: the real answer after it wins.
  @Test func aDecoyBeforeTheAnswerIsIgnored() throws {
    let server = try HostileDNSServer(
      decoys: { query in
        [query.response([.mx(query.name, 1, "spoofed.test")], id: query.id ^ 1), [0, 0, 0]]
      },
      udp: { query in query.response([.mx(query.name, 10, "mx.real.test")]) })
    let records = try Self.resolver(server).mx("real.test")
    #expect(records == [MXRecord(preference: 10, exchange: "mx.real.test")])
  }

  @Test func aCNAMELoopIsSaid() throws {
    let server = try HostileDNSServer { query in
      query.response([.cname("loop.test", "round.test"), .cname("round.test", "loop.test")])
    }
    let (error, _) = Self.failure { _ = try Self.resolver(server).query("loop.test", .a) }
    #expect(
      error == .cnameLoop(name: "loop.test", chain: ["loop.test", "round.test", "loop.test"]))
  }

  // MARK: The binary

  /// `smtpprobe probe DOMAIN --dns-server STUB --json` and its wall time.
  static func probe(_ domain: String, _ server: HostileDNSServer, _ arguments: [String] = [])
    throws -> (RunResult, [String: Any], Double)
  {
    let started = Date()
    let result = try ProbeRun.run(
      [domain, "--dns-server", server.address, "--json", "--to", "alice@probe.test"] + arguments)
    let seconds = Date().timeIntervalSince(started)
    let json = try ProbeRun.json(result)
    #expect(json["exit_code"] as? Int == Int(result.status))
    return (result, json, seconds)
  }

  @Test func aProbeThroughAStallingResolverEndsWithinItsDNSTimeouts() throws {
    let server = try HostileDNSServer(tcp: .stall) { $0.response(truncated: true) }
    let (result, _, seconds) = try Self.probe("stall.test", server)
    #expect(result.status == 3, "\(result.stdout)")
    // At most resolv.conf's per-try timeout (5 s unless set lower) for the TCP try.
    #expect(seconds < 30)
    #expect(server.counts.tcpConnections == 1)
  }

  /// Each way a resolver can misbehave, as a server for the binary to ask.
  enum Misbehaviour: String, CaseIterable, Sendable {
    case tcpCloses, shortPacket, garbage, wrongID

    func server() throws -> HostileDNSServer {
      switch self {
      case .tcpCloses: try HostileDNSServer(tcp: .close) { $0.response(truncated: true) }
      case .shortPacket: try HostileDNSServer { _ in [0x12] }
      case .garbage:
        try HostileDNSServer {
          [UInt8($0.id >> 8), UInt8($0.id & 0xFF)] + Array(repeating: 0xFF, count: 30)
        }
      case .wrongID: try HostileDNSServer { $0.response(id: $0.id &+ 1) }
      }
    }
  }

  /// Whatever the resolver does, the probe ends within its DNS timeouts, exit 3, valid JSON.
  @Test(arguments: Misbehaviour.allCases)
  func aProbeThroughAMisbehavingResolverCannotComplete(_ misbehaviour: Misbehaviour) throws {
    let server = try misbehaviour.server()
    let (result, _, seconds) = try Self.probe("odd.test", server)
    #expect(result.status == 3, "\(result.stdout)")
    // resolv.conf's timeout (5 s unless set lower) x its attempts (2), plus the TCP try.
    #expect(seconds < 40)
    #expect(server.counts.queries >= 1)
  }

  @Test func aProbeThroughACNAMELoopCannotComplete() throws {
    let server = try HostileDNSServer { query in
      query.response([.cname(query.name, "round.test"), .cname("round.test", query.name)])
    }
    let (result, _, seconds) = try Self.probe("loop.test", server)
    #expect(result.status == 3, "\(result.stdout)")
    #expect(seconds < 30)
  }

  /// A host with twenty A records, none listening: five are tried and the other fifteen named.
  @Test func aHostWithManyAddressesIsTriedUpToTheLimit() throws {
    let server = try HostileDNSServer { query in
      switch (query.name, query.type) {
      case ("many.test", 15): query.response([.mx("many.test", 10, "mx.many.test")])
      case ("mx.many.test", 1):
        query.response((1...20).map { .a("mx.many.test", [127, 0, 0, $0]) })
      default: query.response()
      }
    }
    let port = try LoopbackListener.closedPort()
    let (result, json, _) = try Self.probe("many.test", server, ["--port", String(port)])
    #expect(result.status == 3, "\(result.stdout)")
    let failures = json["connect_failures"] as? [[String: Any]] ?? []
    #expect(failures.count == 5, "\(result.stdout)")
    let notes = (json["notes"] as? [String] ?? []).joined(separator: "\n")
    for skipped in 6...20 { #expect(notes.contains("127.0.0.\(skipped)"), "\(notes)") }

    let all = try Self.probe(
      "many.test", server, ["--port", String(port), "--mx-address-limit", "0"])
    #expect((all.1["connect_failures"] as? [[String: Any]])?.count == 20)
  }

  /// A connect that hangs (the listener's queue is full) ends at `--connect-timeout`.
  @Test func aTarpitEndsAtTheConnectTimeout() throws {
    let tarpit = try Tarpit()
    try #require(tarpit.connectHangs(), "the kernel accepted past a full queue")
    let started = Date()
    let result = try ProbeRun.run([
      "--server", "127.0.0.1:\(tarpit.port)", "--connect-timeout", "1", "--json",
      "--to", "alice@probe.test",
    ])
    #expect(result.status == 3, "\(result.stdout)")
    #expect(Date().timeIntervalSince(started) < 15)
    #expect(try ProbeRun.json(result)["exit_code"] as? Int == 3)
  }
}
