import COpenSSL
import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// A `Transport` that speaks TLS (OpenSSL 3) over a connected socket it owns.
///
/// Used after STARTTLS (RFC 3207 section 4) and for implicit TLS on port 465 (RFC 8314
/// section 3.3). The socket is non-blocking: every OpenSSL call that wants to read or write
/// (`SSL_ERROR_WANT_READ`/`WANT_WRITE`) waits in `poll` until the caller's deadline. We always
/// call `SSL_read` before polling, so bytes OpenSSL already decrypted (`SSL_pending`) are never
/// stranded behind a poll on an idle socket.
public final class TLSTransport: Transport {
  private var context: OpaquePointer?
  private var ssl: OpaquePointer?
  private var descriptor: Int32
  private var handshakeDone = false
  private let clock = SystemClock()
  /// A descriptor that becomes readable when the user asks the run to stop; a wait for data
  /// then ends at once with `.interrupted` (the handshake keeps its own deadline).
  public var wakeDescriptor: Int32?

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { close() }

  /// Performs the client handshake over `fd` and checks the server's certificate.
  ///
  /// - Parameters:
  ///   - fd: a connected TCP socket; the transport owns it from now on, even on failure.
  ///   - serverName: the name we dialled: the MX host name (never an address we resolved), or
  ///     the IP literal the user gave. It is sent as SNI unless it is an IP literal or
  ///     `configuration.serverNameIndication` overrides it, and the certificate is checked
  ///     against the SNI override if given, else this name.
  /// - Returns: the transport and the report. An untrusted certificate throws
  ///   `TLSError.untrusted` only when `configuration.verifyRequired` is set.
  public static func connect(
    fd: Int32, serverName: String, configuration: TLSConfiguration, deadline: Deadline
  ) throws(TLSError) -> (TLSTransport, TLSReport) {
    let transport = TLSTransport(descriptor: fd)
    let report: TLSReport
    do {
      report = try transport.handshake(
        serverName: serverName, configuration: configuration, deadline: deadline)
    } catch {
      transport.close()
      throw error
    }
    guard report.isAcceptable else {
      transport.close()
      throw .untrusted(report)
    }
    return (transport, report)
  }

  // MARK: - Handshake

  private func handshake(
    serverName: String, configuration: TLSConfiguration, deadline: Deadline
  ) throws(TLSError) -> TLSReport {
    OpenSSLErrorQueue.clear()
    let seconds = Double(deadline.remainingMilliseconds(on: clock)) / 1000
    let flags = fcntl(descriptor, F_GETFL)
    guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) >= 0 else {
      let code = errno
      throw .system(call: "fcntl", errno: code, message: String(cString: strerror(code)))
    }
    guard let method = TLS_client_method(), let context = SSL_CTX_new(method) else {
      throw .setupFailed(call: "SSL_CTX_new", reason: OpenSSLErrorQueue.drain() ?? "unknown")
    }
    self.context = context
    let trustStore = try loadTrustStore(context, caFile: configuration.caFile)
    // Old protocols need security level 0 in OpenSSL 3; we accept them to diagnose them.
    if configuration.minimumVersion < .tls1_2 { SSL_CTX_set_security_level(context, 0) }
    guard
      smtpprobe_SSL_CTX_set_min_proto_version(context, configuration.minimumVersion.wireValue)
        == 1
    else {
      throw .setupFailed(
        call: "SSL_CTX_set_min_proto_version", reason: OpenSSLErrorQueue.drain() ?? "unknown")
    }
    SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
    guard let ssl = SSL_new(context) else {
      throw .setupFailed(call: "SSL_new", reason: OpenSSLErrorQueue.drain() ?? "unknown")
    }
    self.ssl = ssl
    smtpprobe_SSL_configure(ssl)
    guard SSL_set_fd(ssl, descriptor) == 1 else {
      throw .setupFailed(call: "SSL_set_fd", reason: OpenSSLErrorQueue.drain() ?? "unknown")
    }
    let expectedName = configuration.serverNameIndication ?? serverName
    let sni: String? = IPAddress(unbracketing: expectedName) == nil ? expectedName : nil
    if let sni, smtpprobe_SSL_set_tlsext_host_name(ssl, sni) != 1 {
      throw .setupFailed(
        call: "SSL_set_tlsext_host_name", reason: OpenSSLErrorQueue.drain() ?? "unknown")
    }
    SSL_set_connect_state(ssl)

    while true {
      OpenSSLErrorQueue.clear()
      let result = SIGPIPEGuard.run { SSL_connect(ssl) }
      if result.value == 1 { break }
      let savedErrno = errno
      switch SSL_get_error(ssl, result.value) {
      case SSL_ERROR_WANT_READ:
        try waitDuringHandshake(for: Int16(POLLIN), deadline: deadline, seconds: seconds)
      case SSL_ERROR_WANT_WRITE:
        try waitDuringHandshake(for: Int16(POLLOUT), deadline: deadline, seconds: seconds)
      case SSL_ERROR_SYSCALL:
        let reason = OpenSSLErrorQueue.drain()
        if result.sigpipe || savedErrno == ECONNRESET || savedErrno == EPIPE || savedErrno == 0 {
          throw .closedDuringHandshake
        }
        if let reason { throw .handshakeFailed(reason: reason) }
        throw .system(
          call: "SSL_connect", errno: savedErrno, message: String(cString: strerror(savedErrno)))
      case SSL_ERROR_ZERO_RETURN:
        throw .closedDuringHandshake
      default:
        let reason = OpenSSLErrorQueue.drain() ?? "unknown error"
        if reason.lowercased().contains("unexpected eof") { throw .closedDuringHandshake }
        throw .handshakeFailed(reason: reason)
      }
    }
    handshakeDone = true
    return makeReport(
      ssl, sni: sni, expectedName: expectedName, trustStore: trustStore,
      configuration: configuration)
  }

  private func loadTrustStore(_ context: OpaquePointer, caFile: String?)
    throws(TLSError) -> TLSVerification.TrustStore
  {
    if let caFile {
      guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
        throw .caFileUnreadable(path: caFile, reason: OpenSSLErrorQueue.drain() ?? "unreadable")
      }
      return .caFile(caFile)
    }
    guard SSL_CTX_set_default_verify_paths(context) == 1 else {
      throw .setupFailed(
        call: "SSL_CTX_set_default_verify_paths", reason: OpenSSLErrorQueue.drain() ?? "unknown")
    }
    return .system
  }

  private func makeReport(
    _ ssl: OpaquePointer, sni: String?, expectedName: String,
    trustStore: TLSVerification.TrustStore, configuration: TLSConfiguration
  ) -> TLSReport {
    let version = SSL_get_version(ssl).map { String(cString: $0) } ?? "unknown"
    var cipherName = "unknown"
    var bits: Int32 = 0
    if let cipher = SSL_get_current_cipher(ssl) {
      cipherName = SSL_CIPHER_get_name(cipher).map { String(cString: $0) } ?? "unknown"
      _ = SSL_CIPHER_get_bits(cipher, &bits)
    }
    // On the client side the peer chain includes the leaf, in the order the server sent it.
    let chain = SSL_get_peer_cert_chain(ssl)
    var certificates: [CertificateInfo] = []
    let count = smtpprobe_sk_X509_num(chain)
    for index in 0..<count {
      if let cert = smtpprobe_sk_X509_value(chain, index) {
        let next = index + 1 < count ? smtpprobe_sk_X509_value(chain, index + 1) : nil
        certificates.append(CertificateInfo(x509: cert, issuer: next))
      }
    }
    let leaf = SSL_get1_peer_certificate(ssl)
    defer { if let leaf { X509_free(leaf) } }
    let verification = ChainVerifier.verify(
      leaf: leaf, chain: chain, store: SSL_CTX_get_cert_store(context),
      expectedName: expectedName, trustStore: trustStore, time: configuration.now())
    return TLSReport(
      protocolVersion: version, cipher: cipherName, cipherBits: Int(bits), serverName: sni,
      chain: certificates, verification: verification,
      verificationRequired: configuration.verifyRequired)
  }

  private func waitDuringHandshake(for events: Int16, deadline: Deadline, seconds: Double)
    throws(TLSError)
  {
    switch wait(for: events, deadline: deadline, wakeable: false) {
    case .ready: return
    case .timedOut, .interrupted: throw .handshakeTimedOut(seconds: seconds)
    case .failed(let code):
      throw .system(call: "poll", errno: code, message: String(cString: strerror(code)))
    }
  }

  // MARK: - Transport

  public func send(_ bytes: [UInt8], deadline: Deadline) throws(TransportError) {
    guard let ssl, handshakeDone else { throw .closed }
    let seconds = Double(deadline.remainingMilliseconds(on: clock)) / 1000
    var offset = 0
    while offset < bytes.count {
      OpenSSLErrorQueue.clear()
      let result = SIGPIPEGuard.run {
        bytes[offset...].withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
      }
      if result.value > 0 {
        offset += Int(result.value)
        continue
      }
      let savedErrno = errno
      try handleIOError(
        ssl, result: result, savedErrno: savedErrno, call: "SSL_write", deadline: deadline,
        seconds: seconds, phase: "the server to accept data (TLS)")
    }
  }

  public func receive(deadline: Deadline) throws(TransportError) -> [UInt8] {
    guard let ssl, handshakeDone else { throw .closed }
    let seconds = Double(deadline.remainingMilliseconds(on: clock)) / 1000
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      OpenSSLErrorQueue.clear()
      let result = SIGPIPEGuard.run {
        buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
      }
      if result.value > 0 { return Array(buffer[0..<Int(result.value)]) }
      let savedErrno = errno
      if SSL_get_error(ssl, result.value) == SSL_ERROR_ZERO_RETURN { return [] }
      try handleIOError(
        ssl, result: result, savedErrno: savedErrno, call: "SSL_read", deadline: deadline,
        seconds: seconds, phase: "the server (TLS)")
    }
  }

  /// Waits when OpenSSL wants to read or write; otherwise maps the error and throws.
  private func handleIOError(
    _ ssl: OpaquePointer, result: SIGPIPEGuard.Result, savedErrno: Int32, call: String,
    deadline: Deadline, seconds: Double, phase: String
  ) throws(TransportError) {
    let events: Int16
    switch SSL_get_error(ssl, result.value) {
    case SSL_ERROR_WANT_READ: events = Int16(POLLIN)
    case SSL_ERROR_WANT_WRITE: events = Int16(POLLOUT)
    case SSL_ERROR_ZERO_RETURN: throw .connectionReset
    case SSL_ERROR_SYSCALL:
      _ = OpenSSLErrorQueue.drain()
      if result.sigpipe || savedErrno == ECONNRESET || savedErrno == EPIPE || savedErrno == 0 {
        throw .connectionReset
      }
      throw .system(call: call, errno: savedErrno, message: String(cString: strerror(savedErrno)))
    default:
      throw .system(call: call, errno: 0, message: OpenSSLErrorQueue.drain() ?? "TLS error")
    }
    switch wait(for: events, deadline: deadline, wakeable: true) {
    case .ready: return
    case .interrupted: throw .interrupted(phase: phase)
    case .timedOut: throw .timedOut(phase: phase, seconds: (seconds * 10).rounded() / 10)
    case .failed(let code):
      throw .system(call: "poll", errno: code, message: String(cString: strerror(code)))
    }
  }

  /// Sends close_notify once, frees OpenSSL's state and closes the socket; safe to call twice.
  ///
  /// We do not wait for the server's close_notify (RFC 8446 section 6.1 allows closing at once),
  /// so a silent server cannot hold the probe.
  public func close() {
    if let ssl {
      if handshakeDone {
        OpenSSLErrorQueue.clear()
        _ = SIGPIPEGuard.run { SSL_shutdown(ssl) }
        OpenSSLErrorQueue.clear()
      }
      SSL_free(ssl)
      self.ssl = nil
    }
    if let context {
      SSL_CTX_free(context)
      self.context = nil
    }
    if descriptor >= 0 {
      _ = Glibc.close(descriptor)  // never retried on EINTR: the fd is gone either way
      descriptor = -1
    }
    handshakeDone = false
  }

  // MARK: - poll

  private enum WaitResult {
    case ready
    case timedOut
    case interrupted
    case failed(Int32)
  }

  /// Polls the socket for `events` until the deadline, retrying on EINTR; when `wakeable`,
  /// also `wakeDescriptor`, and a stop request ends the wait.
  ///
  /// The corresponding C function is `poll`.
  private func wait(for events: Int16, deadline: Deadline, wakeable: Bool) -> WaitResult {
    while true {
      let remaining = deadline.remainingMilliseconds(on: clock)
      if remaining <= 0 { return .timedOut }
      var entries = [pollfd(fd: descriptor, events: events, revents: 0)]
      if wakeable, let wakeDescriptor {
        entries.append(pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0))
      }
      let result = entries.withUnsafeMutableBufferPointer { buffer in
        poll(buffer.baseAddress, nfds_t(buffer.count), remaining)
      }
      if result > 0, entries[0].revents == 0 { return .interrupted }
      if result > 0 { return .ready }  // readable, writable, or HUP/ERR: OpenSSL will tell
      if result == 0 { continue }  // re-check the deadline
      let code = errno
      if code == EINTR { continue }
      return .failed(code)
    }
  }
}
