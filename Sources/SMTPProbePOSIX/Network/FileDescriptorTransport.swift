import SMTPProbeCore

/// A transport over a socket that can hand its file descriptor to another transport.
///
/// STARTTLS (RFC 3207 section 4) continues the same TCP connection under TLS, so the TLS layer
/// takes over the plain transport's socket. After `releaseDescriptor()` the plain transport no
/// longer owns the descriptor: its `close()` must not close it.
public protocol FileDescriptorTransport: Transport {
  /// Hands over the connected socket; the caller now owns (and eventually closes) it.
  func releaseDescriptor() -> Int32
}
