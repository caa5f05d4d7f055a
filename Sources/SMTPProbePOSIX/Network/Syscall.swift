import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// One thin wrapper per C function the socket layer uses, and the only place that calls them.
///
/// Each wrapper reads `errno` immediately after the call into a `SyscallError` naming the
/// function. The EINTR policy is explicit per call: `recv`, `send`, `poll` and `accept` retry an
/// interrupted call (`poll` with the time left), `connect` reports EINTR like EINPROGRESS (the
/// connection continues asynchronously, POSIX `connect`), and `close` never retries (on Linux
/// the descriptor is gone even when `close` fails, so retrying could close someone else's).
package enum Syscall {
  /// Creates a close-on-exec TCP socket.
  ///
  /// The corresponding C function is `socket`.
  package static func socket(family: Int32, nonBlocking: Bool) throws(SyscallError) -> Int32 {
    var type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    if nonBlocking { type |= Int32(SOCK_NONBLOCK.rawValue) }
    let fd = Glibc.socket(family, type, 0)
    if fd == -1 { throw SyscallError(call: "socket", errno: errno) }
    return fd
  }

  /// Starts connecting `fd` to `address`; returns false when the connection is still in progress
  /// (EINPROGRESS, or EINTR which means the same).
  ///
  /// The corresponding C function is `connect`.
  package static func connect(_ fd: Int32, to address: SocketAddress) throws(SyscallError) -> Bool {
    let result = address.withSockaddr { pointer, length in Glibc.connect(fd, pointer, length) }
    if result == 0 { return true }
    let code = errno
    if code == EINPROGRESS || code == EINTR { return false }
    throw SyscallError(call: "connect", errno: code)
  }

  /// Binds `fd` to `address`.
  ///
  /// The corresponding C function is `bind`.
  package static func bind(_ fd: Int32, to address: SocketAddress) throws(SyscallError) {
    let result = address.withSockaddr { pointer, length in Glibc.bind(fd, pointer, length) }
    if result == -1 { throw SyscallError(call: "bind", errno: errno) }
  }

  /// Marks `fd` as accepting connections.
  ///
  /// The corresponding C function is `listen`.
  package static func listen(_ fd: Int32, backlog: Int32) throws(SyscallError) {
    if Glibc.listen(fd, backlog) == -1 { throw SyscallError(call: "listen", errno: errno) }
  }

  /// Accepts one connection and marks it close-on-exec, retrying on EINTR.
  ///
  /// The corresponding C functions are `accept` and `fcntl(F_SETFD)`.
  package static func accept(_ fd: Int32) throws(SyscallError) -> Int32 {
    while true {
      let client = Glibc.accept(fd, nil, nil)
      if client != -1 {
        _ = Glibc.fcntl(client, F_SETFD, FD_CLOEXEC)
        return client
      }
      let code = errno
      if code == EINTR || code == ECONNABORTED { continue }
      throw SyscallError(call: "accept", errno: code)
    }
  }

  /// Waits for events on `fds` until `deadline` (nil: no limit); returns how many descriptors have
  /// events, 0 when the deadline passed.
  ///
  /// On EINTR it waits again for the time left. The corresponding C function is `poll`.
  package static func poll(
    _ fds: inout [pollfd], deadline: Deadline?, clock: any MonotonicClock
  ) throws(SyscallError) -> Int {
    while true {
      let timeout = deadline.map { $0.remainingMilliseconds(on: clock) } ?? -1
      let count = fds.withUnsafeMutableBufferPointer { buffer in
        Glibc.poll(buffer.baseAddress, nfds_t(buffer.count), timeout)
      }
      if count >= 0 { return Int(count) }
      let code = errno
      if code == EINTR { continue }
      throw SyscallError(call: "poll", errno: code)
    }
  }

  /// Reads up to `maximum` bytes, retrying on EINTR; an empty array means end of stream.
  ///
  /// EAGAIN is returned as nil. The corresponding C function is `recv`.
  package static func receive(_ fd: Int32, maximum: Int) throws(SyscallError) -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: maximum)
    while true {
      let count = buffer.withUnsafeMutableBytes { raw in
        Glibc.recv(fd, raw.baseAddress, raw.count, 0)
      }
      if count >= 0 {
        buffer.removeSubrange(count...)
        return buffer
      }
      let code = errno
      if code == EINTR { continue }
      if code == EAGAIN || code == EWOULDBLOCK { return nil }
      throw SyscallError(call: "recv", errno: code)
    }
  }

  /// Writes some of `bytes[offset...]` with MSG_NOSIGNAL (a closed peer gives EPIPE, not SIGPIPE),
  /// retrying on EINTR; returns the count written, 0 on EAGAIN.
  ///
  /// The corresponding C function is `send`.
  package static func send(_ fd: Int32, _ bytes: [UInt8], from offset: Int) throws(SyscallError)
    -> Int
  {
    while true {
      let count = bytes.withUnsafeBytes { raw in
        Glibc.send(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
      }
      if count >= 0 { return count }
      let code = errno
      if code == EINTR { continue }
      if code == EAGAIN || code == EWOULDBLOCK { return 0 }
      throw SyscallError(call: "send", errno: code)
    }
  }

  /// Closes `fd` once; never retried (see the type's note).
  ///
  /// The corresponding C function is `close`.
  package static func close(_ fd: Int32) {
    _ = Glibc.close(fd)
  }

  /// The pending error of a socket, 0 when none: how a non-blocking connect reports its outcome.
  ///
  /// The corresponding C function is `getsockopt(SO_ERROR)`.
  package static func pendingError(_ fd: Int32) throws(SyscallError) -> Int32 {
    var value: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    if Glibc.getsockopt(fd, SOL_SOCKET, SO_ERROR, &value, &length) == -1 {
      throw SyscallError(call: "getsockopt", errno: errno)
    }
    return value
  }

  /// Sets an integer socket option.
  ///
  /// The corresponding C function is `setsockopt`.
  package static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32)
    throws(SyscallError)
  {
    var value = value
    if Glibc.setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == -1 {
      throw SyscallError(call: "setsockopt", errno: errno)
    }
  }

  /// Switches `fd` between blocking and non-blocking mode.
  ///
  /// The corresponding C function is `fcntl(F_SETFL)`.
  package static func setNonBlocking(_ fd: Int32, _ nonBlocking: Bool) throws(SyscallError) {
    let flags = Glibc.fcntl(fd, F_GETFL)
    if flags == -1 { throw SyscallError(call: "fcntl", errno: errno) }
    let wanted = nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK
    if wanted != flags, Glibc.fcntl(fd, F_SETFL, wanted) == -1 {
      throw SyscallError(call: "fcntl", errno: errno)
    }
  }

  /// The local address of `fd`.
  ///
  /// The corresponding C function is `getsockname`.
  package static func localAddress(_ fd: Int32) throws(SyscallError) -> SocketAddress {
    try socketName("getsockname", fd) { fd, pointer, length in
      Glibc.getsockname(fd, pointer, length)
    }
  }

  /// The peer address of `fd`.
  ///
  /// The corresponding C function is `getpeername`.
  package static func peerAddress(_ fd: Int32) throws(SyscallError) -> SocketAddress {
    try socketName("getpeername", fd) { fd, pointer, length in
      Glibc.getpeername(fd, pointer, length)
    }
  }

  private static func socketName(
    _ call: String, _ fd: Int32,
    _ body: (Int32, UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<socklen_t>) -> Int32
  ) throws(SyscallError) -> SocketAddress {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let result = withUnsafeMutablePointer(to: &storage) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body(fd, $0, &length) }
    }
    if result == -1 { throw SyscallError(call: call, errno: errno) }
    let address = withUnsafeBytes(of: &storage) { raw in
      SocketAddress(sockaddrBytes: Array(raw.prefix(Int(length))))
    }
    guard let address else { throw SyscallError(call: call, errno: EAFNOSUPPORT) }
    return address
  }

  /// Resolves `host` to TCP addresses of `family` (AF_UNSPEC for any).
  ///
  /// AI_ADDRCONFIG is off so that `::1` resolves on hosts without a global IPv6 address. Returns
  /// the `EAI_*` code and its text on failure. The corresponding C functions are `getaddrinfo`,
  /// `freeaddrinfo` and `gai_strerror`.
  package static func getaddrinfo(host: String, port: Int, family: Int32)
    -> Result<[SocketAddress], AddressInfoError>
  {
    var hints = addrinfo()
    hints.ai_family = family
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_NUMERICSERV
    var list: UnsafeMutablePointer<addrinfo>?
    let code = Glibc.getaddrinfo(host, String(port), &hints, &list)
    if code != 0 {
      let systemErrno = code == EAI_SYSTEM ? errno : 0
      let text = String(cString: gai_strerror(code))
      return .failure(AddressInfoError(code: code, message: text, errno: systemErrno))
    }
    defer { freeaddrinfo(list) }
    var addresses: [SocketAddress] = []
    var entry = list
    while let current = entry {
      if let raw = current.pointee.ai_addr {
        let bytes = Array(
          UnsafeRawBufferPointer(start: raw, count: Int(current.pointee.ai_addrlen)))
        if let address = SocketAddress(sockaddrBytes: bytes), !addresses.contains(address) {
          addresses.append(address)
        }
      }
      entry = current.pointee.ai_next
    }
    return .success(addresses)
  }
}

/// A failed `getaddrinfo`: its `EAI_*` code and the `gai_strerror` text.
package struct AddressInfoError: Error, Hashable, Sendable {
  package var code: Int32
  package var message: String
  /// `errno` when `code` is EAI_SYSTEM, else 0.
  package var errno: Int32
}
