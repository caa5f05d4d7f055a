import SMTPProbeCore
import SMTPProbePOSIX
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SocketTransport against real sockets on loopback: connect, bytes both ways, and each way a
/// connection fails (refused, peer close, reset, timeout).
@Suite struct SocketTransportTests {
  @Test func connectsSendsAndReceivesOverIPv4() throws {
    let listener = try LoopbackListener()
    let (transport, report) = try SocketTransport.connect(
      host: "127.0.0.1", port: listener.port, connectTimeout: 5)
    defer { transport.close() }
    let server = try listener.accept()
    defer { Syscall.close(server) }

    #expect(report.address == listener.address)
    #expect(report.failedAttempts.isEmpty)
    #expect(report.localAddress?.host == "127.0.0.1")
    #expect(transport.peerAddress == "127.0.0.1")
    #expect(transport.peerPort == listener.port)

    try transport.send(Array("EHLO probe.test\r\n".utf8), deadline: .after(seconds: 5))
    #expect(try readAll(server, count: 17) == Array("EHLO probe.test\r\n".utf8))

    _ = try Syscall.send(server, Array("220 hi\r\n".utf8), from: 0)
    #expect(try transport.receive(deadline: .after(seconds: 5)) == Array("220 hi\r\n".utf8))
  }

  @Test(arguments: ["::1", "[::1]"])
  func connectsToIPv6Literal(host: String) throws {
    let listener = try LoopbackListener(host: "::1")
    let (transport, report) = try SocketTransport.connect(
      host: host, port: listener.port, connectTimeout: 5)
    defer { transport.close() }
    #expect(report.address.family == .ipv6)
    #expect(report.address.description == "[::1]:\(listener.port)")
  }

  @Test func refusedPortIsReportedWithTheAddress() throws {
    let port = try LoopbackListener.closedPort()
    let failure = try #require(throws: ConnectFailure.self) {
      try SocketTransport.connect(host: "127.0.0.1", port: port, connectTimeout: 5)
    }
    let address = try #require(SocketAddress(numericHost: "127.0.0.1", port: port))
    #expect(failure.attempts.map(\.error) == [.refused(address)])
    #expect(
      failure.description
        == "cannot connect to 127.0.0.1 port \(port): 127.0.0.1:\(port): connection refused")
  }

  @Test func triesEveryAddressInTurnAndReportsTheFailedOnes() throws {
    let listener = try LoopbackListener(host: "127.0.0.1")
    let closedV6 = try #require(SocketAddress(numericHost: "::1", port: listener.port))
    let (transport, report) = try SocketTransport.connect(
      host: "dual.probe.test", addresses: [closedV6, listener.address], connectTimeout: 5)
    defer { transport.close() }
    #expect(report.address == listener.address)
    #expect(report.failedAttempts.map(\.error) == [.refused(closedV6)])
    #expect(
      report.failedAttempts.map(\.description) == ["[::1]:\(listener.port): connection refused"])
  }

  @Test func everyFailedAddressIsListed() throws {
    let port = try LoopbackListener.closedPort()
    let v4 = try #require(SocketAddress(numericHost: "127.0.0.1", port: port))
    let v6 = try #require(SocketAddress(numericHost: "::1", port: port))
    let failure = try #require(throws: ConnectFailure.self) {
      try SocketTransport.connect(host: "dual.probe.test", addresses: [v6, v4], connectTimeout: 5)
    }
    #expect(failure.attempts.map(\.address) == [v6, v4])
    #expect(
      failure.description
        == "cannot connect to dual.probe.test port \(port): [::1]:\(port): connection refused; "
        + "127.0.0.1:\(port): connection refused")
  }

  @Test func familyPreferenceFiltersAddresses() throws {
    let v4 = try AddressResolution.resolve(host: "localhost", port: 25, family: .ipv4)
    #expect(v4.contains { $0.host == "127.0.0.1" })
    #expect(v4.allSatisfy { $0.family == .ipv4 })
    #expect(throws: SocketError.noAddress(host: "::1", family: .ipv4)) {
      try AddressResolution.resolve(host: "::1", port: 25, family: .ipv4)
    }
    #expect(throws: SocketError.noAddress(host: "127.0.0.1", family: .ipv6)) {
      try AddressResolution.resolve(host: "127.0.0.1", port: 25, family: .ipv6)
    }
  }

  @Test func receiveTimesOutWhenTheServerNeverWrites() throws {
    let listener = try LoopbackListener()
    let (transport, _) = try SocketTransport.connect(
      host: "127.0.0.1", port: listener.port, connectTimeout: 5)
    defer { transport.close() }
    let server = try listener.accept()
    defer { Syscall.close(server) }
    let error = try #require(throws: TransportError.self) {
      try transport.receive(deadline: .after(seconds: 0.2))
    }
    guard case .timedOut(let phase, _) = error else {
      Issue.record("expected a timeout, got \(error)")
      return
    }
    #expect(phase == "")
  }

  @Test func peerCloseGivesAnEmptyRead() throws {
    let listener = try LoopbackListener()
    let (transport, _) = try SocketTransport.connect(
      host: "127.0.0.1", port: listener.port, connectTimeout: 5)
    defer { transport.close() }
    let server = try listener.accept()
    _ = try Syscall.send(server, Array("221 bye\r\n".utf8), from: 0)
    Syscall.close(server)
    #expect(try transport.receive(deadline: .after(seconds: 5)) == Array("221 bye\r\n".utf8))
    #expect(try transport.receive(deadline: .after(seconds: 5)) == [])
  }

  @Test func peerResetIsConnectionReset() throws {
    let listener = try LoopbackListener()
    let (transport, _) = try SocketTransport.connect(
      host: "127.0.0.1", port: listener.port, connectTimeout: 5)
    defer { transport.close() }
    let server = try listener.accept()
    var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
    setsockopt(server, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    Syscall.close(server)  // SO_LINGER 0: close sends RST
    #expect(throws: TransportError.connectionReset) {
      try transport.receive(deadline: .after(seconds: 5))
    }
  }

  @Test func writingToAClosedPeerFailsWithoutSIGPIPE() throws {
    let listener = try LoopbackListener()
    let (transport, _) = try SocketTransport.connect(
      host: "127.0.0.1", port: listener.port, connectTimeout: 5)
    defer { transport.close() }
    Syscall.close(try listener.accept())
    let chunk = [UInt8](repeating: 0x41, count: 64 * 1024)
    let error = try #require(throws: TransportError.self) {
      for _ in 0..<1000 { try transport.send(chunk, deadline: .after(seconds: 5)) }
    }
    #expect(error == .connectionReset)
  }

  @Test func closedTransportRefusesIO() throws {
    let listener = try LoopbackListener()
    let (transport, _) = try SocketTransport.connect(
      host: "127.0.0.1", port: listener.port, connectTimeout: 5)
    transport.close()
    transport.close()
    #expect(throws: TransportError.closed) { try transport.receive(deadline: .after(seconds: 1)) }
    #expect(throws: TransportError.closed) {
      try transport.send([0x41], deadline: .after(seconds: 1))
    }
  }

  @Test func releasedDescriptorStaysOpenForItsNewOwner() throws {
    let listener = try LoopbackListener()
    let (transport, _) = try SocketTransport.connect(
      host: "127.0.0.1", port: listener.port, connectTimeout: 5)
    let fd = transport.releaseDescriptor()
    #expect(transport.fileDescriptor == -1)
    transport.close()
    #expect(fcntl(fd, F_GETFD) != -1)
    Syscall.close(fd)
  }

  /// A listener that never accepts, with a backlog of 0, holds one or two connections; the
  /// kernel then drops further SYNs (Linux and gVisor alike), so a connect times out.
  @Test func connectTimesOutWhenTheAcceptQueueIsFull() throws {
    let listener = try LoopbackListener(backlog: 0)
    var held: [SocketTransport] = []
    defer { held.forEach { $0.close() } }
    var timeout: ConnectFailure?
    for _ in 0..<8 {
      do {
        let (transport, _) = try SocketTransport.connect(
          host: "127.0.0.1", port: listener.port, connectTimeout: 0.3)
        held.append(transport)
      } catch {
        timeout = error
        break
      }
    }
    let failure = try #require(timeout)
    #expect(failure.attempts.map(\.error) == [.timedOut(listener.address, seconds: 0.3)])
    #expect(failure.description.hasSuffix("127.0.0.1:\(listener.port): timed out after 0.3 s"))
  }

  private func readAll(_ fd: Int32, count: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < count {
      guard let chunk = try Syscall.receive(fd, maximum: count - bytes.count), !chunk.isEmpty
      else { break }
      bytes += chunk
    }
    return bytes
  }
}
