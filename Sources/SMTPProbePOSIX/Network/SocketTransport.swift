import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// A `Transport` over a plain TCP socket (POSIX, non-blocking, every wait bounded by poll).
///
/// `connect` resolves the host and tries each address in turn, so the report can say which
/// addresses failed and why. A timeout from `send`/`receive` is `.timedOut(phase: "", ...)`:
/// the transport does not know what the dialogue waits for, so the session driver fills in the
/// phase ("greeting", "reply to RCPT"). Not thread-safe: one owner drives it.
public final class SocketTransport: FileDescriptorTransport {
  /// How many bytes one `receive` reads at most.
  public static let receiveChunkBytes = 16 * 1024

  /// The socket, or -1 once closed or released.
  public private(set) var fileDescriptor: Int32
  /// The address connected to.
  public let peer: SocketAddress
  /// Our end of the connection, when the kernel told us.
  public let localAddress: SocketAddress?
  private let clock: any MonotonicClock
  /// A descriptor that becomes readable when the user asks the run to stop; a wait on the
  /// socket then ends at once with `.interrupted` instead of at its deadline.
  public var wakeDescriptor: Int32?

  /// Wraps an already connected socket; the transport owns it from now on.
  public init(
    connectedDescriptor: Int32, peer: SocketAddress, clock: any MonotonicClock = SystemClock()
  ) {
    fileDescriptor = connectedDescriptor
    self.peer = peer
    self.localAddress = try? Syscall.localAddress(connectedDescriptor)
    self.clock = clock
    try? Syscall.setNonBlocking(connectedDescriptor, true)
  }

  deinit {
    if fileDescriptor >= 0 { Syscall.close(fileDescriptor) }
  }

  /// The numeric peer host ("127.0.0.1", "::1").
  public var peerAddress: String { peer.host }
  /// The peer port.
  public var peerPort: Int { peer.port }

  /// Resolves `host` and connects to the first of its addresses that answers within
  /// `connectTimeout` seconds (each address gets the full timeout).
  public static func connect(
    host: String, port: Int, family: AddressFamilyPreference = .any,
    connectTimeout: Double, clock: any MonotonicClock = SystemClock()
  ) throws(ConnectFailure) -> (SocketTransport, ConnectReport) {
    let addresses: [SocketAddress]
    do {
      addresses = try AddressResolution.resolve(host: host, port: port, family: family)
    } catch {
      throw .resolution(error)
    }
    return try connect(
      host: host, addresses: addresses, connectTimeout: connectTimeout, clock: clock)
  }

  /// Connects to the first of `addresses` that answers, trying them in order.
  ///
  /// For callers that resolved already (the addresses of an MX host); `host` names them in
  /// messages.
  public static func connect(
    host: String, addresses: [SocketAddress], connectTimeout: Double,
    clock: any MonotonicClock = SystemClock()
  ) throws(ConnectFailure) -> (SocketTransport, ConnectReport) {
    var failed: [ConnectAttempt] = []
    for address in addresses {
      let start = clock.nowNanoseconds()
      let deadline = Deadline.after(seconds: connectTimeout, on: clock)
      do {
        let fd = try attempt(address, deadline: deadline, timeout: connectTimeout, clock: clock)
        let elapsed = milliseconds(since: start, clock: clock)
        let transport = SocketTransport(connectedDescriptor: fd, peer: address, clock: clock)
        let report = ConnectReport(
          host: host, address: address, localAddress: transport.localAddress,
          failedAttempts: failed, connectMilliseconds: elapsed)
        return (transport, report)
      } catch {
        failed.append(
          ConnectAttempt(
            address: address, error: error,
            elapsedMilliseconds: milliseconds(since: start, clock: clock)))
      }
    }
    let port = addresses.first?.port ?? 0
    throw .allAttemptsFailed(host: host, port: port, attempts: failed)
  }

  /// One non-blocking connect, waited for with poll, its outcome read with SO_ERROR.
  private static func attempt(
    _ address: SocketAddress, deadline: Deadline, timeout: Double, clock: any MonotonicClock
  ) throws(SocketError) -> Int32 {
    let fd: Int32
    do {
      fd = try Syscall.socket(family: address.addressFamily, nonBlocking: true)
    } catch {
      throw SocketError(connectErrno: error.errno, call: error.call, address: address)
    }
    do {
      if try Syscall.connect(fd, to: address) { return fd }
      var fds = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)]
      if try Syscall.poll(&fds, deadline: deadline, clock: clock) == 0 {
        Syscall.close(fd)
        throw SocketError.timedOut(address, seconds: timeout)
      }
      let pending = try Syscall.pendingError(fd)
      if pending != 0 {
        Syscall.close(fd)
        throw SocketError(connectErrno: pending, address: address)
      }
      return fd
    } catch let error as SyscallError {
      Syscall.close(fd)
      throw SocketError(connectErrno: error.errno, call: error.call, address: address)
    } catch let error as SocketError {
      throw error
    } catch {
      Syscall.close(fd)
      throw SocketError(connectErrno: EIO, address: address)
    }
  }

  private static func milliseconds(since start: UInt64, clock: any MonotonicClock) -> Double {
    Double(clock.nowNanoseconds() &- start) / 1e6
  }

  /// Writes every byte, waiting for the socket to drain (POLLOUT) until `deadline`.
  public func send(_ bytes: [UInt8], deadline: Deadline) throws(TransportError) {
    let fd = try openDescriptor()
    let start = clock.nowNanoseconds()
    var offset = 0
    while offset < bytes.count {
      do {
        let written = try Syscall.send(fd, bytes, from: offset)
        offset += written
        if written == 0 { try wait(for: POLLOUT, fd: fd, deadline: deadline, start: start) }
      } catch let error as SyscallError {
        throw Self.transportError(error)
      } catch let error as TransportError {
        throw error
      } catch {
        throw .closed
      }
    }
  }

  /// Waits (POLLIN) until `deadline`, then reads up to `receiveChunkBytes`; an empty array
  /// means the peer closed the connection.
  public func receive(deadline: Deadline) throws(TransportError) -> [UInt8] {
    try receive(atMost: Self.receiveChunkBytes, deadline: deadline)
  }

  /// Like `receive(deadline:)`, but reads at most `maximum` bytes, so that bytes after a
  /// reply of known length (a SOCKS5 reply) stay in the socket for the next reader.
  public func receive(atMost maximum: Int, deadline: Deadline) throws(TransportError) -> [UInt8] {
    let fd = try openDescriptor()
    let start = clock.nowNanoseconds()
    while true {
      do {
        if let bytes = try Syscall.receive(fd, maximum: max(1, maximum)) {
          return bytes
        }
        try wait(for: POLLIN, fd: fd, deadline: deadline, start: start)
      } catch let error as SyscallError {
        throw Self.transportError(error)
      } catch let error as TransportError {
        throw error
      } catch {
        throw .closed
      }
    }
  }

  /// Closes the socket; safe to call twice.
  public func close() {
    guard fileDescriptor >= 0 else { return }
    Syscall.close(fileDescriptor)
    fileDescriptor = -1
  }

  /// Hands the socket to another owner (the TLS transport), which must close it; this transport is
  /// closed afterwards.
  ///
  /// Returns -1 when already closed.
  public func releaseDescriptor() -> Int32 {
    let fd = fileDescriptor
    fileDescriptor = -1
    return fd
  }

  private func openDescriptor() throws(TransportError) -> Int32 {
    guard fileDescriptor >= 0 else { throw .closed }
    return fileDescriptor
  }

  private func wait(for event: Int32, fd: Int32, deadline: Deadline, start: UInt64)
    throws(TransportError)
  {
    var fds = [pollfd(fd: fd, events: Int16(event), revents: 0)]
    if let wakeDescriptor {
      fds.append(pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0))
    }
    let ready: Int
    do {
      ready = try Syscall.poll(&fds, deadline: deadline, clock: clock)
    } catch {
      throw Self.transportError(error)
    }
    if fds.count > 1, fds[1].revents != 0, fds[0].revents == 0 {
      throw .interrupted(phase: "")
    }
    if ready == 0 {
      let waited = deadline.nanoseconds > start ? Double(deadline.nanoseconds - start) / 1e9 : 0
      throw .timedOut(phase: "", seconds: (waited * 1000).rounded() / 1000)
    }
  }

  private static func transportError(_ error: SyscallError) -> TransportError {
    switch error.errno {
    case ECONNRESET, EPIPE, ECONNABORTED: .connectionReset
    default: .system(call: error.call, errno: error.errno, message: error.message)
    }
  }
}
