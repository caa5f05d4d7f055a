import SMTPProbeCore

/// How to set up TLS for one connection: SNI, trust anchors, versions and the verification policy.
public struct TLSConfiguration: Sendable {
  /// The name to send as SNI and check the certificate against (`--sni`).
  ///
  /// nil uses the name we dialled. SNI is never sent for an IP literal (RFC 6066 section 3).
  public var serverNameIndication: String?
  /// A PEM file of trusted CAs (`--cafile`); nil uses the system CA store.
  public var caFile: String?
  /// The oldest protocol we accept; TLS 1.0 by default so old servers can still be diagnosed.
  public var minimumVersion: TLSProtocolVersion
  /// Whether an untrusted certificate is an error (`--tls-verify`) rather than a warning.
  public var verifyRequired: Bool
  /// The wall clock for validity checks and days left; injected for tests.
  public var now: @Sendable () -> UnixTime

  public init(
    serverNameIndication: String? = nil, caFile: String? = nil,
    minimumVersion: TLSProtocolVersion = .tls1_0, verifyRequired: Bool = false,
    now: @escaping @Sendable () -> UnixTime = { WallClock.now() }
  ) {
    self.serverNameIndication = serverNameIndication
    self.caFile = caFile
    self.minimumVersion = minimumVersion
    self.verifyRequired = verifyRequired
    self.now = now
  }
}
