import SMTPProbeCore

/// Upgrades a plain socket transport to TLS with OpenSSL: after STARTTLS, or right after
/// connect for implicit TLS.
///
/// The dialogue driver calls `upgrade` after the server's 220 reply to STARTTLS (RFC 3207
/// section 4); the plain transport hands over its socket and must not be used again. After the
/// upgrade the client must forget what it knew and send EHLO again (RFC 3207 section 4.2).
public struct OpenSSLUpgrader: TLSUpgrading, Sendable {
  /// SNI, trust anchors, versions and the verification policy for every upgrade.
  public var configuration: TLSConfiguration

  public init(configuration: TLSConfiguration = TLSConfiguration()) {
    self.configuration = configuration
  }

  /// Takes over `transport`'s socket and performs the handshake by `deadline`.
  ///
  /// `serverName` is the name we dialled (the MX host name, or the IP literal given by the
  /// user): sent as SNI and checked against the certificate. Throws `TLSError`; an untrusted
  /// certificate throws only when `configuration.verifyRequired` is set, otherwise the
  /// report's `verification` carries the faults.
  public func upgrade(_ transport: any Transport, serverName: String, deadline: Deadline) throws
    -> (any Transport, TLSReport)
  {
    guard let socket = transport as? any FileDescriptorTransport else {
      throw TLSError.transportNotUpgradable
    }
    let wakeDescriptor = (socket as? SocketTransport)?.wakeDescriptor
    let (tls, report) = try TLSTransport.connect(
      fd: socket.releaseDescriptor(), serverName: serverName, configuration: configuration,
      deadline: deadline)
    tls.wakeDescriptor = wakeDescriptor
    return (tls, report)
  }

  /// Implicit TLS (`--tls-on-connect`, port 465, RFC 8314 section 3.3) over a connected `fd`.
  ///
  /// The handshake runs right after connect, before the server's greeting. Calling `upgrade`
  /// on a freshly connected socket transport, before reading anything, does the same.
  public func connectImplicitTLS(fd: Int32, serverName: String, deadline: Deadline)
    throws(TLSError) -> (TLSTransport, TLSReport)
  {
    try TLSTransport.connect(
      fd: fd, serverName: serverName, configuration: configuration, deadline: deadline)
  }

  /// Implicit TLS with an explicit configuration; see the instance method.
  public static func connectImplicitTLS(
    fd: Int32, serverName: String, configuration: TLSConfiguration, deadline: Deadline
  ) throws(TLSError) -> (TLSTransport, TLSReport) {
    try TLSTransport.connect(
      fd: fd, serverName: serverName, configuration: configuration, deadline: deadline)
  }
}
